"""加签 alongside me: co-signers of the holder's step, each of whose approval is required."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.authority.models import AuthorityBand, AuthorityMatrix
from core.exceptions import InvalidInputError, NotYourTaskError
from core.inbox import actions, services
from core.inbox.models import RequestStatus, WorkItem, WorkItemStatus
from core.inbox.selectors import request_route
from core.org.models import Role, RoleAssignment, User

from .helpers import one_audit_event, open_item, open_items

pytestmark = pytest.mark.django_db


def alongside(item, actor, *signers, sla_hours=None):
    return actions.task_add_signer(task_id=item.pk, actor=actor, signers=list(signers),
                                   position="alongside", reason="金额较大，请会签",
                                   sla_hours=sla_hours)


def test_the_step_is_decided_when_the_holder_and_the_co_signer_approved(submit, personas):
    req = submit()
    mine = open_item(req)
    mgr, legal = personas["east_mgr"], personas["legal"]

    with one_audit_event("demo.signer_added") as audit:
        alongside(mine, mgr, legal, sla_hours=Decimal("4"))

    assert audit["event"].data["position"] == "alongside"
    req.refresh_from_db()
    assert req.chain[0]["quorum"] == 2 and req.chain[0]["alongside"] == [legal.pk]
    theirs = next(i for i in open_items(req) if i.assignee_id == legal.pk)
    assert theirs.step_code == "line_manager" and theirs.step_index == 0
    assert theirs.due is not None  # their own deadline: 4 working hours
    assert audit["event"].data["tasks"] == [theirs.pk]
    assert sorted(req.waiting_on_ids) == sorted([mgr.pk, legal.pk])

    services.task_approve(task_id=mine.pk, actor=mgr)
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW and open_items(req) == [theirs]

    services.task_approve(task_id=theirs.pk, actor=legal, comment="同意")
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    group = next(s for s in request_route(req) if s.is_group)
    assert group.state == "done" and group.mode_label == "all 2 must approve (2 so far)"
    assert [(b.who, b.state) for b in group.branches] == [(str(mgr), "done"), (str(legal), "done")]


def test_a_co_signer_rejects_and_the_holders_task_closes(submit, personas):
    req = submit()
    mine = open_item(req)
    legal = personas["legal"]
    alongside(mine, personas["east_mgr"], legal)
    theirs = next(i for i in open_items(req) if i.assignee_id == legal.pk)

    services.task_reject(task_id=theirs.pk, actor=legal, reason="不符合规定")

    req.refresh_from_db()
    assert req.status == RequestStatus.REJECTED and not open_items(req)
    assert WorkItem.objects.get(pk=mine.pk).status == WorkItemStatus.CANCELLED


def test_a_co_signer_returns_it_to_the_submitter(submit, personas):
    req = submit()
    mine = open_item(req)
    legal = personas["legal"]
    alongside(mine, personas["east_mgr"], legal)
    services.task_approve(task_id=mine.pk, actor=personas["east_mgr"])
    theirs = open_item(req)
    services.task_return(task_id=theirs.pk, actor=legal, reason="补充发票")
    req.refresh_from_db()
    assert req.status == RequestStatus.RETURNED
    assert [i.is_revision for i in open_items(req)] == [True]


def test_a_co_signer_may_add_another_co_signer(submit, personas):
    req = submit()
    mine = open_item(req)
    legal, finance = personas["legal"], personas["finance"]
    alongside(mine, personas["east_mgr"], legal)
    theirs = next(i for i in open_items(req) if i.assignee_id == legal.pk)
    alongside(theirs, legal, finance)
    req.refresh_from_db()
    assert req.chain[0]["quorum"] == 3 and len(open_items(req)) == 3
    for item in open_items(req):
        services.task_approve(task_id=item.pk, actor=item.assignee)
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_refused_for_someone_already_signing_the_step_or_the_submitter(submit, personas):
    req = submit()
    mine = open_item(req)
    legal = personas["legal"]
    alongside(mine, personas["east_mgr"], legal)
    with pytest.raises(InvalidInputError) as exc:
        alongside(mine, personas["east_mgr"], legal)
    assert "signs this step already" in str(exc.value.message)
    with pytest.raises(Exception) as exc:  # noqa: PT011 - segregation of duties
        alongside(mine, personas["east_mgr"], personas["east_rep1"])
    assert exc.value.code == "segregation_of_duties"
    # "before me" does not fit a step several sign at once
    with pytest.raises(InvalidInputError):
        actions.task_add_signer(task_id=mine.pk, actor=personas["east_mgr"],
                                signers=[personas["finance"]], position="before", reason="x")
    with pytest.raises(NotYourTaskError):
        alongside(mine, legal, personas["finance"])  # not legal's task


def test_refused_on_a_step_that_needs_only_some_of_its_signers(submit, personas):
    third = User.objects.create_user(username="legal3", display_name="法务三",
                                     email="l3@example.com", manager=personas["legal"])
    RoleAssignment.objects.create(user=third, role=Role.LEGAL)
    AuthorityMatrix.objects.filter(kind="demo").delete()
    matrix = AuthorityMatrix.objects.create(kind="demo")
    AuthorityBand.objects.create(matrix=matrix, min_amount=0, steps=[Role.LEGAL],
                                 quorums={Role.LEGAL: 2})
    req = submit()
    item = next(i for i in open_items(req) if i.assignee_id == personas["legal"].pk)
    with pytest.raises(InvalidInputError) as exc:
        alongside(item, personas["legal"], personas["finance"])
    assert "2 of 3" in str(exc.value.message)
    assert not AuditEvent.objects.filter(event="demo.signer_added").exists()
    req.refresh_from_db()  # the step is unchanged
    assert req.chain[0]["quorum"] == 2 and len(req.chain[0]["tasks"]) == 3
