"""The response plan's route (policy 8.2): approved by the level's approver — medium the risk
region's manager, high the sales GM, critical the CEO, low nobody — then mitigating; rejected
back to assessed; returned to the owner, who revises and resubmits; withdrawn by the owner."""

import pytest
from viewflow.workflow.status import PROCESS

from core.exceptions import (
    InvalidInputError,
    NotYourTaskError,
    PermissionDeniedError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.inbox import services as inbox
from core.inbox.models import RequestStatus, WorkItem
from tests.core.inbox.helpers import one_audit_event
from workflows.risks.models import RiskState
from workflows.risks.services import measure_add, plan_submit

from .conftest import (
    CRITICAL,
    HIGH,
    LOW,
    MEDIUM,
    TODAY,
    fresh,
    holders,
    open_item,
    open_items,
    request_of,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("rating", "approver"), [
    (MEDIUM, "east_mgr"), (HIGH, "gm"), (CRITICAL, "ceo"),
])
def test_plan_waits_on_the_levels_approver_when_submitted(with_plan, personas, rating,
                                                          approver):
    risk = with_plan(rating)

    assert risk.state == RiskState.PLAN_SUBMITTED
    item = open_item(risk)
    assert item.step_code == "plan_review"
    assert holders(item) == {personas[approver].pk}
    assert item.due is not None  # from the SLA rules, so the engine's sweep can escalate it
    req = request_of(risk)
    assert req.status == RequestStatus.IN_REVIEW
    assert req.waiting_on_ids == [personas[approver].pk]
    assert req.chain == []  # the level decides, not the amount matrix


@pytest.mark.parametrize(("rating", "approver"), [
    (MEDIUM, "east_mgr"), (HIGH, "gm"), (CRITICAL, "ceo"),
])
def test_risk_is_mitigating_when_the_levels_approver_approves(with_plan, personas, rating,
                                                              approver):
    risk = with_plan(rating)

    inbox.task_approve(task_id=open_item(risk).pk, actor=personas[approver], comment="同意")

    risk = fresh(risk)
    assert risk.state == RiskState.MITIGATING
    assert risk.routed_role == ""
    req = request_of(risk)
    assert req.status == RequestStatus.APPROVED
    assert req.process.status == PROCESS.DONE
    assert open_items(risk) == []


def test_low_plan_in_force_without_approval_when_submitted(with_plan, personas):
    risk = with_plan(LOW, submit=False)

    with one_audit_event("risk.plan_adopted"):
        plan_submit(risk_id=risk.pk, actor=personas["east_rep1"])

    risk = fresh(risk)
    assert risk.state == RiskState.MITIGATING
    assert not WorkItem.objects.filter(request=request_of(risk)).exists()


def test_plan_goes_one_level_up_when_the_owner_is_the_regions_manager(with_plan, personas):
    risk = with_plan(MEDIUM, owner="east_mgr")

    assert holders(open_item(risk)) == {personas["gm"].pk}


def test_critical_plan_goes_to_ceo_when_owner_is_sales_gm(with_plan, personas):
    risk = with_plan(HIGH, owner="gm", region=None)

    assert holders(open_item(risk)) == {personas["ceo"].pk}


@pytest.mark.parametrize(("rating", "wrong"), [
    (MEDIUM, "south_mgr"), (MEDIUM, "gm"), (HIGH, "east_mgr"), (HIGH, "ceo"),
    (CRITICAL, "gm"), (CRITICAL, "east_rep2"),
])
def test_refused_when_someone_else_than_the_levels_approver_decides(with_plan, personas,
                                                                     rating, wrong):
    risk = with_plan(rating)

    with pytest.raises(NotYourTaskError):
        inbox.task_approve(task_id=open_item(risk).pk, actor=personas[wrong])
    assert fresh(risk).state == RiskState.PLAN_SUBMITTED


def test_refused_when_owner_approves_own_plan(with_plan, personas):
    risk = with_plan(MEDIUM)

    with pytest.raises(SegregationOfDutiesError):
        inbox.task_approve(task_id=open_item(risk).pk, actor=personas["east_rep1"])
    assert fresh(risk).state == RiskState.PLAN_SUBMITTED


def test_risk_back_to_assessed_when_plan_rejected(with_plan, personas):
    risk = with_plan(HIGH)

    inbox.task_reject(task_id=open_item(risk).pk, actor=personas["gm"], reason="措施不足")

    risk = fresh(risk)
    assert risk.state == RiskState.ASSESSED
    assert request_of(risk).status == RequestStatus.REJECTED
    # A new plan may be submitted: a new approval run on the same request.
    measure_add(risk_id=risk.pk, actor=personas["east_rep1"], description="调整销售策略",
                owner=personas["east_rep2"], due_date=TODAY())
    plan_submit(risk_id=risk.pk, actor=personas["east_rep1"])
    assert fresh(risk).state == RiskState.PLAN_SUBMITTED
    assert holders(open_item(risk)) == {personas["gm"].pk}


def test_owner_revises_and_resubmits_when_plan_returned(with_plan, personas):
    risk = with_plan(MEDIUM)

    inbox.task_return(task_id=open_item(risk).pk, actor=personas["east_mgr"],
                      reason="请补充应收账款措施")

    risk = fresh(risk)
    assert risk.state == RiskState.PLAN_RETURNED
    req = request_of(risk)
    assert req.status == RequestStatus.RETURNED
    revision = open_item(risk)
    assert revision.is_revision and revision.assignee_id == personas["east_rep1"].pk
    with pytest.raises(StateConflictError):
        plan_submit(risk_id=risk.pk, actor=personas["east_rep1"])
    measure_add(risk_id=risk.pk, actor=personas["east_rep1"], description="加强应收账款管理",
                owner=personas["east_rep1"], due_date=TODAY())

    inbox.request_resubmit(request_id=req.pk, actor=personas["east_rep1"], comment="已补充")

    assert fresh(risk).state == RiskState.PLAN_SUBMITTED
    item = open_item(risk)
    assert item.step_code == "plan_review" and holders(item) == {personas["east_mgr"].pk}
    assert request_of(risk).chain == []
    inbox.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    assert fresh(risk).state == RiskState.MITIGATING


def test_refused_when_returned_to_a_chain_step(with_plan, personas):
    risk = with_plan(MEDIUM)

    with pytest.raises(InvalidInputError):
        inbox.task_return(task_id=open_item(risk).pk, actor=personas["east_mgr"],
                          reason="x", to_step=0)
    assert fresh(risk).state == RiskState.PLAN_SUBMITTED


def test_risk_back_to_assessed_when_owner_withdraws_plan(with_plan, personas):
    risk = with_plan(CRITICAL)

    inbox.request_withdraw(request_id=request_of(risk).pk, actor=personas["east_rep1"],
                           reason="重新评估")

    assert fresh(risk).state == RiskState.ASSESSED
    assert open_items(risk) == []
    assert request_of(risk).status == RequestStatus.WITHDRAWN


def test_refused_when_plan_has_no_open_measure(make_risk, personas):
    risk = make_risk(MEDIUM)

    with pytest.raises(InvalidInputError) as exc:
        plan_submit(risk_id=risk.pk, actor=personas["east_rep1"])
    assert "measures" in exc.value.fields
    assert fresh(risk).state == RiskState.ASSESSED


def test_refused_when_plan_submitted_before_assessment(make_risk, personas):
    risk = make_risk(None)
    measure_add(risk_id=risk.pk, actor=personas["east_rep1"], description="调研",
                owner=personas["east_rep1"], due_date=TODAY())

    with pytest.raises(StateConflictError):
        plan_submit(risk_id=risk.pk, actor=personas["east_rep1"])
    assert fresh(risk).state == RiskState.IDENTIFIED


@pytest.mark.parametrize("who", ["east_mgr", "gm", "auditor"])
def test_refused_when_someone_else_than_the_owner_submits_the_plan(with_plan, personas, who):
    risk = with_plan(MEDIUM, submit=False)

    with pytest.raises(PermissionDeniedError):
        plan_submit(risk_id=risk.pk, actor=personas[who])
    assert fresh(risk).state == RiskState.ASSESSED


def test_refused_when_measure_added_while_plan_in_approval(with_plan, personas):
    risk = with_plan(MEDIUM)

    with pytest.raises(StateConflictError):
        measure_add(risk_id=risk.pk, actor=personas["east_rep1"], description="x",
                    owner=personas["east_rep1"], due_date=TODAY())


def test_plan_is_routed_by_level_when_no_authority_matrix_exists_for_risks(with_plan, personas):
    from core.authority.models import AuthorityMatrix

    AuthorityMatrix.objects.filter(kind="risk").delete()

    risk = with_plan(HIGH)

    assert holders(open_item(risk)) == {personas["gm"].pk}
    assert request_of(risk).chain == []
