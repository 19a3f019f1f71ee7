"""The risk flow's hooks and the task engine's callbacks: who gets the plan or closure approval,
and what each decision, withdrawal and resubmission does to the risk. The callbacks run inside
the engine's transaction, under the process lock."""

from django.utils.translation import gettext_lazy as _

from core import engine
from core.engine import Decision, Request, Transition
from core.exceptions import InvalidInputError, StateConflictError
from core.org.models import Role

from ..models import Risk, RiskState
from ..steps import CLOSE_STEP, PLAN_STEP, STEPS
from .common import approver_for
from .plans import finish_closed


def _risk(activation) -> tuple[Request, Risk]:
    req = engine.request_of(activation.process)
    return req, Risk.objects.get(pk=req.object_id)


def is_closure(activation) -> bool:
    return _risk(activation)[1].state == RiskState.CLOSING


def _task_created(activation, step_code: str) -> None:
    req, risk = _risk(activation)
    role, _holders = approver_for(risk, submitter_id=req.submitter_id, region_id=req.region_id)
    engine.role_task_created(activation, step_code=step_code, step_label=STEPS[step_code],
                             role=role, by_region=role == Role.REGIONAL_MANAGER)
    # The approver comes from the level (rules.APPROVER_ROLE), not the amount matrix: the spec
    # says routes_by_matrix=False, so the request carries no matrix chain.
    Risk.objects.filter(pk=risk.pk).update(routed_role=role)


def plan_task_created(activation) -> None:
    _task_created(activation, PLAN_STEP)


def closure_task_created(activation) -> None:
    _task_created(activation, CLOSE_STEP)


def _locked(request) -> Risk:
    return Risk.objects.select_for_update().get(pk=request.object_id)


def on_decision(request, item, decision, decider, comment) -> Transition | None:
    risk = _locked(request)
    before = risk.state
    closure = item.step_code == CLOSE_STEP
    if decision == Decision.APPROVED:
        if closure:
            risk.close()
        else:
            risk.approve_plan()
    elif decision == Decision.REJECTED:
        if closure:
            risk.keep_open()
        else:
            risk.drop_plan()
    elif decision == Decision.RETURNED and request.return_to_step is None:
        if closure:
            return None  # the closure waits for its requester's revision
        risk.return_plan()
    else:
        return None
    risk.save()
    if risk.state == RiskState.CLOSED:
        finish_closed(risk)
    return Transition(from_state=before, to_state=risk.state)


def on_withdraw(request, actor, reason) -> Transition:
    risk = _locked(request)
    before = risk.state
    if risk.state in (RiskState.PLAN_SUBMITTED, RiskState.PLAN_RETURNED):
        risk.drop_plan()
    elif risk.state == RiskState.CLOSING:
        risk.keep_open()
    else:
        raise StateConflictError(_("Nothing of this risk is waiting for approval."))
    risk.save()
    return Transition(from_state=before, to_state=risk.state)


def on_resubmit(request, actor) -> Transition:
    risk = _locked(request)
    before = risk.state
    if risk.state == RiskState.PLAN_RETURNED:
        if not risk.measures.filter(done_date__isnull=True).exists():
            raise InvalidInputError(
                _("Add at least one measure (what, who, by when) before resubmitting."),
                fields={"measures": [_("At least one open measure is required.")]})
        risk.resubmit_plan()
        risk.save()
    request.title = risk.title
    request.category = risk.level
    return Transition(from_state=before, to_state=risk.state)
