"""Sales contract (policy 4.4): the regional manager reviews, then legal and finance review in
parallel and both must approve (either may reject or return; the other's task is cancelled),
then sign-off by the matrix (sales GM; the CEO from 1,000,000.00, and on any credit breach)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from viewflow import this
from viewflow.workflow import flow

from core.inbox import engine
from core.inbox.flows import SUBMITTED, ApprovalSteps
from core.inbox.nodes import Route, RoutedView
from core.org.models import Role

from .steps import FINANCE_STEP, LEGAL_STEP, REGIONAL_STEP, STEPS


class ContractFlow(ApprovalSteps, flow.Flow):
    process_title = _("Sales contract")

    start = (flow.StartHandle(engine.start_process).Annotation(title=SUBMITTED)
             .Next(this.regional_review))
    regional_review = (
        RoutedView(engine.task_view).Annotation(title=_("Regional review"))
        .onCreate(this.regional_created)
        .Case(this.revise, engine.returned_to_submitter)
        .Case(this.rejected, engine.was_rejected)
        .Default(this.split)
    )
    split = (flow.Split().Annotation(title=pgettext_lazy("flow diagram", "Legal and finance"))
             .Next(this.legal_review).Next(this.finance_review))
    legal_review = (
        flow.View(engine.task_view).Annotation(title=_("Legal review"))
        .onCreate(this.legal_created).Next(this.join)
    )
    finance_review = (
        flow.View(engine.task_view).Annotation(title=_("Finance review"))
        .onCreate(this.finance_created).Next(this.join)
    )
    join = (flow.Join(continue_on_condition=engine.said_no)
            .Annotation(title=pgettext_lazy("flow diagram", "Both reviews in"))
            .Next(this.after_review))
    after_review = (
        Route().Annotation(title=pgettext_lazy("flow diagram", "The reviews' outcome"))
        .Case(this.revise, engine.returned_to_submitter)
        .Case(this.rejected, engine.was_rejected)
        .Default(this.approve)
    )
    revise = (
        RoutedView(engine.task_view).Annotation(title=_("Revise"))
        .Assign(engine.submitter_of).onCreate(engine.revision_task_created)
        # straight back to whoever returned it, if they asked; else the reviews again
        .Case(this.split, engine.resumes_at(LEGAL_STEP, FINANCE_STEP))
        .Case(this.approve, engine.resumes_in_chain)
        .Default(this.regional_review)
    )

    def regional_created(self, activation):
        engine.role_task_created(activation, step_code=REGIONAL_STEP,
                                 step_label=STEPS[REGIONAL_STEP],
                                 role=Role.REGIONAL_MANAGER, by_region=True)

    def legal_created(self, activation):
        engine.role_task_created(activation, step_code=LEGAL_STEP,
                                 step_label=STEPS[LEGAL_STEP], role=Role.LEGAL, parallel=True)

    def finance_created(self, activation):
        engine.role_task_created(activation, step_code=FINANCE_STEP,
                                 step_label=STEPS[FINANCE_STEP], role=Role.FINANCE,
                                 parallel=True)
