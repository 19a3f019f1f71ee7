"""加签 on a region's confirmation, one branch of the plan's parallel confirmations (not a chain
step): the region counts as confirmed only when every signer of it approved; an added signer's
push-back returns the plan to the sales GM like the manager's."""

import pytest

from core.exceptions import InvalidInputError
from core.inbox import actions
from core.inbox import services as inbox
from core.inbox.models import WorkItem, WorkItemStatus
from tests.core.inbox.helpers import no_audit_event, one_audit_event
from workflows.plans.models import PlanState

from .conftest import confirmation, fresh, open_items, request_of

pytestmark = pytest.mark.django_db


def add(item, actor, signers, position):
    return actions.task_add_signer(task_id=item.pk, actor=actor, signers=signers,
                                   position=position, reason="华东目标需财务确认")


def held(plan, user):
    return WorkItem.objects.select_related("task").get(
        request=request_of(plan), status=WorkItemStatus.OPEN, assignee=user)


def test_before_me_finance_confirms_first_then_the_region_comes_back(personas, submitted):
    plan = submitted()
    mgr, finance = personas["east_mgr"], personas["finance"]
    east = confirmation(plan, "east")
    with one_audit_event("plan.signer_added"):
        add(east, mgr, [finance], "before")

    theirs = held(plan, finance)
    assert theirs.task.data["region"] == "east"  # the region's own task data
    assert theirs.step_code == "confirm_region"
    inbox.task_approve(task_id=confirmation(plan, "south").pk, actor=personas["south_mgr"])
    inbox.task_approve(task_id=confirmation(plan, "north").pk, actor=personas["north_mgr"])
    with one_audit_event("plan.countersigned"):
        inbox.task_approve(task_id=theirs.pk, actor=finance)
    assert fresh(plan).state == PlanState.CONFIRMING  # east is not confirmed yet

    back = confirmation(plan, "east")
    assert back.assignee == mgr and back.pk != east.pk
    with one_audit_event("plan.step_approved") as audit:
        inbox.task_approve(task_id=back.pk, actor=mgr)
    assert audit["event"].to_state == PlanState.CONFIRMED
    assert open_items(plan) == []


def test_after_me_an_added_signers_push_back_returns_the_plan(personas, submitted):
    plan = submitted()
    mgr, finance = personas["east_mgr"], personas["finance"]
    east = confirmation(plan, "east")
    add(east, mgr, [finance], "after")
    inbox.task_approve(task_id=east.pk, actor=mgr)
    assert fresh(plan).state == PlanState.CONFIRMING

    inbox.task_return(task_id=held(plan, finance).pk, actor=finance, reason="目标过高")

    assert fresh(plan).state == PlanState.RETURNED
    assert [i.is_revision for i in open_items(plan)] == [True]  # the other regions cancelled


def test_another_regions_manager_cannot_be_added(personas, submitted):
    plan = submitted()
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        add(confirmation(plan, "east"), personas["east_mgr"], [personas["south_mgr"]],
            "alongside")
    assert "holds another open task" in str(exc.value.message)
