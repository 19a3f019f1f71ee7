"""Reads for the three home pages: inboxes, requests and what a user may see."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.lookups import Exact
from django.utils import timezone

from core import registry
from core.org import selectors as org
from core.org.models import Role, User

from . import route as _route
from . import search
from .models import (
    Candidate,
    CarbonCopy,
    Notification,
    Request,
    RequestStatus,
    WorkItem,
    WorkItemStatus,
)
from .segregation import decided_by, prior_decisions

INBOX, QUEUE, ARCHIVE = "inbox", "queue", "archive"
SCOPES = (INBOX, QUEUE, ARCHIVE)
ALL_SEEING = (Role.AUDITOR, Role.ADMINISTRATOR)


@dataclass
class TaskFilters:
    kind: str = ""
    step: str = ""
    submitter: int | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    overdue: bool = False
    q: str = ""  # the search box: number, title, customer, submitter (core.inbox.search)
    sort: str = ""  # a key of search.TASK_SORTS; "" keeps the list's own order


def _delegations(user: User) -> dict[int, frozenset | None]:
    cached = getattr(user, "_cs_delegations", None)
    if cached is None:
        # The request's user comes knowing whether they deputise today (core.org.backends).
        cached = org.delegated_kinds(user) if getattr(user, "_cs_deputising", True) else {}
        user._cs_delegations = cached
    return cached


def acting_ids(user: User) -> list[int]:
    """The user and everyone they act for today, for some process kind (cached per request)."""
    return [user.pk, *_delegations(user)]


def acting_q(user: User, field: str, kind_field: str = "kind") -> Q:
    """Rows held by the user, or by someone they act for today *for that row's process kind*."""
    q = Q(**{field: user.pk})
    for principal_id, kinds in _delegations(user).items():
        cond = Q(**{field: principal_id})
        if kinds is not None:
            cond &= Q(**{f"{kind_field}__in": sorted(kinds)})
        q |= cond
    return q


# --- segregation of duties as SQL (core.inbox.segregation; the same rule as
# core.authority.services.ensure_can_decide, which judges the decision itself) ---------------


def decidable_q(user: User) -> Q:
    """Of the tasks held by the user or by someone they act for, those segregation of duties
    lets the user decide: not of a request the user submitted or whose submitter they act for,
    and not of a request whose other step the user, or the holder they would decide for,
    decided this round. A revision (the submitter's own step) always.

    One who acts for nobody looks for their own prior decisions only: a constant, so the
    anti-join probes the request's few tasks by the request index."""
    people = [user.pk] if len(acting_ids(user)) == 1 else [user.pk, OuterRef("assignee_id")]
    # "a revision, or (not the submitter's and no prior decision)", written with the NOT EXISTS
    # at the top (the revision test moved inside it) so that PostgreSQL plans one hash anti-join
    # over the user's few decisions instead of probing the index once per listed task.
    prior = prior_decisions(OuterRef("request_id"), OuterRef("step_code"),
                            OuterRef("round"), OuterRef("created")).filter(
        decided_by(*people)).filter(Exact(OuterRef("is_revision"), False))
    return Q(~Exists(prior)) & (Q(is_revision=True) | ~acting_q(user, "submitter_id"))


def claimable_candidates(user: User) -> QuerySet[Candidate]:
    """The open queue entries through which the user may claim a task: their own, or those of
    someone they act for in the task's kind, unless the user or that person decided another
    step of the request this round (the submitter check is on the task: `decidable_q`). A
    queued task is its step's only one: no co-signature to count (`prior_decisions`' opened)."""
    prior = prior_decisions(OuterRef("work_item__request_id"), OuterRef("work_item__step_code"),
                            OuterRef("work_item__round")).filter(
        decided_by(user.pk, OuterRef("user_id")))
    return Candidate.objects.filter(open=True).filter(
        acting_q(user, "user_id", "work_item__kind")).filter(~Exists(prior))


def _own_queue_q(user: User, via: str = "") -> Q:
    """`decidable_q` for one who acts for nobody today, read from the rule's columns the
    candidate row carries (Candidate.request … submitter, copied from its task), `via` the
    path from the queried model to the candidate: the candidate_queue index covers them, so
    the rule is one hash anti-join over the user's own few decisions and no task is read."""
    prior = prior_decisions(OuterRef(f"{via}request_id"), OuterRef(f"{via}step_code"),
                            OuterRef(f"{via}round")).filter(decided_by(user.pk)).filter(
        Exact(OuterRef(f"{via}is_revision"), False))
    return (Q(**{f"{via}user_id": user.pk, f"{via}open": True}) & Q(~Exists(prior))
            & (Q(**{f"{via}is_revision": True})
               | Q(Exact(Exact(F(f"{via}submitter_id"), user.pk), False))))


