"""加签 on a risk's response-plan approval, a stage of the risk flow (the risk routes by its
level, not by a chain): the plan is approved only when every signer approved; an added signer
rejects or returns it as the level's approver would."""

import pytest

from core.inbox import actions
from core.inbox import services as inbox
from core.inbox.models import RequestStatus
from tests.core.inbox.helpers import one_audit_event
from workflows.risks.models import RiskState

from .conftest import MEDIUM, fresh, open_item, open_items, request_of

pytestmark = pytest.mark.django_db


def add(item, actor, signers, position):
    return actions.task_add_signer(task_id=item.pk, actor=actor, signers=signers,
                                   position=position, reason="涉及信用风险，请法务把关")


def test_after_me_legal_signs_before_the_plan_is_approved(with_plan, personas):
    risk = with_plan(MEDIUM)
    mgr, legal = personas["east_mgr"], personas["legal"]
    item = open_item(risk)
    with one_audit_event("risk.signer_added"):
        add(item, mgr, [legal], "after")
    with one_audit_event("risk.countersigned"):
        inbox.task_approve(task_id=item.pk, actor=mgr)
    assert fresh(risk).state == RiskState.PLAN_SUBMITTED

    theirs = open_item(risk)
    assert theirs.assignee == legal and theirs.step_code == "plan_review"
    inbox.task_approve(task_id=theirs.pk, actor=legal)
    assert fresh(risk).state == RiskState.MITIGATING
    assert request_of(risk).status == RequestStatus.APPROVED


def test_before_me_the_added_signer_rejects_the_plan(with_plan, personas):
    risk = with_plan(MEDIUM)
    mgr, legal = personas["east_mgr"], personas["legal"]
    add(open_item(risk), mgr, [legal], "before")

    inbox.task_reject(task_id=open_item(risk).pk, actor=legal, reason="措施不足")

    assert fresh(risk).state == RiskState.ASSESSED
    assert open_items(risk) == []


def test_alongside_me_a_co_signer_returns_the_plan_to_its_owner(with_plan, personas):
    risk = with_plan(MEDIUM)
    mgr, legal = personas["east_mgr"], personas["legal"]
    item = open_item(risk)
    add(item, mgr, [legal], "alongside")
    inbox.task_approve(task_id=item.pk, actor=mgr)
    assert fresh(risk).state == RiskState.PLAN_SUBMITTED

    inbox.task_return(task_id=open_item(risk).pk, actor=legal, reason="补充应对措施")

    assert fresh(risk).state == RiskState.PLAN_RETURNED
    assert [i.is_revision for i in open_items(risk)] == [True]


def test_the_owners_revision_takes_no_signer(with_plan, personas):
    from core.exceptions import InvalidInputError
    from tests.core.inbox.helpers import no_audit_event

    risk = with_plan(MEDIUM)
    inbox.task_return(task_id=open_item(risk).pk, actor=personas["east_mgr"], reason="补充")
    revision = open_item(risk)
    assert revision.is_revision
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        add(revision, personas["east_rep1"], [personas["legal"]], "before")
    assert "revision" in str(exc.value.message)
    assert not actions.may_add_signer(personas["east_rep1"], revision)
