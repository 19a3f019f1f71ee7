"""An overdue regional confirmation escalates one level up (DOMAIN.md §4: "a task left past
its deadline escalates automatically one level up"). Above a regional manager stands the sales
GM, but the sales GM drafted the plan and nobody decides their own request (segregation of
duties), so the confirmation passes to the CEO, the first one up who may decide it."""

from datetime import timedelta

import pytest

from core.inbox import services as inbox
from core.inbox import timers
from core.inbox.models import Escalation, Notification, WorkItem
from workflows.plans.models import PlanState

from .conftest import confirm_all, confirmation, fresh

pytestmark = pytest.mark.django_db


def test_overdue_confirmation_goes_to_the_ceo_not_the_sales_gm_when_the_gm_drafted_the_plan(
        personas, submitted, django_capture_on_commit_callbacks):
    plan = submitted()
    confirm_all(personas, plan, regions=("north", "south"))
    item = confirmation(plan, "east")
    assert item.assignee == personas["east_mgr"]
    overdue = item.due + timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert timers.sweep(now=overdue)["escalated"] == 1
        assert timers.sweep(now=overdue)["escalated"] == 0  # once per level

    item = WorkItem.objects.get(pk=item.pk)
    assert (item.assignee, item.escalation_level) == (personas["ceo"], 1)
    (step,) = Escalation.objects.filter(work_item=item)
    assert (step.from_user, step.to_user) == (personas["east_mgr"], personas["ceo"])
    # The sales GM, passed over as the plan's author, is told where the confirmation went.
    told = Notification.objects.filter(recipient=personas["gm"], kind="escalated").get()
    assert personas["ceo"].display_name in told.display
    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=item.pk, actor=personas["ceo"], comment="代华东确认")
    assert fresh(plan).state == PlanState.CONFIRMED
