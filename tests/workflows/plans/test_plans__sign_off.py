"""Once every region has confirmed, the sales GM sends the plan to the CEO; the CEO's approval
publishes it, a return sends it back to the sales GM (and then to the regions again)."""

import pytest

from core.audit.verify import verify_all
from core.exceptions import (
    InvalidInputError,
    NotYourTaskError,
    PermissionDeniedError,
    StateConflictError,
)
from core.inbox import services as inbox
from core.inbox.models import RequestStatus
from tests.core.inbox.helpers import one_audit_event
from workflows.plans import services
from workflows.plans.models import PlanState

from .conftest import confirm_all, fresh, open_items, request_of

pytestmark = pytest.mark.django_db


def test_ceo_task_opens_when_the_sales_gm_sends_the_confirmed_plan(personas, confirmed):
    plan = confirmed()

    with one_audit_event("plan.sent_to_ceo"):
        services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])

    plan = fresh(plan)
    assert plan.state == PlanState.IN_SIGN_OFF and plan.sent_to_ceo_at is not None
    (ceo,) = open_items(plan)
    assert ceo.step_code == "ceo" and ceo.assignee == personas["ceo"]
    req = request_of(plan)
    assert req.current_step == "ceo" and req.waiting_on_ids == [personas["ceo"].pk]


def test_published_when_the_ceo_approves(personas, confirmed):
    plan = confirmed()
    services.plan_submit(plan_id=plan.pk, actor=personas["gm"])  # the API's one /submit/
    (ceo,) = open_items(plan)

    with one_audit_event("plan.approved") as audit:
        inbox.task_approve(task_id=ceo.pk, actor=personas["ceo"], comment="同意")
    assert audit["event"].to_state == PlanState.PUBLISHED

    plan = fresh(plan)
    assert plan.state == PlanState.PUBLISHED and plan.published_at is not None
    req = request_of(plan)
    assert req.status == RequestStatus.APPROVED
    assert req.current_step == "" and open_items(plan) == []
    assert verify_all(save=False).ok


def test_ceo_return_sends_the_plan_back_and_through_the_regions_again(personas, confirmed):
    plan = confirmed()
    services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    (ceo,) = open_items(plan)

    inbox.task_return(task_id=ceo.pk, actor=personas["ceo"], reason="华南增长目标偏保守")

    plan = fresh(plan)
    assert plan.state == PlanState.RETURNED
    assert plan.return_note == "华南增长目标偏保守" and plan.returned_by == personas["ceo"]
    (revise,) = open_items(plan)
    assert revise.is_revision

    services.plan_submit_for_confirmation(plan_id=plan.pk, actor=personas["gm"])
    assert fresh(plan).state == PlanState.CONFIRMING
    confirm_all(personas, plan)
    services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    (ceo,) = open_items(plan)
    inbox.task_approve(task_id=ceo.pk, actor=personas["ceo"])
    assert fresh(plan).state == PlanState.PUBLISHED


def test_ceo_cannot_reject_a_plan(personas, confirmed):
    plan = confirmed()
    services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    (ceo,) = open_items(plan)
    with pytest.raises(InvalidInputError):
        inbox.task_reject(task_id=ceo.pk, actor=personas["ceo"], reason="不行")
    assert fresh(plan).state == PlanState.IN_SIGN_OFF


def test_only_the_ceo_signs_off(personas, confirmed):
    plan = confirmed()
    services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    (ceo,) = open_items(plan)
    for who in ("east_mgr", "finance"):
        with pytest.raises(NotYourTaskError):
            inbox.task_approve(task_id=ceo.pk, actor=personas[who])
    assert fresh(plan).state == PlanState.IN_SIGN_OFF


def test_sending_to_the_ceo_is_refused_before_every_region_confirmed(personas, submitted):
    plan = submitted()
    confirm_all(personas, plan, regions=("east", "south"))
    with pytest.raises(StateConflictError):
        services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    assert fresh(plan).state == PlanState.CONFIRMING


@pytest.mark.parametrize("who", ["east_mgr", "ceo"])
def test_sending_to_the_ceo_is_refused_for_others(personas, confirmed, who):
    plan = confirmed()
    with pytest.raises(PermissionDeniedError):
        services.plan_send_to_ceo(plan_id=plan.pk, actor=personas[who])
    assert fresh(plan).state == PlanState.CONFIRMED


def test_sending_twice_is_a_conflict(personas, confirmed):
    plan = confirmed()
    services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    with pytest.raises(StateConflictError):
        services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    assert len(open_items(plan)) == 1


@pytest.mark.parametrize("stage", ["confirming", "confirmed", "in_sign_off"])
def test_sales_gm_withdraws_a_plan_under_way(personas, submitted, stage):
    plan = submitted()
    if stage != "confirming":
        confirm_all(personas, plan)
    if stage == "in_sign_off":
        services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])

    with one_audit_event("plan.withdrawn"):
        inbox.request_withdraw(request_id=request_of(plan).pk, actor=personas["gm"],
                               reason="市场变化，重新编制")

    assert fresh(plan).state == PlanState.WITHDRAWN
    assert open_items(plan) == []
    assert request_of(plan).status == RequestStatus.WITHDRAWN
    with pytest.raises(StateConflictError):
        services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])


def test_a_new_plan_for_the_year_may_follow_a_withdrawn_one(personas, submitted, draft):
    plan = submitted()
    inbox.request_withdraw(request_id=request_of(plan).pk, actor=personas["gm"])
    again = draft()
    assert again.number != plan.number and again.state == PlanState.DRAFT
