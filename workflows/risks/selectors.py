"""Who sees which risks, the register's filters, the heat map and the escalation summary.
Pages and the API read through these, so a rule holds in both; a risk outside a user's scope is
404 to them (never 403)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from core import engine
from core.engine import sees_everything, visible_requests
from core.org import selectors as org
from core.org.models import Role, RoleAssignment, User

from . import rules
from .models import (
    OPEN_STATES,
    Level,
    LevelBand,
    Measure,
    Review,
    ReviewSchedule,
    Risk,
    RiskEscalation,
    RiskState,
)
from .steps import KIND

MAX_ID = 2**63 - 1

REGION_MANAGER_RULE = gettext_noop("The region's manager is copied on every risk of the region")


def cc_rules(request: engine.Request) -> list[tuple[str, list[User]]]:
    """抄送 by rule (ProcessSpec.cc_rules): the manager of the risk's region on every risk of
    it (a risk with no region copies nobody)."""
    region_id = Risk.objects.filter(pk=request.object_id).values_list(
        "region_id", flat=True).first()
    if region_id is None:
        return []
    return [(REGION_MANAGER_RULE, list(org.holders_of(Role.REGIONAL_MANAGER, region_id)))]
# The register's state filter for every state but closed (pages and API offer it as "open").
OPEN_FILTER = "open"
# They read the whole register (besides auditors and administrators): policy 8 makes the sales
# GM own risk escalations, and the CEO approves critical risks.
ALL_RISK_READERS = (Role.SALES_GM, Role.CEO)


def bands() -> list[tuple[str, int, int]]:
    rows = list(LevelBand.objects.values_list("level", "min_score", "max_score"))
    return rows or list(rules.DEFAULT_BANDS)


def level_of(score: int) -> str:
    return rules.level_for(score, bands())


def review_intervals() -> dict[str, int]:
    rows = dict(ReviewSchedule.objects.values_list("level", "interval_days"))
    return rows or dict(rules.DEFAULT_REVIEW_DAYS)


def managed_region_ids(user: User) -> list[int]:
    return list(RoleAssignment.objects.filter(
        user=user, role=Role.REGIONAL_MANAGER, region__isnull=False,
    ).values_list("region_id", flat=True))


def reads_all(user: User) -> bool:
    return sees_everything(user) or org.has_role(user, *ALL_RISK_READERS)


def visible_risks(user: User) -> QuerySet[Risk]:
    """The owner, the regional manager of the risk's region, the sales GM, the CEO, auditors and
    administrators; also whoever identified it, holds one of its measures, or acts (acted) on
    its approvals."""
    qs = Risk.objects.select_related("owner", "region", "customer", "contract")
    if reads_all(user):
        return qs
    requests = visible_requests(user).filter(kind=KIND).values("object_id")
    measures = Measure.objects.filter(risk=OuterRef("pk"), owner=user)
    return qs.filter(Q(owner=user) | Q(identified_by=user)
                     | Q(region_id__in=managed_region_ids(user))
                     | Exists(measures) | Q(pk__in=requests))


def visible_risk(user: User, pk) -> Risk | None:
    if not isinstance(pk, int) or not 0 < pk <= MAX_ID:
        return None
    return visible_risks(user).filter(pk=pk).first()


def oversees(user: User, risk: Risk) -> bool:
    """The owner's line of authority over this risk: its region's manager, the sales GM, the
    CEO (they may re-assess, add measures, close a low or medium risk)."""
    if org.has_role(user, Role.SALES_GM, Role.CEO):
        return True
    return risk.region_id is not None and risk.region_id in managed_region_ids(user)


def may_manage(user: User, risk: Risk) -> bool:
    return not org.is_read_only(user) and (risk.owner_id == user.pk or oversees(user, risk))


# --- what a user may do with a risk (pages, API and services read this one source) -----------

# Decisions go through the inbox tasks; withdraw and resubmit through the request.
ASSESS, ADD_MEASURE, SUBMIT, CLOSE, WITHDRAW, RESUBMIT = (
    "assess", "add_measure", "submit", "close", "withdraw", "resubmit")
RISK_ACTIONS = (ASSESS, ADD_MEASURE, SUBMIT, CLOSE, WITHDRAW, RESUBMIT)
MEASURES_OPEN = (RiskState.IDENTIFIED, RiskState.ASSESSED, RiskState.PLAN_RETURNED,
                 RiskState.MITIGATING, RiskState.MONITORING)
_UNKNOWN = object()


def risk_actions(user: User, risk: Risk, *, request=_UNKNOWN) -> frozenset[str]:
    """What the user may do with the risk now; `request` is its header when the caller has it
    already (else it is looked up)."""
    if org.is_read_only(user):
        return frozenset()
    manages = may_manage(user, risk)
    actions = set()
    if manages and risk.state != RiskState.CLOSED:
        actions.add(ASSESS)
    if manages and risk.state in MEASURES_OPEN:
        actions.add(ADD_MEASURE)
    if risk.owner_id == user.pk and risk.state == RiskState.ASSESSED:
        actions.add(SUBMIT)
    if manages and risk.state == RiskState.MONITORING:
        actions.add(CLOSE)
    req = risk_request(risk) if request is _UNKNOWN else request
    if req is not None and req.submitter_id == user.pk and req.is_open:
        actions.add(WITHDRAW)
        if req.status == engine.RequestStatus.RETURNED:
            actions.add(RESUBMIT)
    return frozenset(actions)


def ordered(actions) -> list[str]:
    return [a for a in RISK_ACTIONS if a in actions]


def risk_request(risk: Risk) -> engine.Request | None:
    return engine.request_for(KIND, risk.pk)


def open_approval(risk: Risk) -> engine.WorkItem | None:
    return (engine.items_of(KIND, risk.pk).filter(status=engine.WorkItemStatus.OPEN)
            .select_related("assignee").order_by("-created").first())


# --- the register ------------------------------------------------------------------------------


@dataclass
class RegisterFilters:
    type: str = ""
    level: str = ""
    state: str = ""  # a RiskState, or OPEN_FILTER for every state but closed
    owner: int | None = None
    region: int | None = None
    overdue: bool = False
    likelihood: int | None = None
    impact: int | None = None
    q: str = ""


def overdue_q(today: date) -> Q:
    """An open risk with a measure past its due date, or a review past due."""
    late_measure = Measure.objects.filter(risk=OuterRef("pk"), done_date__isnull=True,
                                          due_date__lt=today)
    late_review = Review.objects.filter(risk=OuterRef("pk"), state=Review.State.OPEN,
                                        due_date__lt=today)
    return Q(state__in=OPEN_STATES) & (Q(Exists(late_measure)) | Q(Exists(late_review)))


def filtered(qs: QuerySet[Risk], f: RegisterFilters) -> QuerySet[Risk]:
    if f.type:
        qs = qs.filter(type=f.type)
    if f.level:
        qs = qs.filter(level=f.level)
    if f.state == OPEN_FILTER:
        qs = qs.filter(state__in=OPEN_STATES)
    elif f.state:
        qs = qs.filter(state=f.state)
    if f.owner:
        qs = qs.filter(owner_id=f.owner)
    if f.region:
        qs = qs.filter(region_id=f.region)
    if f.overdue:
        qs = qs.filter(overdue_q(timezone.localdate()))
    if f.likelihood:
        qs = qs.filter(likelihood=f.likelihood)
    if f.impact:
        qs = qs.filter(impact=f.impact)
    if f.q:
        qs = qs.filter(Q(title__icontains=f.q) | Q(number__icontains=f.q))
    return qs


def register(user: User, f: RegisterFilters | None = None) -> QuerySet[Risk]:
    """The register rows a user may see, with what the list shows: one query per page."""
    today = timezone.localdate()
    late = Measure.objects.filter(risk=OuterRef("pk"), done_date__isnull=True,
                                  due_date__lt=today)
    return filtered(visible_risks(user), f or RegisterFilters()).annotate(
        open_measures=Count("measures", filter=Q(measures__done_date__isnull=True)),
        has_overdue=Exists(late),
    ).order_by("-score", "-created", "-pk")


@dataclass
class Cell:
    likelihood: int
    impact: int
    score: int
    level: str
    count: int


def heatmap(user: User, f: RegisterFilters | None = None) -> list[list[Cell]]:
    """Open risks per likelihood × impact cell, rows from impact 5 down to 1 (the usual
    orientation: the worst corner top right). One GROUP BY query."""
    f = f or RegisterFilters()
    f = RegisterFilters(**{**f.__dict__, "state": f.state or OPEN_FILTER,
                           "likelihood": None, "impact": None})
    counts = {
        (row["likelihood"], row["impact"]): row["n"]
        for row in filtered(visible_risks(user), f).filter(likelihood__isnull=False)
        .values("likelihood", "impact").annotate(n=Count("pk")).order_by()
    }
    level_bands = bands()
    return [[Cell(lk, im, lk * im, rules.level_for(lk * im, level_bands),
                  counts.get((lk, im), 0)) for lk in range(1, 6)] for im in range(5, 0, -1)]


# --- work and summaries -----------------------------------------------------------------------


def reviews_due_for(user: User) -> QuerySet[Review]:
    return (Review.objects.filter(assignee=user, state=Review.State.OPEN)
            .select_related("risk").order_by("due_date"))


def sees_summary(user: User) -> bool:
    return reads_all(user)


def overdue_measures(user: User, today: date | None = None) -> QuerySet[Measure]:
    today = today or timezone.localdate()
    return (Measure.objects.filter(risk__in=visible_risks(user).values("pk"),
                                   risk__state__in=OPEN_STATES, done_date__isnull=True,
                                   due_date__lt=today)
            .select_related("risk", "owner").order_by("due_date", "pk"))


def recent_escalations(user: User, limit: int = 50) -> list[RiskEscalation]:
    return list(RiskEscalation.objects.filter(risk__in=visible_risks(user).values("pk"))
                .select_related("risk", "measure").order_by("-created", "-pk")[:limit])


def level_counts(user: User) -> dict[str, int]:
    rows = (visible_risks(user).filter(state__in=OPEN_STATES).exclude(level="")
            .values("level").annotate(n=Count("pk")).order_by())
    counts = {row["level"]: row["n"] for row in rows}
    return {level: counts.get(level, 0) for level in Level.values}


def in_approval(user: User) -> QuerySet[Risk]:
    return visible_risks(user).filter(state__in=(RiskState.PLAN_SUBMITTED, RiskState.CLOSING))


def late_reviews(user: User, today: date | None = None) -> QuerySet[Review]:
    today = today or timezone.localdate()
    return (Review.objects.filter(risk__in=visible_risks(user).values("pk"),
                                  state=Review.State.OPEN, due_date__lt=today)
            .select_related("risk", "assignee").order_by("due_date", "pk"))


def identified_by_level(user: User, start, end) -> dict[str, int]:
    """Risks identified in [start, end) per level (the monthly report's trend beside
    `level_counts`, which is today's open register)."""
    rows = (visible_risks(user).filter(created__gte=start, created__lt=end).exclude(level="")
            .values("level").annotate(n=Count("pk")).order_by())
    counts = {row["level"]: row["n"] for row in rows}
    return {level: counts.get(level, 0) for level in Level.values}
