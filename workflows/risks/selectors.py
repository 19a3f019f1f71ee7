"""Who sees which risks, the register's filters, the heat map and the escalation summary.
Pages and the API read through these, so a rule holds in both; a risk outside a user's scope is
404 to them (never 403)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from core.inbox.models import Request, WorkItem, WorkItemStatus
from core.inbox.selectors import sees_everything, visible_requests
from core.org import selectors as org
from core.org.models import Role, RoleAssignment, User
from workflows.risks.steps import KIND

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

MAX_ID = 2**63 - 1
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


def risk_request(risk: Risk) -> Request | None:
    return Request.objects.filter(kind=KIND, object_id=risk.pk).first()


def open_approval(risk: Risk) -> WorkItem | None:
    return (WorkItem.objects.filter(request__kind=KIND, request__object_id=risk.pk,
                                    status=WorkItemStatus.OPEN)
            .select_related("assignee").order_by("-created").first())


# --- the register ------------------------------------------------------------------------------


@dataclass
class RegisterFilters:
    type: str = ""
    level: str = ""
    state: str = ""  # a RiskState, or "open" for every state but closed
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
    if f.state == "open":
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
    f = RegisterFilters(**{**f.__dict__, "state": f.state or "open",
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
