"""The figures of the approval analytics page and API (issue 23), for every process the
registry knows, present and future: they read only the engine's rows (WorkItem, Request),
never a process's own models.

Percentiles are computed by PostgreSQL (percentile_cont, linear interpolation); on another
database the same definition runs in Python over the fetched durations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection
from django.db.models import Count, F, FloatField, Func, Max, Min, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import registry
from core.engine import step_name
from core.inbox.models import (
    OPEN_REQUEST_STATES,
    Decision,
    Request,
    RequestStatus,
    WorkItem,
    WorkItemStatus,
)
from core.org import selectors as org
from core.org.models import Role

VIEWER_ROLES = (Role.SALES_GM, Role.CEO, Role.AUDITOR, Role.ADMINISTRATOR)
FINISHED_REQUEST_STATES = (RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.DONE)
DEFAULT_DAYS = 90
SLOWEST = 10
# open-task age buckets: (code, label, lower bound, upper bound)
BUCKETS = (
    ("lt_1d", _("Under 1 day"), timedelta(0), timedelta(days=1)),
    ("d1_3", _("1–3 days"), timedelta(days=1), timedelta(days=3)),
    ("d3_7", _("3–7 days"), timedelta(days=3), timedelta(days=7)),
    ("gt_7d", _("Over 7 days"), timedelta(days=7), None),
)


def can_view(user) -> bool:
    """The sales GM and the CEO watch the approvals (policy §2(五), §4(一)3); auditors and
    administrators read everything."""
    return bool(user and user.is_authenticated and user.is_active
                and (user.is_superuser or org.has_role(user, *VIEWER_ROLES)))


@dataclass(frozen=True)
class Filters:
    start: datetime  # inclusive
    end: datetime  # exclusive
    kind: str = ""
    region_id: int | None = None
    department_id: int | None = None

    @classmethod
    def of(cls, *, date_from: date | None = None, date_to: date | None = None, kind: str = "",
           region_id: int | None = None, department_id: int | None = None) -> Filters:
        """Local (Asia/Shanghai) days, both ends included; the last 90 days by default."""
        date_to = date_to or timezone.localdate()
        date_from = date_from or date_to - timedelta(days=DEFAULT_DAYS - 1)
        start = timezone.make_aware(datetime.combine(date_from, time.min))
        end = timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min))
        return cls(start=start, end=end, kind=kind, region_id=region_id,
                   department_id=department_id)

    @property
    def date_from(self) -> date:
        return timezone.localtime(self.start).date()

    @property
    def date_to(self) -> date:
        return timezone.localtime(self.end).date() - timedelta(days=1)

    def items(self, qs: QuerySet | None = None) -> QuerySet:
        qs = WorkItem.objects.all() if qs is None else qs
        if self.kind:
            qs = qs.filter(kind=self.kind)
        if self.region_id:
            qs = qs.filter(request__region_id=self.region_id)
        if self.department_id:
            qs = qs.filter(request__submitter__department_id=self.department_id)
        return qs

    def requests(self) -> QuerySet:
        qs = Request.objects.all()
        if self.kind:
            qs = qs.filter(kind=self.kind)
        if self.region_id:
            qs = qs.filter(region_id=self.region_id)
        if self.department_id:
            qs = qs.filter(submitter__department_id=self.department_id)
        return qs


class Seconds(Func):
    """Seconds from the second timestamp to the first (PostgreSQL's `EXTRACT(EPOCH ...)`,
    SQLite's julianday)."""

    output_field = FloatField()
    arity = 2
    arg_joiner = " - "

    def as_sql(self, compiler, conn, **extra):
        return super().as_sql(compiler, conn, template="EXTRACT(EPOCH FROM (%(expressions)s))",
                              **extra)

    def as_sqlite(self, compiler, conn, **extra):
        later, earlier = self.source_expressions
        later_sql, later_params = compiler.compile(later)
        earlier_sql, earlier_params = compiler.compile(earlier)
        return (f"((julianday({later_sql}) - julianday({earlier_sql})) * 86400.0)",
                (*later_params, *earlier_params))


def _interval(later, earlier) -> Seconds:
    return Seconds(F(later), F(earlier)) if isinstance(later, str) else Seconds(later, earlier)


def percentile(values: list[float], p: float) -> float | None:
    """percentile_cont's definition: linear interpolation between the closest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    rank = p * (len(ordered) - 1)
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _distribution(qs: QuerySet, keys: tuple[str, ...], value: str) -> list[dict]:
    """Count, median, p90 and max of `value` per `keys`, over a values() queryset: in
    PostgreSQL one grouped statement over the queryset as a subquery."""
    if connection.vendor == "postgresql":
        sql, params = qs.values(*keys, value).query.sql_with_params()
        cols = ", ".join(f't."{k}"' for k in keys)
        # The identifiers are our own field names; every value travels in params.
        statement = (
            f"SELECT {cols}, COUNT(*), "  # noqa: S608  # nosec B608
            f'percentile_cont(0.5) WITHIN GROUP (ORDER BY t."{value}"), '
            f'percentile_cont(0.9) WITHIN GROUP (ORDER BY t."{value}"), MAX(t."{value}") '
            f"FROM ({sql}) t GROUP BY {cols} ORDER BY {cols}")
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            rows = cursor.fetchall()
        n = len(keys)
        return [{**dict(zip(keys, row[:n], strict=True)), "count": row[n],
                 "median": row[n + 1], "p90": row[n + 2], "max": row[n + 3]} for row in rows]
    groups: dict[tuple, list[float]] = {}
    for row in qs.values(*keys, value):
        groups.setdefault(tuple(row[k] for k in keys), []).append(float(row[value]))
    return [{**dict(zip(keys, key, strict=True)), "count": len(vals),
             "median": percentile(vals, 0.5), "p90": percentile(vals, 0.9), "max": max(vals)}
            for key, vals in sorted(groups.items())]


def _hours(seconds) -> float | None:
    # PostgreSQL's EXTRACT gives numeric (a Decimal) and percentile_cont a double: both floats
    return None if seconds is None else round(float(seconds) / 3600, 2)


def _as_hours(row: dict) -> dict:
    return {**row, **{k: _hours(row[k]) for k in ("median", "p90", "max")}}


def process_label(kind: str) -> str:
    spec = registry.get(kind)
    return str(spec.label) if spec else kind


def step_label(kind: str, code: str, fallback: str = "") -> str:
    """The process's own label for a step, else the engine's (role steps: "Line manager")."""
    spec = registry.get(kind)
    if spec and code in spec.steps:
        return str(spec.step_label(code))
    return step_name(code, fallback)


def _decided(f: Filters) -> QuerySet:
    """Approval tasks decided in the period (a submitter's revision task is not a step)."""
    return f.items().filter(status=WorkItemStatus.DONE, is_revision=False,
                            decided_at__gte=f.start, decided_at__lt=f.end)


def process_cycle(f: Filters) -> list[dict]:
    """Finished requests whose last decision falls in the period: first task opened to last
    task decided, in hours."""
    qs = (f.items().filter(request__status__in=FINISHED_REQUEST_STATES)
          .values("request_id", "kind")
          .annotate(last=Max("decided_at"), hours_=_interval(Max("decided_at"), Min("created")))
          .filter(last__gte=f.start, last__lt=f.end))
    rows = _distribution(qs, ("kind",), "hours_")
    return [{**_as_hours(r), "label": process_label(r["kind"])} for r in rows]


def step_cycle(f: Filters) -> list[dict]:
    """Per step: opened to decided, in hours."""
    qs = _decided(f).annotate(hours_=_interval("decided_at", "created"))
    rows = _distribution(qs, ("kind", "step_code"), "hours_")
    return [{**_as_hours(r), "process": process_label(r["kind"]),
             "label": step_label(r["kind"], r["step_code"])} for r in rows]


def sla(f: Filters) -> list[dict]:
    """Per step, of the decided tasks that had a deadline: how many were decided by it."""
    rows = (_decided(f).filter(due__isnull=False).values("kind", "step_code")
            .annotate(count=Count("pk"), on_time=Count("pk", filter=Q(decided_at__lte=F("due"))))
            .order_by("kind", "step_code"))
    return [{"kind": r["kind"], "step_code": r["step_code"],
             "process": process_label(r["kind"]), "label": step_label(r["kind"], r["step_code"]),
             "count": r["count"], "on_time": r["on_time"], "late": r["count"] - r["on_time"],
             "percent": round(100 * r["on_time"] / r["count"], 1)} for r in rows]


def returns(f: Filters) -> dict:
    """Returns for revision per request (the requests with an approval decided in the period)
    and the steps that return most."""
    decided = _decided(f)
    per_kind = (decided.values("kind")
                .annotate(requests=Count("request_id", distinct=True),
                          returns=Count("pk", filter=Q(decision=Decision.RETURNED)))
                .order_by("kind"))
    by_process = [{"kind": r["kind"], "label": process_label(r["kind"]),
                   "requests": r["requests"], "returns": r["returns"],
                   "per_request": round(r["returns"] / r["requests"], 2)} for r in per_kind]
    steps = (decided.values("kind", "step_code")
             .annotate(decisions=Count("pk"),
                       returns=Count("pk", filter=Q(decision=Decision.RETURNED)))
             .filter(returns__gt=0).order_by("-returns", "kind", "step_code"))
    by_step = [{"kind": r["kind"], "step_code": r["step_code"],
                "process": process_label(r["kind"]),
                "label": step_label(r["kind"], r["step_code"]),
                "decisions": r["decisions"], "returns": r["returns"],
                "percent": round(100 * r["returns"] / r["decisions"], 1)} for r in steps]
    return {"by_process": by_process, "by_step": by_step}


def backlog(f: Filters, now: datetime | None = None) -> list[dict]:
    """Open approval tasks now, per process, by how long they have been open (the period does
    not apply: a backlog is today's)."""
    now = now or timezone.now()
    counts: dict[str, Any] = {}
    for code, _label, low, high in BUCKETS:
        q = Q(created__lte=now - low)
        if high is not None:
            q &= Q(created__gt=now - high)
        counts[code] = Count("pk", filter=q)
    rows = (f.items().filter(status=WorkItemStatus.OPEN, is_revision=False).values("kind")
            .annotate(total=Count("pk"), overdue=Count("pk", filter=Q(due__lt=now)), **counts)
            .order_by("kind"))
    return [{**r, "label": process_label(r["kind"])} for r in rows]


def throughput(f: Filters) -> list[dict]:
    """Approval tasks decided per week (weeks start on Monday, Asia/Shanghai)."""
    rows = (_decided(f).annotate(week=TruncWeek("decided_at"))
            .values("week")
            .annotate(decided=Count("pk"),
                      approved=Count("pk", filter=Q(decision=Decision.APPROVED)),
                      rejected=Count("pk", filter=Q(decision=Decision.REJECTED)),
                      returned=Count("pk", filter=Q(decision=Decision.RETURNED)))
            .order_by("week"))
    return [{**r, "week": timezone.localtime(r["week"]).date()
             if isinstance(r["week"], datetime) else r["week"]} for r in rows]


def slowest_open(f: Filters, now: datetime | None = None) -> list[Request]:
    """The open requests that have waited longest since they were submitted, now."""
    now = now or timezone.now()
    rows = list(f.requests().filter(status__in=OPEN_REQUEST_STATES, submitted_at__isnull=False)
                .select_related("region").order_by("submitted_at", "pk")[:SLOWEST])
    for req in rows:
        req.age_hours = _hours((now - req.submitted_at).total_seconds())  # type: ignore[attr-defined]
        req.process_label = process_label(req.kind)  # type: ignore[attr-defined]
        req.step_label = step_label(req.kind, req.current_step)  # type: ignore[attr-defined]
    return rows


def approval_analytics(f: Filters, now: datetime | None = None) -> dict:
    now = now or timezone.now()
    return {
        "period": {"date_from": f.date_from, "date_to": f.date_to},
        "process_cycle": process_cycle(f),
        "step_cycle": step_cycle(f),
        "sla": sla(f),
        "returns": returns(f),
        "backlog": backlog(f, now),
        "throughput": throughput(f),
        "slowest_open": slowest_open(f, now),
    }
