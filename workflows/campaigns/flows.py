"""Marketing campaign (policy 5(三)): the authority chain for kind `campaign` (marketing's head
and the sales GM, the CEO from the matrix's amount); approved after the last step, when its
budget lines are reserved. Its evaluation (kind `campaign_eval`) goes to the sales GM; the
owner's task of filling it in (kind `campaign_eval_task`) is one step, the owner's."""

from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from core.inbox import engine
from core.inbox.flows import ApprovalSteps, chain_routes
from core.inbox.models import Candidate, WorkItem
from core.inbox.nodes import RoutedView


class CampaignFlow(ApprovalSteps, flow.Flow):
    process_title = _("Marketing campaign")


class EvaluationFlow(ApprovalSteps, flow.Flow):
    process_title = _("Campaign evaluation")


def evaluation_task_created(activation) -> None:
    """The owner's task of filling in the evaluation, due at the end of the evaluation's due
    date (18:00 in Asia/Shanghai), reminded at 09:00 that day; the sweep escalates it after."""
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


class EvaluationTaskFlow(ApprovalSteps, flow.Flow):
    process_title = _("Fill in the evaluation")

    approve = chain_routes(
        RoutedView(engine.task_view).Annotation(title=_("Fill in the evaluation"))
        .Assign(engine.chain_assignee).onCreate(evaluation_task_created),
        this.after_approvals,
    )