def own_queue(user: User) -> QuerySet[Candidate]:
    """The queue of one who acts for nobody today as candidate rows: what the menu counts."""
    return Candidate.objects.filter(_own_queue_q(user))


def _queue(user: User) -> QuerySet[WorkItem]:
    ids = acting_ids(user)
    if len(ids) == 1:
        # The common case: one range scan of the candidate_queue index, already in order, with
        # the rule read from the candidate (one filter() call: one join of the candidates).
        return WorkItem.objects.filter(_own_queue_q(user, "candidate__")).order_by(
            F("candidate__due").asc(nulls_last=True), "candidate__created"
        )
    # A deputy's queue also holds their principals' tasks; a task may list both of them.
    return WorkItem.objects.filter(
        pk__in=claimable_candidates(user).values("work_item_id")).filter(
        ~acting_q(user, "submitter_id")).order_by(F("due").asc(nulls_last=True), "created")


def tasks_for(user: User, scope: str, filters: TaskFilters | None = None) -> QuerySet[WorkItem]:
    """One index range scan per scope; rows carry everything the list shows (no N+1)."""
    now = timezone.now()
    base = WorkItem.objects.select_related("submitter", "assignee", "acting_for")
    if scope != ARCHIVE and len(acting_ids(user)) > 1 and org.is_read_only(user):
        # An auditor who deputises for someone reads their tasks but decides none of them.
        return base.none()
    if scope == INBOX:
        qs = base.filter(acting_q(user, "assignee_id"), status=WorkItemStatus.OPEN).filter(
            decidable_q(user))
    elif scope == QUEUE:
        qs = _queue(user).select_related("submitter", "assignee", "acting_for")
    elif scope == ARCHIVE:
        qs = base.filter(status=WorkItemStatus.DONE, decided_by=user)
    else:
        raise ValueError(scope)
    f = filters or TaskFilters()
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.step:
        qs = qs.filter(step_code=f.step)
    if f.submitter:
        qs = qs.filter(submitter_id=f.submitter)
    if f.amount_min is not None:
        qs = qs.filter(amount__gte=f.amount_min)
    if f.amount_max is not None:
        qs = qs.filter(amount__lte=f.amount_max)
    if f.overdue:
        qs = qs.filter(due__lt=now)
    if search.terms(f.q):
        # narrows what the scope already shows: the visibility rules above stay as they are.
        # The task's own copy of the words, no join; an open task's are indexed (migration
        # 0015, partial on status) and the queue names the status for that index.
        qs = qs.filter(search.search_q(f.q))
        if scope != ARCHIVE:
            qs = qs.filter(status=WorkItemStatus.OPEN)
    sort = search.sort_key(f.sort, search.TASK_SORTS)
    if sort:
        return qs.order_by(*search.TASK_SORTS[sort])
    if scope == ARCHIVE:
        return qs.order_by("-decided_at")
    if scope == QUEUE:
        return qs
    # Overdue first, then by due time, then oldest first: ascending due already puts overdue
    # tasks (the earliest deadlines) on top, and matches the (assignee, due, created) index.
    return qs.order_by(F("due").asc(nulls_last=True), "created")


# What a task list row shows (the `task_rows` tag of the pages), and whose names: the submitter
# always, the holder in an inbox that holds a principal's tasks, the principal in the archive.
# A page loads only these: its query joins, plans and compiles in a fraction of the time the
# selector's all-purpose rows (~80 columns, three users) took.
ROW_FIELDS = (
    "number", "title", "kind", "step_code", "step_label", "escalation_level", "amount",
    "status", "created", "due", "decision", "decided_at", "request_id", "submitter",
    "assignee", "acting_for",
)


def list_rows(tasks: QuerySet[WorkItem], user: User, scope: str) -> QuerySet[WorkItem]:
    """`tasks_for(user, scope)` narrowed to the columns and names a list page shows."""
    people = ["submitter"]
    if scope == INBOX and len(acting_ids(user)) > 1:
        people.append("assignee")
    elif scope == ARCHIVE:
        people.append("acting_for")
    names = (f"{person}__{name}" for person in people for name in User.NAME_FIELDS)
    return tasks.select_related(None).select_related(*people).only(*ROW_FIELDS, *names)


