"""The shape every governed process shares: the authority chain step by step, where any step
may approve, reject or return (to the submitter, who revises and resubmits, or to an earlier
step). A process subclasses it and says what follows the last approval in `after_approvals`
(by default, nothing: the request is approved)."""

from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from viewflow import this
from viewflow.workflow import flow

from . import engine, locks
from .models import Candidate, WorkItem
from .nodes import RoutedView


def chain_routes(node: RoutedView, after) -> RoutedView:
    """Where a decision on a chain step leads: the next step of the chain (or back to the step
    a return names), the submitter's revision, the end on a rejection, otherwise `after`."""
    return (
        node.Case(this.approve, engine.next_chain_step)
        .Case(this.revise, engine.returned_to_submitter)
        .Case(this.rejected, engine.was_rejected)
        .Default(after)
    )


def follow_up_task_created(activation) -> None:
    """A follow-up task (an action item, a campaign's evaluation) with a date rather than an
    SLA: due at the end of its chain step's `due` date (18:00 in Asia/Shanghai), reminded at
    09:00 that day; the sweep escalates it after, like any task."""
    engine.chain_task_created(activation)
    req = engine.request_of(activation.process)
    due = req.chain[0].get("due") if req.chain else None
    if not due:
        return
    day = date.fromisoformat(due)
    tz = timezone.get_default_timezone()
    at = timezone.make_aware(datetime.combine(day, time(18, 0)), tz)
    remind = timezone.make_aware(datetime.combine(day, time(9, 0)), tz)
    item = WorkItem.objects.get(task=activation.task)
    WorkItem.objects.filter(pk=item.pk).update(due=at, remind_at=remind)
    Candidate.objects.filter(work_item=item).update(due=at)


# The flow diagram names every node in the page's language: a node without a title of its own
# would be drawn with its Python name ("After Approvals") in every language.
SUBMITTED = pgettext_lazy("flow diagram", "Submitted")
APPROVED = pgettext_lazy("flow diagram", "Approved")
REJECTED = pgettext_lazy("flow diagram", "Rejected")


class ApprovalSteps:
    """Mixed into a `flow.Flow` (listed first). Deliberately not a Flow itself: a Flow class
    resolves its `this.` references when it is created, and the copies a subclass takes would
    then point at these nodes instead of its own."""

    lock_impl = locks.row_lock

    start = flow.StartHandle(engine.start_process).Annotation(title=SUBMITTED).Next(this.approve)
    approve = chain_routes(
        RoutedView(engine.task_view).Annotation(title=_("Approve"))
        .Assign(engine.chain_assignee).onCreate(engine.chain_task_created),
        this.after_approvals,
    )
    revise = chain_routes(
        RoutedView(engine.task_view).Annotation(title=_("Revise"))
        .Assign(engine.submitter_of).onCreate(engine.revision_task_created),
        this.after_approvals,
    )
    after_approvals = flow.End().Annotation(title=APPROVED)
    rejected = flow.End().Annotation(title=REJECTED)
