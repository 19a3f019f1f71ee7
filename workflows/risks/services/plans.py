"""Response (policy 8.2): measures with an owner and a due date, the plan approved by level (none
for a low risk), mitigation, monitoring, and closure (a high or critical risk's closure goes to
the same approver as its plan)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.engine import RequestStatus
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    StateConflictError,
)
from core.org import selectors as org
from core.org.models import User

from .. import rules, selectors
from ..models import Measure, Review, Risk, RiskState
from ..selectors import MEASURES_OPEN
from ..steps import CLOSE_STEP, KIND, PLAN_STEP
from .common import ensure_may_manage, locked_risk, peak_level, request_of

MAX_MEASURES = 50


def _start_approval(risk: Risk, actor: User, cc=()) -> engine.Request:
    return engine.submit(kind=KIND, obj=risk, submitter=actor, title=risk.title,
                         number=risk.number, category=risk.level, region=risk.region, cc=cc)


@transaction.atomic
def measure_add(*, risk_id: int, actor: User, description: str, owner: User | None,
                due_date: date | None) -> Measure:
    with locked_risk(risk_id) as risk:
        ensure_may_manage(actor, risk)
        if risk.state in (RiskState.PLAN_SUBMITTED, RiskState.CLOSING):
            raise StateConflictError(
                _("The plan or the closure is waiting for approval; measures can be added "
                  "after the decision (or withdraw it)."))
        if risk.state not in MEASURES_OPEN:
            raise StateConflictError(_("A closed risk takes no more measures."))
        errors = {}
        text = (description or "").strip()
        if not text:
            errors["description"] = [_("Say what will be done.")]
        if owner is None or not owner.is_active or org.is_read_only(owner):
            errors["owner"] = [_("Choose an active person responsible for it.")]
        if not isinstance(due_date, date):
            errors["due_date"] = [_("Enter a date such as 2026-11-27.")]
        elif due_date < timezone.localdate():
            errors["due_date"] = [_("The due date cannot be in the past.")]
        if risk.measures.count() >= MAX_MEASURES:
            errors["description"] = [_("At most %(n)d measures per risk.") % {"n": MAX_MEASURES}]
        if errors:
            raise InvalidInputError(_("Some fields are not valid."), fields=errors)
        from_state = risk.state
        if risk.state == RiskState.MONITORING:
            risk.resume_mitigation()  # a new measure to carry out: back to mitigating
            risk.save()
        measure = Measure.objects.create(risk=risk, description=text[:4000], owner=owner,
                                         due_date=due_date, created_by=actor)
        audit.record(actor=actor, subject=risk, event="risk.measure_added",
                     from_state=from_state if from_state != risk.state else "",
                     to_state=risk.state if from_state != risk.state else "",
                     comment=measure.description,
                     data={"measure": measure.pk, "owner": owner.pk,
                           "due": due_date.isoformat()})
        return measure


@transaction.atomic
def measure_done(*, measure_id: int, actor: User, done_date: date | None = None) -> Measure:
    """The measure's owner (or whoever manages the risk) marks it done; when the last one is
    done the risk moves from mitigating to monitoring."""
    risk_id = Measure.objects.filter(pk=measure_id).values_list("risk_id", flat=True).first() \
        if isinstance(measure_id, int) and 0 < measure_id <= selectors.MAX_ID else None
    if risk_id is None:
        raise NotFoundError()
    with locked_risk(risk_id) as risk:
        measure = Measure.objects.select_for_update().get(pk=measure_id)
        if org.is_read_only(actor):
            raise ReadOnlyRoleError()
        if measure.owner_id != actor.pk and not selectors.may_manage(actor, risk):
            raise PermissionDeniedError(
                _("The person responsible for the measure or the risk's owner marks it done."))
        if measure.done_date is not None:
            raise StateConflictError(_("This measure was already marked done."))
        if risk.state not in (RiskState.MITIGATING, RiskState.MONITORING):
            raise StateConflictError(
                _("Measures are carried out once the response plan is in force."))
        today = timezone.localdate()
        done_date = done_date or today
        if not isinstance(done_date, date) or done_date > today:
            raise InvalidInputError(_("The date done cannot be in the future."),
                                    fields={"done_date": [_("Today or earlier.")]})
        measure.done_date, measure.done_by = done_date, actor
        measure.save(update_fields=["done_date", "done_by"])
        from_state = risk.state
        if risk.state == RiskState.MITIGATING and not risk.measures.filter(
                done_date__isnull=True).exists():
            risk.monitor()
            risk.save()
        audit.record(actor=actor, subject=risk, event="risk.measure_done",
                     from_state=from_state if from_state != risk.state else "",
                     to_state=risk.state if from_state != risk.state else "",
                     data={"measure": measure.pk, "done": done_date.isoformat(),
                           "late_days": max(0, (done_date - measure.due_date).days)})
        return measure


@transaction.atomic
def plan_submit(*, risk_id: int, actor: User, cc=()) -> Risk:
    """The owner submits the measures as the response plan: approved by the level's approver,
    or in force at once for a low risk."""
    with locked_risk(risk_id) as risk:
        if org.is_read_only(actor):
            raise ReadOnlyRoleError()
        if risk.owner_id != actor.pk:
            raise PermissionDeniedError(_("Only the risk's owner submits its response plan."))
        if risk.state == RiskState.IDENTIFIED:
            raise StateConflictError(_("Assess the risk before submitting a response plan."))
        if risk.state == RiskState.PLAN_RETURNED:
            raise StateConflictError(_("The plan was returned: revise it and resubmit."))
        if risk.state != RiskState.ASSESSED:
            raise StateConflictError(
                _("This risk is %(state)s; its response plan was already submitted.")
                % {"state": risk.get_state_display()})
        if not risk.measures.filter(done_date__isnull=True).exists():
            raise InvalidInputError(
                _("Add at least one measure (what, who, by when) before submitting."),
                fields={"measures": [_("At least one open measure is required.")]})
        if rules.approver_role(risk.level) is None:
            risk.adopt_plan()
            risk.save()
            audit.record(actor=actor, subject=risk, event="risk.plan_adopted",
                         from_state=RiskState.ASSESSED, to_state=risk.state,
                         data={"level": risk.level})
            return risk
        risk.submit_plan()
        risk.save()
        _start_approval(risk, actor, cc)
        audit.record(actor=actor, subject=risk, event="risk.submitted",
                     from_state=RiskState.ASSESSED, to_state=risk.state,
                     data={"step": PLAN_STEP, "level": risk.level})
        return Risk.objects.get(pk=risk.pk)


@transaction.atomic
def risk_close(*, risk_id: int, actor: User, reason: str) -> Risk:
    """Close a monitored risk. Low and medium: at once, by whoever manages it. High and
    critical: the closure goes to the level's approver (the sales GM, the CEO). The level
    here is the highest the risk ever reached: lowering it first skips no approval."""
    with locked_risk(risk_id) as risk:
        ensure_may_manage(actor, risk)
        if risk.state == RiskState.CLOSING:
            raise StateConflictError(_("The closure is already waiting for approval."))
        if risk.state != RiskState.MONITORING:
            raise StateConflictError(
                _("A risk is closed from monitoring, once its measures are done; this one is "
                  "%(state)s.") % {"state": risk.get_state_display()})
        reason = (reason or "").strip()
        if not reason:
            raise InvalidInputError(_("Say why the risk can be closed."),
                                    fields={"reason": [_("A reason is required.")]})
        if rules.needs_closure_approval(peak_level(risk)):
            risk.request_closure()
            risk.save()
            _start_approval(risk, actor)
            audit.record(actor=actor, subject=risk, event="risk.closure_requested",
                         from_state=RiskState.MONITORING, to_state=risk.state, comment=reason,
                         data={"step": CLOSE_STEP, "level": risk.level})
            return Risk.objects.get(pk=risk.pk)
        risk.close()
        risk.save()
        finish_closed(risk)
        audit.record(actor=actor, subject=risk, event="risk.closed",
                     from_state=RiskState.MONITORING, to_state=risk.state, comment=reason)
        return risk


def finish_closed(risk: Risk) -> None:
    """A closed risk is done: its header says so and its due reviews lapse."""
    req = request_of(risk)
    if req.status not in (RequestStatus.IN_REVIEW, RequestStatus.RETURNED):
        engine.finish_request(req)
    Review.objects.filter(risk=risk, state=Review.State.OPEN).update(
        state=Review.State.DONE, done_at=timezone.now())
