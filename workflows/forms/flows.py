"""Template requests: the chain a template's routing resolved for the request (routing.py,
through ProcessSpec.chain), step by step, like the authority chain; a step with its own SLA
hours gets its deadline from them instead of the SLA table. Approved after the last step."""

from datetime import timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from core.inbox import engine, sla
from core.inbox.flows import ApprovalSteps, chain_routes, follow_up_task_created
from core.inbox.models import Candidate, WorkItem
from core.inbox.nodes import RoutedView
from core.inbox.rules import DEFAULT_REMIND_BEFORE, add_working_hours, subtract_working_hours


def step_created(activation) -> None:
    engine.chain_task_created(activation)
    req = engine.request_of(activation.process)
    hours = req.chain[req.step_index].get("sla_hours")
    if not hours:
        return
    item = WorkItem.objects.get(task=activation.task)
    days_off = sla.holidays()
    hours = Decimal(str(hours))
    due = add_working_hours(item.created, hours, days_off)
    remind_at = subtract_working_hours(due, min(DEFAULT_REMIND_BEFORE, hours / 2), days_off)
    if remind_at >= due:
        remind_at = due - timedelta(minutes=1)
    WorkItem.objects.filter(pk=item.pk).update(due=due, remind_at=remind_at)
    Candidate.objects.filter(work_item=item).update(due=due)


class FormFlow(ApprovalSteps, flow.Flow):
    process_title = _("Template request")

    approve = chain_routes(
        RoutedView(engine.task_view).Annotation(title=_("Approve"))
        .Assign(engine.chain_assignee).onCreate(step_created),
        this.after_approvals,
    )



class ActionFlow(ApprovalSteps, flow.Flow):
    process_title = _("Action item")

    approve = chain_routes(
        RoutedView(engine.task_view).Annotation(title=_("Mark done"))
        .Assign(engine.chain_assignee).onCreate(follow_up_task_created),
        this.after_approvals,
    )
