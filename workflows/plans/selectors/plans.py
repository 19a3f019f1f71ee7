"""Who sees which plans and which part of them, and the regions' confirmations. Pages and the
API read through these, so a rule holds in both; a plan outside a user's scope is 404 to them.

The sales GM, the CEO, auditors and administrators see every plan and every line; finance, who
records every region's actuals, the published (and superseded) plans whole, read-only, never one
still in drafting or sign-off; a regional manager the plans sent to their region (their region's
rows); a salesperson the published plans with their line (their line only)."""

from dataclasses import dataclass, replace

from django.db.models import Q, QuerySet, prefetch_related_objects

from core import engine
from core.org import selectors as org
from core.org.models import Region, Role, RoleAssignment, User

from ..models import PersonMonth, Plan, PlanState, RegionMonth
from ..steps import CONFIRM_STEP, KIND

ALL_PLAN_READERS = (Role.SALES_GM, Role.CEO)
# Finance records the actuals of every region (services.actuals.RECORDERS), so it reads every
# row of the plans in force; it has no part in the sign-off (DOMAIN.md §3).
PUBLISHED_PLAN_READERS = (Role.FINANCE,)
PUBLISHED_STATES = (PlanState.PUBLISHED, PlanState.SUPERSEDED)
MAX_PK = 2**63 - 1


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    published: bool = False  # every row of the published and superseded plans (finance)
    region_ids: frozenset = frozenset()
    person_id: int | None = None

    @property
    def anything(self) -> bool:
        return self.all_rows or bool(self.region_ids) or self.person_id is not None

    @property
    def all_rows(self) -> bool:
        """Every row of each plan the user sees (the company line too)."""
        return self.everything or self.published

    def sees_region(self, region_id: int) -> bool:
        return self.all_rows or region_id in self.region_ids

    def on(self, plan: Plan) -> "Scope":
        """The scope for one plan: finance reads the whole of a plan only once it is in force
        (it matters for someone who is both finance and a regional manager)."""
        if self.published and not self.everything and plan.state not in PUBLISHED_STATES:
            return replace(self, published=False)
        return self


def managed_region_ids(user: User) -> set[int]:
    return set(RoleAssignment.objects.filter(user=user, role=Role.REGIONAL_MANAGER,
                                             region__isnull=False)
               .values_list("region_id", flat=True))


def plan_scope(user: User) -> Scope:
    """What of the plans a user reads (cached on the user for the request). A deputy reads what
    the people they act for today read."""
    cached = getattr(user, "_cs_plan_scope", None)
    if cached is not None:
        return cached
    people = [user, *org.principals_for(user, kind=KIND)]
    if engine.sees_everything(user) or any(org.has_role(p, *ALL_PLAN_READERS) for p in people):
        scope = Scope(everything=True)
    else:
        regions = set()
        for p in people:
            regions |= managed_region_ids(p)
        scope = Scope(published=any(org.has_role(p, *PUBLISHED_PLAN_READERS) for p in people),
                      region_ids=frozenset(regions),
                      person_id=user.pk if org.has_role(user, Role.SALESPERSON) else None)
    user._cs_plan_scope = scope
    return scope


def visible_plans(user: User) -> QuerySet[Plan]:
    qs = Plan.objects.select_related("author")
    scope = plan_scope(user)
    if scope.everything:
        return qs
    q = Q(author=user) | Q(pk__in=engine.visible_requests(user).filter(kind=KIND)
                           .values("object_id"))
    if scope.published:
        q |= Q(state__in=PUBLISHED_STATES)
    if scope.region_ids:
        q |= Q(pk__in=RegionMonth.objects.filter(region_id__in=scope.region_ids)
               .values("plan_id")) & ~Q(state=PlanState.DRAFT)
    if scope.person_id is not None:
        q |= Q(pk__in=PersonMonth.objects.filter(salesperson_id=scope.person_id)
               .values("plan_id"), state__in=[PlanState.PUBLISHED, PlanState.SUPERSEDED])
    return qs.filter(q)


def visible_plan(user: User, pk) -> Plan | None:
    if not isinstance(pk, int) or not 0 < pk <= MAX_PK:
        return None
    return visible_plans(user).filter(pk=pk).first()


def plans_for(user: User, *, year: int | None = None, state: str = "") -> QuerySet[Plan]:
    qs = visible_plans(user)
    if year:
        qs = qs.filter(fiscal_year=year)
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-fiscal_year", "number", "-version", "-pk")


def plan_request(plan: Plan) -> engine.Request | None:
    return engine.request_for(KIND, plan.pk)


def versions_of(plan: Plan, user: User | None = None) -> list[Plan]:
    """Every version of the plan (those the user may see, when a user is given)."""
    qs = visible_plans(user) if user is not None else Plan.objects.select_related("author")
    return list(qs.filter(number=plan.number).order_by("version"))


def sees_process(user: User) -> bool:
    """Readers of whole plans (finance: of those in force) and regional managers see the company
    target, the sign-off and the history; a salesperson sees their own line only."""
    scope = plan_scope(user)
    return scope.all_rows or bool(scope.region_ids)


# --- the confirmations ------------------------------------------------------------------------


@dataclass
class Confirmation:
    region: str
    region_name: str
    status: str  # open / done / cancelled
    decision: str
    holder: str
    decided_by: str
    decided_at: object
    comment: str
    item_id: int

    @property
    def is_open(self) -> bool:
        return self.status == engine.WorkItemStatus.OPEN

    @property
    def confirmed(self) -> bool:
        return self.decision == engine.Decision.APPROVED

    @property
    def pushed_back(self) -> bool:
        return self.decision == engine.Decision.RETURNED


def confirmations(plan: Plan) -> list[Confirmation]:
    """The latest round of regional confirmations (one per region), by region code."""
    items = list(engine.items_of(KIND, plan.pk).filter(step_code=CONFIRM_STEP)
                 .select_related("task", "assignee", "decided_by").order_by("-pk"))
    latest: dict[str, engine.WorkItem] = {}
    for item in items:
        code = (item.task.data or {}).get("region", "")
        latest.setdefault(code, item)
    names = dict(Region.objects.filter(code__in=list(latest)).values_list("code", "name"))
    queued = [i for i in latest.values() if i.assignee_id is None]
    prefetch_related_objects(queued, "candidate_set__user")
    candidates = {item.pk: [str(c.user) for c in item.candidate_set.all()] for item in queued}
    return [Confirmation(region=code, region_name=names.get(code, code), status=item.status,
                         decision=item.decision,
                         holder=str(item.assignee) if item.assignee_id
                         else ", ".join(candidates.get(item.pk, [])),
                         decided_by=str(item.decided_by) if item.decided_by_id else "",
                         decided_at=item.decided_at, comment=item.comment, item_id=item.pk)
            for code, item in sorted(latest.items())]


def open_task_for(plan: Plan, user: User) -> engine.WorkItem | None:
    """An open task of this plan that the user holds or may claim (their confirmation, or the
    CEO's sign-off), for the buttons on the plan page."""
    open_ = engine.items_of(KIND, plan.pk).filter(status=engine.WorkItemStatus.OPEN,
                                                  is_revision=False)
    return engine.held_by(user, open_).select_related("task").order_by("pk").first()
