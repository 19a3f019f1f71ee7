"""Every regional manager confirms their region's allocation, in parallel, all required
(policy 4.1); a push-back needs a reason, returns the plan to the sales GM with it and cancels
the other regions' open confirmations."""

import pytest

from core.audit.verify import verify_all
from core.exceptions import (
    InvalidInputError,
    NotYourTaskError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.inbox import services as inbox
from core.inbox.models import Decision, RequestStatus, WorkItem, WorkItemStatus
from tests.core.inbox.helpers import one_audit_event
from workflows.plans import services
from workflows.plans.models import PlanState

from .conftest import (
    MANAGERS,
    confirm_all,
    confirmation,
    find,
    fresh,
    open_items,
    request_of,
    rows_of,
)

pytestmark = pytest.mark.django_db


def test_one_confirmation_per_region_opens_for_its_manager_when_submitted(personas, submitted):
    plan = submitted()

    items = open_items(plan)
    assert sorted(i.task.data["region"] for i in items) == ["east", "north", "south"]
    assert {i.step_code for i in items} == {"confirm_region"}
    for item in items:
        assert item.assignee == personas[MANAGERS[item.task.data["region"]]]
    assert fresh(plan).state == PlanState.CONFIRMING
    req = request_of(plan)
    assert req.status == RequestStatus.IN_REVIEW
    assert req.current_step == "confirm_region"
    assert set(req.waiting_on_ids) == {personas[u].pk for u in MANAGERS.values()}


def test_only_regions_with_allocations_confirm(personas, submitted):
    plan = submitted(region_codes=["east", "south"])
    assert sorted(i.task.data["region"] for i in open_items(plan)) == ["east", "south"]


def test_plan_waits_for_every_region_and_then_for_the_sales_gm(personas, submitted):
    plan = submitted()

    with one_audit_event("plan.step_approved"):
        inbox.task_approve(task_id=confirmation(plan, "south").pk, actor=personas["south_mgr"])
    assert fresh(plan).state == PlanState.CONFIRMING
    assert set(request_of(plan).waiting_on_ids) == {personas["east_mgr"].pk,
                                                    personas["north_mgr"].pk}
    inbox.task_approve(task_id=confirmation(plan, "east").pk, actor=personas["east_mgr"])
    assert [i.task.data["region"] for i in open_items(plan)] == ["north"]

    with one_audit_event("plan.step_approved") as audit:
        inbox.task_approve(task_id=confirmation(plan, "north").pk, actor=personas["north_mgr"])
    assert audit["event"].to_state == PlanState.CONFIRMED

    plan = fresh(plan)
    assert plan.state == PlanState.CONFIRMED and plan.confirmed_at is not None
    assert open_items(plan) == []
    req = request_of(plan)
    assert req.status == RequestStatus.IN_REVIEW
    assert req.current_step == "sales_gm_submit"
    assert req.waiting_on_ids == [personas["gm"].pk]


@pytest.mark.parametrize("who", ["north_mgr", "south_mgr", "east_rep1", "ceo"])
def test_refused_when_another_regions_manager_confirms(personas, submitted, who):
    plan = submitted()
    item = confirmation(plan, "east")
    with pytest.raises(NotYourTaskError):
        inbox.task_approve(task_id=item.pk, actor=personas[who])
    assert WorkItem.objects.get(pk=item.pk).status == WorkItemStatus.OPEN
    with pytest.raises(NotYourTaskError):
        services.region_confirm(plan_id=plan.pk, actor=personas["east_rep1"])


def test_refused_when_the_sales_gm_confirms_their_own_plan(personas, submitted):
    plan = submitted()
    with pytest.raises(SegregationOfDutiesError):
        inbox.task_approve(task_id=confirmation(plan, "east").pk, actor=personas["gm"])


def test_push_back_needs_a_reason(personas, submitted):
    plan = submitted()
    with pytest.raises(InvalidInputError):
        inbox.task_return(task_id=confirmation(plan, "east").pk, actor=personas["east_mgr"],
                          reason="  ")
    with pytest.raises(InvalidInputError):
        services.region_push_back(plan_id=plan.pk, actor=personas["east_mgr"], reason="")
    assert fresh(plan).state == PlanState.CONFIRMING
    assert len(open_items(plan)) == 3


def test_push_back_returns_the_plan_with_the_reason_and_cancels_the_rest(personas, submitted):
    plan = submitted()
    inbox.task_approve(task_id=confirmation(plan, "north").pk, actor=personas["north_mgr"])
    south = confirmation(plan, "south")

    with one_audit_event("plan.returned") as audit:
        services.region_push_back(plan_id=plan.pk, actor=personas["east_mgr"],
                                  reason="华东目标过高，3月无法完成")
    assert audit["event"].comment == "华东目标过高，3月无法完成"

    plan = fresh(plan)
    assert plan.state == PlanState.RETURNED and plan.is_editable
    assert plan.return_note == "华东目标过高，3月无法完成"
    assert plan.returned_by == personas["east_mgr"]
    assert WorkItem.objects.get(pk=south.pk).status == WorkItemStatus.CANCELLED
    (revise,) = open_items(plan)
    assert revise.is_revision and revise.assignee == personas["gm"]
    assert request_of(plan).status == RequestStatus.RETURNED


def test_revised_plan_goes_to_every_region_again_when_resubmitted(personas, submitted):
    plan = submitted()
    inbox.task_approve(task_id=confirmation(plan, "north").pk, actor=personas["north_mgr"])
    services.region_push_back(plan_id=plan.pk, actor=personas["east_mgr"], reason="过高")
    target, rows = rows_of(plan)
    find(rows, "east").months[2] -= 1000
    find(rows, "east", "east_rep1").months[2] -= 1000
    find(rows, "south").months[2] += 1000
    find(rows, "south", "south_rep1").months[2] += 1000
    services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target=target, rows=rows)

    with one_audit_event("plan.resubmitted"):
        services.plan_submit_for_confirmation(plan_id=plan.pk, actor=personas["gm"],
                                              comment="已下调华东3月")

    assert fresh(plan).state == PlanState.CONFIRMING
    assert sorted(i.task.data["region"] for i in open_items(plan)) == ["east", "north", "south"]
    confirm_all(personas, plan)
    assert fresh(plan).state == PlanState.CONFIRMED
    assert verify_all(save=False).ok


