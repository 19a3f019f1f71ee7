"""Who must approve what (the chain from the matrix) and whether an actor may decide a step."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.exceptions import (
    MatrixConfigurationError,
    NotYourTaskError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.org import selectors as org
from core.org.models import Role, User

from .models import LINE_MANAGER, STEP_CHOICES, AuthorityBand, AuthorityMatrix

STEP_LABELS = dict(STEP_CHOICES)


@dataclass(frozen=True)
class ChainStep:
    index: int
    code: str
    candidates: tuple[User, ...]
    note: str = ""
    quorum: int | None = None  # n of the candidates sign at once (None: any one of them)

    @property
    def label(self) -> str:
        return str(STEP_LABELS.get(self.code, self.code))

    @property
    def candidate_ids(self) -> frozenset[int]:
        return frozenset(u.pk for u in self.candidates)


def find_band(kind: str, amount: Decimal, *, category=None, region_id=None) -> AuthorityBand:
    """The band for `amount` in the most specific matrix.

    Specificity: category+region, then category, then region, then the kind's default.
    """
    category = category or ""
    candidates = AuthorityMatrix.objects.filter(kind=kind, category__in={category, ""}).filter(
        Q(region__isnull=True) | Q(region_id=region_id)
    )
    matrices = {(m.category, m.region_id): m for m in candidates.prefetch_related("bands")}
    for key in ((category, region_id), (category, None), ("", region_id), ("", None)):
        matrix = matrices.get(key)
        if matrix is None:
            continue
        for band in sorted(matrix.bands.all(), key=lambda b: b.min_amount):
            if band.contains(amount):
                return band
        break
    raise MatrixConfigurationError(
        _("No approval band covers %(amount)s for %(kind)s; "
          "ask an administrator to fix the matrix.")
        % {"amount": amount, "kind": kind}
    )


def _resolve(code: str, submitter: User, region_id: int | None) -> list[User]:
    if code == LINE_MANAGER:
        manager = org.manager_of(submitter)
        if manager is None:
            return []
        # A manager who has left hands the step to their own manager, not to the admins.
        return [manager] if manager.is_active else _climb([manager], set())
    return list(org.holders_of(code, region_id))


def _climb(people: Iterable[User], excluded: set[int]) -> list[User]:
    """One level up from people who may not act: their line managers, repeated as needed."""
    result, seen = [], set()
    frontier = list(people)
    while frontier:
        nxt = []
        for person in frontier:
            boss = org.manager_of(person)
            if boss is None or boss.pk in seen:
                continue
            seen.add(boss.pk)
            if boss.pk in excluded or not boss.is_active:
                nxt.append(boss)
            else:
                result.append(boss)
        if result:
            return result
        frontier = nxt
    return []


def approval_chain(
    kind: str, amount: Decimal, submitter: User, category=None, region=None,
    extra_steps: tuple[str, ...] = (),
) -> list[ChainStep]:
    """The ordered steps for this request, with who may act on each (segregation applied).

    `extra_steps` are step codes a process adds for this request (e.g. the sales GM for an
    over-budget claim); one already in the band's steps is not added twice.
    """
    region_id = getattr(region, "pk", region) or submitter.region_id
    band = find_band(kind, amount, category=category, region_id=region_id)
    excluded = {submitter.pk} | {d.pk for d in org.deputies_of(submitter, kind=kind)}
    codes = list(band.steps) + [c for c in extra_steps if c not in band.steps]
    steps: list[ChainStep] = []
    for code in codes:
        resolved = _resolve(code, submitter, region_id)
        allowed = [u for u in resolved if u.pk not in excluded]
        note = ""
        if resolved and not allowed:
            allowed = _climb(resolved, excluded)
            note = _("Resolved to the submitter or their deputy; moved one level up.")
        if not allowed:
            allowed = [u for u in org.holders_of(Role.ADMINISTRATOR) if u.pk not in excluded]
            note = _("Nobody else may approve this step; routed to the administrators.")
            if not allowed:
                raise MatrixConfigurationError(
                    _("Nobody may approve step %(step)s of this request.")
                    % {"step": STEP_LABELS.get(code, code)}
                )
        ids = frozenset(u.pk for u in allowed)
        if steps and steps[-1].candidate_ids == ids and len(ids) == 1:
            continue  # the same single person would approve twice in a row: once is enough
        n, note = step_quorum((band.quorums or {}).get(code), len(allowed), note)
        steps.append(ChainStep(index=len(steps), code=code, candidates=tuple(allowed), note=note,
                               quorum=n))
    return steps


def step_quorum(wanted, m: int, note: str = "") -> tuple[int | None, str]:
    """(n, note) for a step whose band asks `wanted` ("all" or n) of its m signers: None when
    one person decides it anyway; n capped at m (fewer may sign today than were configured),
    and the note says so."""
    if wanted in (None, "", 0) or m < 2:
        return None, note
    if wanted == "all":
        return m, note
    n = int(wanted)
    if n > m:
        return m, note or gettext_noop("Fewer people may sign this step than the matrix asks: "
                                       "all of them must.")
    return n, note


@dataclass(frozen=True)
class DecisionContext:
    """What `ensure_can_decide` needs to know about a task, whatever process it belongs to."""

    kind: str
    submitter_id: int
    assignee_id: int | None
    candidate_ids: frozenset[int] = field(default_factory=frozenset)
    is_open: bool = True
    # Who decided another step of the request this round, and whom they decided for
    # (core.inbox.segregation.prior_deciders): none of them decides this one.
    prior_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Decider:
    actor: User
    principal: User  # whom the actor decides for: themselves, or the person they deputise for

    @property
    def on_behalf(self) -> bool:
        return self.actor.pk != self.principal.pk


def _decided_before(who: User | None = None) -> SegregationOfDutiesError:
    if who is None:
        return SegregationOfDutiesError(
            _("You decided another step of this request; someone else must decide this one."))
    return SegregationOfDutiesError(
        _("%(who)s decided another step of this request; you may not decide this one for "
          "them.") % {"who": who})


def _unless_decided_before(ctx: DecisionContext, actor: User, principal: User) -> Decider:
    if actor.pk in ctx.prior_ids:
        raise _decided_before()
    if principal.pk in ctx.prior_ids:
        raise _decided_before(principal)
    return Decider(actor=actor, principal=principal)


def ensure_can_decide(actor: User, task) -> Decider:
    """Refuse unless actor (or the person they act for today) may decide this task now.

    Segregation of duties: never the submitter or someone acting for them, and never someone
    who (themselves, or their deputy for them) decided another step of the request this round;
    a deputy decides for a principal only when neither of them did. The inbox and the API list
    and offer tasks by the same rule in SQL (core.inbox.selectors.decidable_q).

    `task` is a DecisionContext or anything with `decision_context()` returning one.
    """
    ctx: DecisionContext = task.decision_context() if hasattr(task, "decision_context") else task
    if not actor.is_active:
        raise NotYourTaskError()
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    if not ctx.is_open:
        raise StateConflictError()
    if actor.pk == ctx.submitter_id:
        raise SegregationOfDutiesError()
    principals = {p.pk: p for p in org.principals_for(actor, kind=ctx.kind)}
    if ctx.submitter_id in principals:
        raise SegregationOfDutiesError(
            _("You act for the submitter of this request, so you may not decide it.")
        )
    if ctx.assignee_id is not None:
        if actor.pk == ctx.assignee_id:
            return _unless_decided_before(ctx, actor, actor)
        if ctx.assignee_id in principals:
            return _unless_decided_before(ctx, actor, principals[ctx.assignee_id])
        raise NotYourTaskError()
    if actor.pk in ctx.candidate_ids:
        return _unless_decided_before(ctx, actor, actor)
    held = [principals[pk] for pk in sorted(ctx.candidate_ids) if pk in principals]
    for principal in held:
        if principal.pk not in ctx.prior_ids:
            return _unless_decided_before(ctx, actor, principal)
    if held:
        return _unless_decided_before(ctx, actor, held[0])
    raise NotYourTaskError(_("This step needs a holder of its role; you do not hold it."))


MANAGERIAL_ROLES = (Role.REGIONAL_MANAGER, Role.SALES_GM, Role.CEO)


def has_step_authority(user: User, *, step_code: str, eligible_ids, submitter_id: int) -> bool:
    """May `user` hold a step whose authority lay with `eligible_ids` when it opened?

    Yes for those people, anyone above one of them in the line of management (an escalation
    goes one level up) and administrators; the line manager's step also admits anyone above the
    submitter and any manager. Segregation of duties is checked separately.
    """
    if user.pk in eligible_ids or org.has_role(user, Role.ADMINISTRATOR):
        return True
    if step_code == LINE_MANAGER and org.has_role(user, *MANAGERIAL_ROLES):
        return True
    starts = set(eligible_ids) | ({submitter_id} if step_code == LINE_MANAGER else set())
    return user.pk in org.managers_above(starts)