UNREAD = "unread"
_PROBE = -987_654_321  # a user id no row has: stands for the user in the compiled statements
_compiled: dict[tuple, tuple[str, list]] = {}


def _compiled_sql(key: tuple, build) -> tuple[str, list]:
    """The SQL of `build(user)` for one who acts for nobody today, compiled from the ORM once
    per process with a probe id (`_bind` puts the user's id in its place). The lists' four-eyes
    rule takes Django longer to build and compile than PostgreSQL takes to run it; the
    statement depends on nothing but the user's id, so it is compiled once."""
    found = _compiled.get(key)
    if found is None:
        probe = User(pk=_PROBE)
        probe._cs_delegations = {}
        found = _compiled[key] = build(probe)
    return found


def _bind(params: list, user: User) -> list:
    return [user.pk if p == _PROBE else p for p in params]


def _counted(rows: QuerySet) -> tuple[str, list]:
    sql, params = rows.order_by().values("pk").query.sql_with_params()
    return f"SELECT COUNT(*) FROM ({sql}) AS counted", list(params)  # noqa: S608  # nosec B608: ORM-compiled SQL, values bound


def _nav_counts_sql() -> tuple[str, list]:
    """The menu's three counts in one statement, for a user who acts for nobody today: the
    inbox and the queue as their lists filter them (segregation of duties included), and the
    unread notifications. Each is an index range scan over the user's own entries."""
    def build(probe):
        parts = [_counted(tasks_for(probe, INBOX)), _counted(own_queue(probe)),
                 _counted(Notification.objects.filter(recipient_id=probe.pk,
                                                      read_at__isnull=True))]
        return (f"SELECT {', '.join(f'({sql})' for sql, _ in parts)}",
                [value for _, params in parts for value in params])

    return _compiled_sql(("nav",), build)


class TaskList:
    """An unfiltered task list (any sort) of one who acts for nobody today, as the paginator
    reads it: `count()` and `[a:b]`. The ids of a page come from the list's statement compiled
    once (`_compiled_sql`), its rows by primary key with the page's columns (`list_rows`).
    Same order, same rows as `tasks_for`."""

    def __init__(self, user: User, scope: str, sort: str = "", count: int | None = None):
        self.user, self.scope, self._count = user, scope, count
        self.sort = search.sort_key(sort, search.TASK_SORTS)

    def _ids_sql(self) -> tuple[str, list]:
        return _compiled_sql(("ids", self.scope, self.sort), lambda probe: tasks_for(
            probe, self.scope, TaskFilters(sort=self.sort)).values("pk").query.sql_with_params())

    def count(self) -> int:
        if self._count is None:
            # the queue counted as the menu counts it: its candidate rows alone, no task read
            sql, params = _compiled_sql(("count", self.scope), lambda probe: _counted(
                own_queue(probe) if self.scope == QUEUE else tasks_for(probe, self.scope)))
            with connection.cursor() as cursor:
                cursor.execute(sql, _bind(params, self.user))
                self._count = cursor.fetchone()[0]
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("a task list is read a page at a time: [start:stop]")
        start = key.start or 0
        stop = self.count() if key.stop is None else key.stop
        if stop <= start:
            return []
        sql, params = self._ids_sql()
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT %s OFFSET %s",
                           [*_bind(params, self.user), stop - start, start])
            ids = [row[0] for row in cursor.fetchall()]
        if not ids:
            return []
        found = {row.pk: row for row in list_rows(WorkItem.objects.filter(pk__in=ids),
                                                  self.user, self.scope)}
        return [found[pk] for pk in ids if pk in found]


def task_list(user: User, scope: str, filters: TaskFilters | None = None, *,
              count: int | None = None):
    """A list page's tasks: a `TaskList` where it applies (one who acts for nobody, no filter
    but a sort), else the selector's queryset with the page's columns (`list_rows`)."""
    f = filters or TaskFilters()
    if len(acting_ids(user)) == 1 and TaskFilters(sort=f.sort) == f:
        return TaskList(user, scope, f.sort, count)
    return list_rows(tasks_for(user, scope, f), user, scope)


