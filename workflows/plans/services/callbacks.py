"""What the task engine calls when a plan's task is decided, the request withdrawn or
resubmitted (under the process lock, inside the engine's transaction). A plan is never rejected:
it goes back to the sales GM, or the sales GM withdraws it."""

from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.exceptions import InvalidInputError

from ..models import Plan, PlanState
from ..steps import CONFIRM_STEP, SUBMIT_NODE
from . import confirmation
from .plans import ensure_ready

Decision, Transition = engine.Decision, engine.Transition


def _not_rejected() -> InvalidInputError:
    return InvalidInputError(
        _("A sales plan is not rejected: return it to the sales GM with your reason, so it can "
          "be revised (or the sales GM withdraws it)."),
        fields={"reason": [_("Return the plan instead.")]})


def _locked(request) -> Plan:
    return Plan.objects.select_for_update().get(pk=request.object_id)


def on_decision(request, item, decision, decider, comment) -> Transition | None:
    plan = _locked(request)
    before = plan.state
    if decision == Decision.REJECTED:
        raise _not_rejected()
    if decision == Decision.RETURNED and request.return_to_step is not None:
        raise InvalidInputError(_("A plan goes back to the sales GM, not to an earlier step."),
                                fields={"to_step": [_("Leave it empty.")]})
    if item.step_code == CONFIRM_STEP:
        return confirmation.on_region_decision(request, item, decision, decider, comment, plan)
    if decision == Decision.RETURNED:
        plan.return_for_revision(by=decider.actor, note=comment)
        plan.save()
        return Transition(from_state=before, to_state=plan.state)
    if decision == Decision.APPROVED and request.step_index >= len(request.chain):
        if plan.previous_id:
            previous = Plan.objects.select_for_update().get(pk=plan.previous_id)
            if previous.state == PlanState.PUBLISHED:
                # Before the publication below: one plan is published per year (constraint).
                previous.supersede()
                previous.save(update_fields=["state"])
                audit.record(actor=decider.actor, on_behalf_of=decider.principal
                             if decider.on_behalf else None, subject=previous,
                             event="plan.superseded", from_state=PlanState.PUBLISHED,
                             to_state=PlanState.SUPERSEDED,
                             data={"by": plan.pk, "by_version": plan.version})
        plan.publish()
        plan.save()
        return Transition(from_state=before, to_state=plan.state)
    return None


def on_withdraw(request, actor, reason) -> Transition:
    plan = _locked(request)
    before = plan.state
    plan.withdraw()
    plan.save(update_fields=["state"])
    # The sales GM's own step is not an inbox task: cancel it with the process.
    engine.cancel_task(request, SUBMIT_NODE)
    return Transition(from_state=before, to_state=plan.state)


def on_resubmit(request, actor) -> Transition:
    plan = _locked(request)
    before = plan.state
    ensure_ready(plan)
    plan.resubmit()
    plan.save()
    request.amount = plan.target
    request.title = plan.title
    return Transition(from_state=before, to_state=plan.state)

