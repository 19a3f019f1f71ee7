"""The register (policy 8.1): identify and (re-)assess risks; at high and critical the sales GM
or the CEO hears of it at once, and an approval already under way moves to the new level's
approver."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import engine
from core.audit import services as audit
from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.numbers import next_number
from core.org import selectors as org
from core.org.models import Role, RoleAssignment, User

from .. import rules, selectors
from ..models import (
    Assessment,
    EscalationReason,
    Level,
    Risk,
    RiskEscalation,
    RiskState,
    RiskType,
    Source,
)
from ..steps import KIND
from .common import (
    ESCALATED,
    approver_for,
    ensure_may_manage,
    escalation_targets,
    locked_risk,
    may_approve_at,
    peak_level,
    tell,
)

ASSIGNS_OWNERS = (Role.REGIONAL_MANAGER, Role.SALES_GM, Role.CEO, Role.ADMINISTRATOR)
# What the sales GM or the CEO is told at once (rules.immediate_escalation), by level: the
# level is in the sentence so that the reader's language names it.
ASSESSED_AT = {
    Level.HIGH: gettext_noop("%(number)s %(title)s was assessed High (%(l)s×%(i)s)"),
    Level.CRITICAL: gettext_noop("%(number)s %(title)s was assessed Critical (%(l)s×%(i)s)"),
}


def check_scale(likelihood, impact) -> int:
    errors = {}
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            errors[name] = [_("Choose a whole number from 1 to 5.")]
    if errors:
        raise InvalidInputError(_("Likelihood and impact are each rated from 1 to 5."),
                                fields=errors)
    return rules.score_of(likelihood, impact)


def _check_owner(owner: User | None, actor: User) -> User:
    if owner is None:
        return actor
    if not owner.is_active or org.is_read_only(owner):
        raise InvalidInputError(_("Choose an active person who can act on the risk."),
                                fields={"owner": [_("Choose an active user.")]})
    if owner.pk != actor.pk and not org.has_role(actor, *ASSIGNS_OWNERS):
        raise PermissionDeniedError(
            _("Only managers name someone else as a risk's owner."),
            fields={"owner": [_("Leave it empty to own the risk yourself.")]})
    return owner


@transaction.atomic
def risk_create(*, actor: User | None, type: str, title: str, description: str = "",
                customer=None, contract=None, region=None, owner: User | None = None,
                likelihood: int | None = None, impact: int | None = None,
                comment: str = "", source: str = Source.MANUAL) -> Risk:
    """Record an identified risk (and assess it at once when both ratings are given).

    `actor=None` is the system (a credit risk raised by an overdue collection)."""
    if actor is not None and org.is_read_only(actor):
        raise PermissionDeniedError(_("Auditors can read everything and change nothing."))
    errors = {}
    if type not in RiskType.values:
        errors["type"] = [_("Choose a type.")]
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("Give the risk a title.")]
    if contract is not None and customer is not None and contract.customer_id != customer.pk:
        errors["contract"] = [_("This contract is with another customer.")]
    if errors:
        raise InvalidInputError(_("Some fields are not valid."), fields=errors)
    rated = likelihood is not None or impact is not None
    if rated:
        check_scale(likelihood, impact)
    owner = _check_owner(owner, actor) if actor is not None else owner
    if customer is None and contract is not None:
        customer = contract.customer
    if region is None:
        region = customer.region if customer is not None else owner.region
    now = timezone.now()
    risk = Risk(number=next_number(f"FX-{timezone.localdate(now).year}"), type=type,
                title=title[:200], description=(description or "").strip()[:4000],
                customer=customer, contract=contract, region=region, owner=owner,
                identified_by=actor, source=source, created=now)
    risk.save()
    engine.open_draft(kind=KIND, obj=risk, submitter=owner, title=risk.title,
                      number=risk.number, region=region)
    audit.record(actor=actor, subject=risk, event="risk.identified", to_state=risk.state,
                 data={"type": type, "owner": owner.pk, "source": source,
                       "customer": getattr(customer, "pk", None),
                       "contract": getattr(contract, "pk", None)})
    # 抄送 by rule: the region's manager hears of every risk of the region (risks/selectors.py)
    engine.copy_by_rules(kind=KIND, object_id=risk.pk, actor=actor or owner)
    if rated:
        assess_locked(risk, actor=actor, likelihood=likelihood, impact=impact, comment=comment)
    return risk


@transaction.atomic
def risk_assess(*, risk_id: int, actor: User, likelihood, impact, comment: str = "") -> Risk:
    """Assess or re-assess: every assessment is kept with its scores and level."""
    check_scale(likelihood, impact)
    with locked_risk(risk_id) as risk:
        ensure_may_manage(actor, risk)
        assess_locked(risk, actor=actor, likelihood=likelihood, impact=impact, comment=comment)
        return risk


def assess_locked(risk: Risk, *, actor: User | None, likelihood: int, impact: int,
                  comment: str = "", review=None) -> Assessment:
    """The caller holds the risk (and its process) lock and has checked who may assess."""
    if risk.state == RiskState.CLOSED:
        raise StateConflictError(_("A closed risk is not re-assessed."))
    score = check_scale(likelihood, impact)
    level = selectors.level_of(score)
    needs = rules.lowering_needs(risk.level, level, peak_level(risk))
    if actor is not None and needs and not may_approve_at(actor, risk, needs):
        role = approver_for(risk, submitter_id=risk.owner_id, region_id=risk.region_id,
                            level=needs)[0]
        raise PermissionDeniedError(
            _("This risk was rated %(peak)s: only the %(role)s may lower its level.")
            % {"peak": Level(needs).label, "role": Role(role).label},
            fields={"likelihood": [_("Ask the approver of its highest level to re-assess "
                                     "it.")]})
    before = {"likelihood": risk.likelihood, "impact": risk.impact, "score": risk.score,
              "level": risk.level}
    from_state, old_level = risk.state, risk.level
    if risk.state in (RiskState.IDENTIFIED, RiskState.ASSESSED):
        risk.assess()
    else:
        risk.assessed_at = timezone.now()
    risk.likelihood, risk.impact, risk.score, risk.level = likelihood, impact, score, level
    risk.save()
    assessment = Assessment.objects.create(
        risk=risk, likelihood=likelihood, impact=impact, score=score, level=level,
        previous_level=old_level, assessed_by=actor, assessed_at=risk.assessed_at,
        comment=(comment or "").strip()[:4000])
    after = {"likelihood": likelihood, "impact": impact, "score": score, "level": level}
    audit.record(actor=actor, subject=risk, event="risk.assessed", from_state=from_state,
                 to_state=risk.state, changes=audit.diff(before, after),
                 comment=assessment.comment,
                 data={"assessment": assessment.pk, "review": getattr(review, "pk", None)})
    if old_level != level:
        engine.update_request(kind=KIND, object_id=risk.pk, category=level)
    escalate_on_assessment(risk, actor=actor)
    if rules.raised(old_level, level) and risk.state in (RiskState.PLAN_SUBMITTED,
                                                         RiskState.CLOSING):
        reroute_locked(risk, actor=actor)
    return assessment


def escalate_on_assessment(risk: Risk, *, actor: User | None) -> RiskEscalation | None:
    """High: the sales GM hears at once; critical: the CEO. Once per risk and level."""
    level = rules.immediate_escalation(risk.level)
    if level is None:
        return None
    if RiskEscalation.objects.filter(risk=risk, reason=EscalationReason.ASSESSED, level=level,
                                     measure__isnull=True).exists():
        return None
    role, recipients = escalation_targets(risk, level)
    try:
        with transaction.atomic():
            escalation = RiskEscalation.objects.create(
                risk=risk, reason=EscalationReason.ASSESSED, level=level, role=role,
                recipients=recipients)
    except IntegrityError:
        return None
    audit.record(actor=actor, subject=risk, event="risk.escalated",
                 data={"escalation": escalation.pk, "reason": escalation.reason,
                       "level": level, "role": role, "to": recipients})
    tell(recipients, risk=risk, kind=ESCALATED,
         key=f"risk-escalation:{escalation.pk}", message=ASSESSED_AT[risk.level],
         params={"number": risk.number, "title": risk.title, "l": risk.likelihood,
                 "i": risk.impact})
    return escalation


def reroute_locked(risk: Risk, *, actor: User | None) -> bool:
    """The level went up while its plan or closure waits: the open approval moves to the new
    level's approver (the caller holds the process lock). Audited as a reassignment."""
    item = (engine.items_of(KIND, risk.pk)
            .select_related("request", "request__submitter", "task", "task__process")
            .filter(status=engine.WorkItemStatus.OPEN, is_revision=False).first())
    if item is None:
        return False
    req = item.request
    role, holders = approver_for(risk, submitter_id=req.submitter_id, region_id=req.region_id)
    if not rules.outranks(role, risk.routed_role) or not holders:
        return False
    if item.assignee_id in holders or _holds_higher(item.assignee_id, role):
        # Already with the new approver, or escalated past them by the deadline sweep.
        new_id = item.assignee_id
        engine.set_eligible(item, holders)
    else:
        new_id = holders[0]
        engine.bind(item.task.process, req)
        engine.reassign_locked(
            item, new=User.objects.get(pk=new_id), actor=actor,
            reason=_("Re-assessed as %(level)s: the approval moves to the %(role)s.") % {
                "level": risk.get_level_display(), "role": Role(role).label},
            data={"rerouted": True, "level": risk.level, "role": role}, eligible_ids=holders)
    Risk.objects.filter(pk=risk.pk).update(routed_role=role)
    risk.routed_role = role
    return new_id is not None


def _holds_higher(user_id: int | None, role: str) -> bool:
    if user_id is None:
        return False
    roles = set(RoleAssignment.objects.filter(user_id=user_id).values_list("role", flat=True))
    return any(rules.ROLE_RANK.get(r, 0) > rules.ROLE_RANK.get(role, 0) for r in roles)