def task_counts(user: User) -> dict[str, int]:
    """Inbox and queue sizes and unread notifications, computed once per request."""
    cached = getattr(user, "_cs_task_counts", None)
    if cached is None:
        if len(acting_ids(user)) == 1:
            sql, params = _nav_counts_sql()
            with connection.cursor() as cursor:
                cursor.execute(sql, _bind(params, user))
                inbox, queue, unread = cursor.fetchone()
        else:  # a deputy: their principals' tasks too, for the kinds delegated
            inbox = tasks_for(user, INBOX).order_by().count()
            queue = tasks_for(user, QUEUE).order_by().count()
            unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cached = {INBOX: inbox, QUEUE: queue, UNREAD: unread}
        user._cs_task_counts = cached
    return cached


def sees_everything(user: User) -> bool:
    return user.is_superuser or org.has_role(user, *ALL_SEEING)


def report_ids(user: User) -> list[int]:
    """Everyone below the user in the line (all levels), cached for the request."""
    cached = getattr(user, "_cs_report_ids", None)
    if cached is None:
        cached, frontier = [], [user.pk]
        while frontier:
            frontier = list(User.objects.filter(manager_id__in=frontier)
                            .exclude(pk__in=cached).values_list("pk", flat=True))
            cached.extend(frontier)
        user._cs_report_ids = cached
    return cached


def visible_requests(user: User) -> QuerySet[Request]:
    """Requests a user may see: their own, those they act or acted on (or for), those they are
    copied on (抄送), or all for auditors and administrators. Anything else is 404 to them."""
    qs = Request.objects.select_related("submitter")
    if sees_everything(user):
        return qs
    involved = WorkItem.objects.filter(request=OuterRef("pk")).filter(
        acting_q(user, "assignee_id") | acting_q(user, "decided_by_id")
        | acting_q(user, "acting_for_id")
        # a line manager sees what their people hold, and may move it (services.can_reassign)
        | Q(status=WorkItemStatus.OPEN, assignee_id__in=report_ids(user))
        | Q(pk__in=Candidate.objects.filter(
            acting_q(user, "user_id", "work_item__kind")).values("work_item_id"))
    )
    by_role = [p.kind for p in registry.processes()
               if org.has_role(user, *p.visible_to_roles)]
    # 抄送: a person copied on the request reads it (core/inbox/copies.py)
    copied = CarbonCopy.objects.filter(request=OuterRef("pk"), person_id=user.pk)
    return qs.filter(acting_q(user, "submitter_id") | Exists(involved) | Exists(copied)
                     | Q(kind__in=by_role))


def visible_tasks(user: User) -> QuerySet[WorkItem]:
    return WorkItem.objects.filter(request__in=visible_requests(user).values("pk"))


# What the requests list shows (the `request_rows` tag): no JSON columns, no submitter.
REQUEST_ROW_FIELDS = ("kind", "number", "title", "party", "amount", "currency", "status",
                      "current_step", "waiting_on_names", "since")


def request_rows(requests: QuerySet[Request]) -> QuerySet[Request]:
    """`requests_for(...)` narrowed to the columns a list page shows."""
    return requests.select_related(None).only(*REQUEST_ROW_FIELDS)


def requests_for(user: User, *, mine: bool = False, kind: str = "", status: str = "",
                 q: str = "", sort: str = ""):
    qs = Request.objects.filter(submitter=user) if mine else visible_requests(user)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if search.terms(q):
        qs = qs.filter(search.search_q(q))
    sort = search.sort_key(sort, search.REQUEST_SORTS)
    order = search.REQUEST_SORTS[sort] if sort else ("-since", "-pk")
    return qs.select_related("submitter").order_by(*order)


# the route's stops, for the task and request pages (core/inbox/route.py)
RouteStep, ROUTE_STATES, request_route = _route.RouteStep, _route.ROUTE_STATES, _route.request_route


def verdict(req: Request | None) -> WorkItem | None:
    """The decision that ended or returned the request, with its reason, while it stands: what
    the submitter must read first (rejected or returned); None otherwise."""
    if req is None or req.status not in (RequestStatus.REJECTED, RequestStatus.RETURNED):
        return None
    return (WorkItem.objects.filter(request=req, status=WorkItemStatus.DONE, decision=req.status)
            .select_related("decided_by", "acting_for").order_by("-decided_at", "-pk").first())