def test_regional_manager_cannot_reject_a_plan(personas, submitted):
    plan = submitted()
    with pytest.raises(InvalidInputError, match="not rejected"):
        inbox.task_reject(task_id=confirmation(plan, "east").pk, actor=personas["east_mgr"],
                          reason="不同意")
    assert fresh(plan).state == PlanState.CONFIRMING
    assert len(open_items(plan)) == 3


def test_push_back_cannot_target_an_earlier_step(personas, submitted):
    plan = submitted()
    with pytest.raises(InvalidInputError):
        inbox.task_return(task_id=confirmation(plan, "east").pk, actor=personas["east_mgr"],
                          reason="x", to_step=0)
    assert fresh(plan).state == PlanState.CONFIRMING


def test_a_decided_confirmation_cannot_be_decided_again(personas, submitted):
    plan = submitted()
    item = confirmation(plan, "east")
    inbox.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    with pytest.raises(StateConflictError):
        inbox.task_return(task_id=item.pk, actor=personas["east_mgr"], reason="改主意")
    assert WorkItem.objects.get(pk=item.pk).decision == Decision.APPROVED


def test_deputy_confirms_for_an_absent_regional_manager(personas, submitted):
    from datetime import timedelta

    from django.utils import timezone

    from core.org.models import Delegation

    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["south_mgr"],
                              starts_on=today, ends_on=today + timedelta(days=3))
    plan = submitted()
    item = services.region_confirm(plan_id=plan.pk, actor=personas["south_mgr"],
                                   region_code="east")
    item = WorkItem.objects.get(pk=item.pk)
    assert item.decided_by == personas["south_mgr"]
    assert item.acting_for == personas["east_mgr"]
