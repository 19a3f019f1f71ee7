"""Sales plan sign-off (policy 2.1, 4.1): every region's regional manager confirms the region's
allocation, in parallel and all required (one push-back returns the plan to the sales GM and
cancels the rest); then the sales GM sends it to the CEO, whose approval publishes it."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from viewflow import this
from viewflow.workflow import flow
from viewflow.workflow.activation import Activation
from viewflow.workflow.exceptions import FlowRuntimeError
from viewflow.workflow.nodes.split import SplitActivation
from viewflow.workflow.status import STATUS

from core.inbox import engine
from core.inbox.flows import SUBMITTED, ApprovalSteps
from core.inbox.nodes import Route
from core.org import selectors as org
from core.org.models import Region, Role

from .models import RegionMonth
from .services import confirmation
from .steps import CONFIRM_STEP, STEPS, SUBMIT_STEP


def regions_to_confirm(activation) -> list[dict]:
    """The split's data source: one confirmation per region the plan allocates to."""
    req = engine.request_of(activation.process)
    ids = RegionMonth.objects.filter(plan_id=req.object_id).values("region_id")
    return [{"region_id": pk, "region": code}
            for pk, code in Region.objects.filter(pk__in=ids).order_by("code")
            .values_list("pk", "code")]


def open_confirmation(activation) -> None:
    """onCreate of a region's confirmation task: its regional manager holds it (their queue if
    the region has several; the administrators if it has none). The plan's author and their
    deputies are never candidates."""
    req = engine.request_of(activation.process)
    region = Region.objects.get(pk=activation.task.data["region_id"])
    excluded = {req.submitter_id} | {d.pk for d in org.deputies_of(req.submitter, kind=req.kind)}
    holders = [u.pk for u in org.holders_of(Role.REGIONAL_MANAGER, region.pk)
               if u.pk not in excluded]
    if not holders:
        holders = [u.pk for u in org.holders_of(Role.ADMINISTRATOR) if u.pk not in excluded]
    task = activation.task
    if len(holders) == 1:
        task.owner_id = holders[0]
        task.status = STATUS.ASSIGNED
        task.save(update_fields=["owner", "status"])
    engine.open_work_item(activation, step_code=CONFIRM_STEP,
                          step_label=_("Regional confirmation: %(region)s") % {"region": region},
                          candidate_ids=holders)
    # The request waits on every region still open, under one step name.
    confirmation.wait_on_regions(req)


class SplitEachActivation(SplitActivation):
    @Activation.status.super()
    def activate(self):
        for node, case, data_source in self.flow_task._branches:
            if case and not case(self):
                continue
            for data in (data_source(self) if data_source else [None]):
                self.next_tasks.append((node, data))
        if not self.next_tasks:
            raise FlowRuntimeError(f"No next task available for {self.flow_task.name}")


class SplitEach(flow.Split):
    """A parallel split that opens one task per item of `data_source(activation)`, with the item
    as the task's data. viewflow 2.4 documents `data_source` on Split but does not implement it."""

    activation_class = SplitEachActivation

    def Next(self, node, case=None, data_source=None):  # noqa: N802 (viewflow's name)
        self._activate_next.append((node, case, data_source))
        return self


class PlanFlow(ApprovalSteps, flow.Flow):
    process_title = gettext_lazy("Sales plan")

    start = flow.StartHandle(engine.start_process).Annotation(title=SUBMITTED).Next(this.split)
    split = (SplitEach().Annotation(title=pgettext_lazy("flow diagram", "Every region"))
             .Next(this.confirm_by_region, data_source=regions_to_confirm))
    confirm_by_region = (
        flow.View(engine.task_view).Annotation(title=STEPS[CONFIRM_STEP])
        .onCreate(open_confirmation).Next(this.join)
    )
    join = (flow.Join(continue_on_condition=engine.said_no)
            .Annotation(title=pgettext_lazy("flow diagram", "Every region answered"))
            .Next(this.after_confirmation))
    after_confirmation = (
        Route().Annotation(title=pgettext_lazy("flow diagram", "The confirmations' outcome"))
        .Case(this.revise, engine.returned_to_submitter)
        .Default(this.submit_to_ceo)
    )
    # Not an inbox task: the sales GM submitted the plan, and nobody decides their own request
    # in the inbox. plan_send_to_ceo runs it from the plan page or the API.
    submit_to_ceo = (
        flow.Handle(this.sent).Annotation(title=STEPS[SUBMIT_STEP])
        .Next(this.approve)
    )
    # After a push-back or the CEO's return the revised plan goes to every region again.
    revise = (
        flow.View(engine.task_view).Annotation(title=gettext_lazy("Revise"))
        .Assign(engine.submitter_of).onCreate(engine.revision_task_created)
        .Next(this.split)
    )

    def sent(self, activation):
        return activation.process
