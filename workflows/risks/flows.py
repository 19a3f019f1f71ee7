"""Risk response (policy 8.2): the owner's response plan, and later the closure of a high or
critical risk, go to the approver of the risk's level (medium: the region's manager, high: the
sales GM, critical: the CEO). The approver approves, rejects, or returns it to the owner, who
revises and resubmits; a level raised meanwhile moves the open approval up (services.risks)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from viewflow import this
from viewflow.workflow import flow

from core.inbox import engine
from core.inbox.flows import APPROVED, REJECTED, SUBMITTED, ApprovalSteps
from core.inbox.nodes import Route, RoutedView

from .services import routing


def _decided(node: RoutedView) -> RoutedView:
    """After the level's approver: the owner's revision, the end on a rejection, or approved."""
    return (
        node.Case(this.revise, engine.returned_to_submitter)
        .Case(this.rejected, engine.was_rejected)
        .Default(this.approved)
    )


class RiskFlow(ApprovalSteps, flow.Flow):
    process_title = _("Risk response")

    start = (flow.StartHandle(engine.start_process).Annotation(title=SUBMITTED)
             .Next(this.check_stage))
    check_stage = (
        Route().Annotation(title=pgettext_lazy("flow diagram", "Plan or closure?"))
        .Case(this.approve_closure, routing.is_closure).Default(this.approve_plan)
    )
    approve_plan = _decided(
        RoutedView(engine.task_view).Annotation(title=_("Approve the response plan"))
        .onCreate(routing.plan_task_created)
    )
    approve_closure = _decided(
        RoutedView(engine.task_view).Annotation(title=_("Approve the closure"))
        .onCreate(routing.closure_task_created)
    )
    revise = (
        flow.View(engine.task_view).Annotation(title=_("Revise"))
        .Assign(engine.submitter_of).onCreate(engine.revision_task_created)
        .Next(this.check_stage)
    )
    approved = flow.End().Annotation(title=APPROVED)
    rejected = flow.End().Annotation(title=REJECTED)
    # The shared chain steps do not apply: the approver comes from the level.
    approve = None
    after_approvals = None
