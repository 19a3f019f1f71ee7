"""What the risk services share: the lock, who approves at a level, who hears of an escalation."""

from contextlib import contextmanager

from django.utils.translation import gettext as _

from core import engine
from core.exceptions import (
    NotFoundError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    StateConflictError,
)
from core.org import selectors as org
from core.org.models import Role, User

from .. import rules, selectors
from ..models import Risk, RiskState
from ..steps import KIND

# What a risk notification is about: values of the inbox's notification kinds (the engine does
# not name them yet), written once here.
ESCALATED, REMINDER = "escalated", "reminder"


@contextmanager
def locked_risk(risk_id: int):
    """The risk row locked for the caller's transaction, after its process row when an approval
    is under way: the task engine locks the process first and then calls back into the risk,
    so everything that may touch an open approval takes the locks in that same order."""
    if not isinstance(risk_id, int) or not 0 < risk_id <= selectors.MAX_ID:
        raise NotFoundError()
    with engine.process_lock(KIND, risk_id) as req:
        process_id = getattr(req, "process_id", None)
        risk = _lock_row(risk_id)
        if process_id is not None:
            now_process = (engine.requests_of(KIND, [risk_id])
                           .values_list("process_id", flat=True).first())
            if now_process != process_id:  # an approval started meanwhile: it is unlocked
                raise StateConflictError(
                    _("This risk changed while you were working on it; try again."))
        yield risk


def _lock_row(risk_id: int) -> Risk:
    risk = Risk.objects.select_for_update(of=("self",)).select_related("owner").filter(
        pk=risk_id).first()
    if risk is None:
        raise NotFoundError()
    return risk


def ensure_may_manage(actor: User, risk: Risk) -> None:
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    if not selectors.may_manage(actor, risk):
        raise PermissionDeniedError(
            _("Only the risk's owner, their regional manager, the sales GM or the CEO can do "
              "this."))


def request_of(risk: Risk) -> engine.Request:
    req = engine.request_for(KIND, risk.pk)
    if req is None:
        raise NotFoundError()
    return req


def peak_level(risk: Risk) -> str:
    """The highest level the risk reached in its life (its assessments and its level now)."""
    return rules.highest({risk.level, *risk.assessments.values_list("level", flat=True)})


def approval_level(risk: Risk) -> str:
    """The level whose approver decides what waits now: the plan follows the level now, the
    closure the highest level the risk ever reached."""
    return peak_level(risk) if risk.state == RiskState.CLOSING else risk.level


def approver_for(risk: Risk | None, *, submitter_id: int, region_id: int | None,
                 level: str | None = None) -> tuple[str, list]:
    """(role, holder ids) of who approves this risk's plan or closure now: the role of
    `level` (by default `approval_level`; policy: medium the regional manager, high the sales
    GM, critical the CEO), climbing the line when nobody but the submitter or their deputies
    holds it; administrators last. `risk` may be None when `level` is given (a preview)."""
    submitter = User.objects.get(pk=submitter_id)
    excluded = {submitter_id} | {d.pk for d in org.deputies_of(submitter, kind=KIND)}
    if not level and risk is not None:
        level = approval_level(risk)
    role = rules.approver_role(level or "") or Role.REGIONAL_MANAGER
    for candidate in rules.LADDER[rules.LADDER.index(role):]:
        if candidate == Role.REGIONAL_MANAGER and region_id is None:
            continue
        holders = [u.pk for u in org.holders_of(
            candidate, region_id if candidate == Role.REGIONAL_MANAGER else None)
            if u.pk not in excluded]
        if holders:
            return candidate, holders
    return Role.ADMINISTRATOR, [u.pk for u in org.holders_of(Role.ADMINISTRATOR)
                                if u.pk not in excluded]


def escalation_targets(risk: Risk, level: int, *, exclude=()) -> tuple[str, list[int]]:
    """Who hears of an escalation at `level` (1 the region's manager, 2 the sales GM, 3 the
    CEO); when nobody holds that role (or only the excluded do), the next one up."""
    for role in rules.LADDER[level - 1:]:
        if role == Role.REGIONAL_MANAGER and risk.region_id is None:
            continue
        ids = [u.pk for u in org.holders_of(
            role, risk.region_id if role == Role.REGIONAL_MANAGER else None)
            if u.pk not in set(exclude)]
        if ids:
            return role, ids
    return rules.LADDER[-1], []


def tell(user_ids, *, risk: Risk, kind: str, key: str, message: str, params: dict) -> None:
    """Notify about the risk: `message` is an untranslated sentence (gettext_noop) rendered
    with `params` in the reader's language when read; the link is the risk's page."""
    engine.notify(user_ids, kind=kind, request=request_of(risk), key=key, message=message,
                  params=params, target=("risks:risk", {"risk_id": risk.pk}))


def may_approve_at(user: User, risk: Risk, level: str) -> bool:
    """Whether the user is the approver of `level` for this risk (as `approver_for` finds
    them, the owner and their deputies excluded), or holds a role above it in the line."""
    role, holders = approver_for(risk, submitter_id=risk.owner_id, region_id=risk.region_id,
                                 level=level)
    if user.pk in holders:
        return True
    return role != Role.ADMINISTRATOR and any(
        rules.outranks(held, role) for held in org.roles_of(user))
