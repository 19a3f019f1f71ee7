"""The figures of the approval analytics page and API (issue 23), for every process the
registry knows, present and future: they read only the engine's rows (WorkItem, Request),
never a process's own models.

Percentiles are computed by PostgreSQL (percentile_cont, linear interpolation); on another
database the same definition runs in Python over the fetched durations.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, F, FloatField, Func, Max, Min, Q, QuerySet, Sum
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
    Urge,
    WorkItem,
    WorkItemStatus,
)
from core.org import selectors as org
from core.org.models import Role, User

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
# amount bands of the request (its amount as recorded, whatever the currency):
# (code, label, lower bound inclusive, upper bound exclusive)
AMOUNT_BANDS = (
    ("lt_10k", _("Under 10,000"), None, Decimal(10_000)),
    ("10k_100k", _("10,000 to 100,000"), Decimal(10_000), Decimal(100_000)),
    ("100k_1m", _("100,000 to 1,000,000"), Decimal(100_000), Decimal(1_000_000)),
    ("gte_1m", _("1,000,000 and over"), Decimal(1_000_000), None),
)
BAND_CODES = tuple(code for code, *_rest in AMOUNT_BANDS)


def band_q(band: str, field: str = "amount") -> Q:
    """The amount band as a filter on `field` (no amount: in no band)."""
    for code, _label, low, high in AMOUNT_BANDS:
        if code == band:
            q = Q(**{f"{field}__isnull": False})
            if low is not None:
                q &= Q(**{f"{field}__gte": low})
            if high is not None:
                q &= Q(**{f"{field}__lt": high})
            return q
    raise ValueError(band)


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
    band: str = ""  # AMOUNT_BANDS code

    @classmethod
    def of(cls, *, date_from: date | None = None, date_to: date | None = None, kind: str = "",
           region_id: int | None = None, department_id: int | None = None,
           band: str = "") -> Filters:
        """Local (Asia/Shanghai) days, both ends included; the last 90 days by default."""
        date_to = date_to or timezone.localdate()
        date_from = date_from or date_to - timedelta(days=DEFAULT_DAYS - 1)
        start = timezone.make_aware(datetime.combine(date_from, time.min))
        end = timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min))
        return cls(start=start, end=end, kind=kind, region_id=region_id,
                   department_id=department_id, band=band)

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
        if self.band:
            qs = qs.filter(band_q(self.band, "request__amount"))
        return qs

    def requests(self) -> QuerySet:
        qs = Request.objects.all()
        if self.kind:
            qs = qs.filter(kind=self.kind)
        if self.region_id:
            qs = qs.filter(region_id=self.region_id)
        if self.department_id:
            qs = qs.filter(submitter__department_id=self.department_id)
        if self.band:
            qs = qs.filter(band_q(self.band))
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


to_hours = _hours  # seconds -> hours, 2 decimals (None stays None)


def _as_hours(row: dict) -> dict:
    return {**row, **{k: _hours(row[k]) for k in ("median", "p90", "max")}}


def _from_facts(key: str):
    """The figure from the daily facts when they can answer the filters (facts.usable),
    else computed live from the engine's rows; `.live` is always the live computation."""
    def wrap(fn):
        @functools.wraps(fn)
        def figure(f, *args, **kwargs):
            if not args and not kwargs:
                from . import facts

                got = facts.figures(f)
                if got is not None and got.get(key) is not None:
                    return got[key]
            return fn(f, *args, **kwargs)

        figure.live = fn  # type: ignore[attr-defined]
        return figure
    return wrap


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


@_from_facts("process_cycle")
def process_cycle(f: Filters) -> list[dict]:
    """Finished requests whose last decision falls in the period: first task opened to last
    task decided, in hours."""
    qs = (f.items().filter(request__status__in=FINISHED_REQUEST_STATES)
          .values("request_id", "kind")
          .annotate(last=Max("decided_at"), hours_=_interval(Max("decided_at"), Min("created")))
          .filter(last__gte=f.start, last__lt=f.end))
    rows = _distribution(qs, ("kind",), "hours_")
    return [{**_as_hours(r), "label": process_label(r["kind"])} for r in rows]


@_from_facts("step_cycle")
def step_cycle(f: Filters) -> list[dict]:
    """Per step: opened to decided, in hours."""
    qs = _decided(f).annotate(hours_=_interval("decided_at", "created"))
    rows = _distribution(qs, ("kind", "step_code"), "hours_")
    return [{**_as_hours(r), "process": process_label(r["kind"]),
             "label": step_label(r["kind"], r["step_code"])} for r in rows]


@_from_facts("sla")
def sla(f: Filters) -> list[dict]:
    """Per step, of the decided tasks that had a deadline: how many were decided by it."""
    rows = (_decided(f).filter(due__isnull=False).values("kind", "step_code")
            .annotate(count=Count("pk"), on_time=Count("pk", filter=Q(decided_at__lte=F("due"))))
            .order_by("kind", "step_code"))
    return [{"kind": r["kind"], "step_code": r["step_code"],
             "process": process_label(r["kind"]), "label": step_label(r["kind"], r["step_code"]),
             "count": r["count"], "on_time": r["on_time"], "late": r["count"] - r["on_time"],
             "percent": round(100 * r["on_time"] / r["count"], 1)} for r in rows]


@_from_facts("returns")
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


@_from_facts("throughput")
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


def _taken(qs: QuerySet) -> QuerySet:
    return qs.filter(taken_at__isnull=False)


def _waited(qs: QuerySet) -> QuerySet:
    """waiting: opened -> first held by a person (claimed, or assigned at opening: 0)."""
    return _taken(qs).annotate(hours_=_interval("taken_at", "created"))


def _worked(qs: QuerySet) -> QuerySet:
    """worked: first held -> decided."""
    return _taken(qs).annotate(hours_=_interval("decided_at", "taken_at"))


_NUDGES = {
    "with_due": Count("pk", filter=Q(due__isnull=False)),
    "on_time": Count("pk", filter=Q(due__isnull=False, decided_at__lte=F("due"))),
    "reminded": Count("pk", filter=Q(reminders__gt=0)),
    "reminders": Sum("reminders"),
    "escalated": Count("pk", filter=Q(escalation_level__gt=0)),
    "escalations": Sum("escalation_level"),
}


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@_from_facts("approvers")
def approvers(f: Filters) -> list[dict]:
    """Per person who decided approval tasks in the period: how many, opened -> decided
    (median, p90, max), the median waiting and worked time, deadlines met, reminders and
    escalations on the tasks they decided."""
    decided = _decided(f)
    keys = ("decided_by_id",)
    cycle = _distribution(decided.annotate(hours_=_interval("decided_at", "created")), keys,
                          "hours_")
    wait = {r["decided_by_id"]: r for r in _distribution(_waited(decided), keys, "hours_")}
    work = {r["decided_by_id"]: r for r in _distribution(_worked(decided), keys, "hours_")}
    counts = {r["decided_by_id"]: r for r in decided.values("decided_by_id").annotate(**_NUDGES)
              .order_by()}
    names = {pk: User.name_from(*rest) for pk, *rest in
             User.objects.filter(pk__in=[r["decided_by_id"] for r in cycle])
             .values_list("pk", *User.NAME_FIELDS)}
    rows = []
    for r in cycle:
        pk = r["decided_by_id"]
        c = counts[pk]
        rows.append({**{k: v for k, v in _as_hours(r).items() if k != "decided_by_id"},
                     "approver_id": pk, "name": names.get(pk) or str(pk),
                     "wait_median": _hours(wait[pk]["median"]) if pk in wait else None,
                     "work_median": _hours(work[pk]["median"]) if pk in work else None,
                     "with_due": c["with_due"], "on_time": c["on_time"],
                     "percent": _percent(c["on_time"], c["with_due"]),
                     "reminders": c["reminders"] or 0, "escalations": c["escalations"] or 0})
    return sorted(rows, key=lambda row: (-row["count"], row["name"]))


@_from_facts("waiting_worked")
def waiting_worked(f: Filters) -> list[dict]:
    """Per step, of the tasks decided in the period: waiting (opened -> first held) and
    worked (first held -> decided), median and p90 hours."""
    keys = ("kind", "step_code")
    wait = {(r["kind"], r["step_code"]): r for r in _distribution(_waited(_decided(f)), keys,
                                                                   "hours_")}
    work = {(r["kind"], r["step_code"]): r for r in _distribution(_worked(_decided(f)), keys,
                                                                   "hours_")}
    rows = []
    for key in sorted(wait.keys() | work.keys()):
        w, k = wait.get(key, {}), work.get(key, {})
        rows.append({"kind": key[0], "step_code": key[1], "process": process_label(key[0]),
                     "label": step_label(*key), "count": (w or k)["count"],
                     "wait_median": _hours(w.get("median")), "wait_p90": _hours(w.get("p90")),
                     "work_median": _hours(k.get("median")), "work_p90": _hours(k.get("p90"))})
    return rows


@_from_facts("nudges")
def nudges(f: Filters) -> list[dict]:
    """Per step, of the tasks decided in the period: automatic reminders (the sweep's, before
    a deadline), escalations (a deadline passed: the task went one level up) and urges (a
    person's manual reminder)."""
    decided = _decided(f)
    urges = {(r["work_item__kind"], r["work_item__step_code"]): r["n"] for r in
             Urge.objects.filter(work_item__in=decided)
             .values("work_item__kind", "work_item__step_code").annotate(n=Count("pk"))
             .order_by()}
    rows = (decided.values("kind", "step_code").annotate(decided=Count("pk"), **_NUDGES)
            .order_by("kind", "step_code"))
    return [{"kind": r["kind"], "step_code": r["step_code"],
             "process": process_label(r["kind"]), "label": step_label(r["kind"], r["step_code"]),
             "decided": r["decided"], "reminded": r["reminded"],
             "reminders": r["reminders"] or 0, "escalated": r["escalated"],
             "escalations": r["escalations"] or 0,
             "urges": urges.get((r["kind"], r["step_code"]), 0)} for r in rows]


HEAT_METRICS = ("wait", "cycle")
HEAT_LEVELS = 5  # shading steps 0..4 (0: the lowest fifth of the largest median)


def _monday(value) -> date:
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value


def weeks_of(f: Filters) -> list[date]:
    first = f.date_from - timedelta(days=f.date_from.weekday())
    return [first + timedelta(weeks=n)
            for n in range((f.date_to - first).days // 7 + 1)]


@_from_facts("heatmap")
def heatmap(f: Filters, metric: str = "wait") -> dict:
    """Step x week (Monday, of the decision) of the median waiting time (`wait`: opened ->
    first held) or time at the step (`cycle`: opened -> decided), hours, of the tasks decided
    in the period. Each cell has a shading level 0-4 relative to the largest median."""
    if metric not in HEAT_METRICS:
        raise ValueError(metric)
    decided = _decided(f)
    qs = (_waited(decided) if metric == "wait"
          else decided.annotate(hours_=_interval("decided_at", "created")))
    qs = qs.annotate(week=TruncWeek("decided_at"))
    cells = {(r["kind"], r["step_code"], _monday(r["week"])):
             {"median": _hours(r["median"]), "count": r["count"]}
             for r in _distribution(qs, ("kind", "step_code", "week"), "hours_")}
    return heat_from_cells(f, metric, cells)


def heat_from_cells(f: Filters, metric: str, cells: dict[tuple, dict]) -> dict:
    """The heat map from its cells {(kind, step, Monday): {median, count}}: every week of the
    period, a row per step, each cell shaded 0-4 relative to the largest median."""
    weeks = weeks_of(f)
    top = max((c["median"] or 0 for c in cells.values()), default=0)
    for cell in cells.values():
        cell["level"] = (min(HEAT_LEVELS - 1, int(HEAT_LEVELS * (cell["median"] or 0) / top))
                         if top else 0)
    steps = sorted({(k, s) for k, s, _w in cells})
    rows = [{"kind": k, "step_code": s, "process": process_label(k), "label": step_label(k, s),
             "cells": [{"week": w, **cells.get((k, s, w), {"median": None, "count": 0,
                                                          "level": None})} for w in weeks]}
            for k, s in steps]
    return {"metric": metric, "weeks": weeks, "max": top, "rows": rows}


def drill(f: Filters, *, state: str = "decided", kind: str = "", step: str = "",
          approver_id: int | None = None, week: date | None = None, bucket: str = "",
          returned: bool = False, late: bool = False, now: datetime | None = None) -> QuerySet:
    """The approval tasks behind a figure: `decided` in the period (optionally of one step,
    approver, decision week, only returns or only late ones), or `open` now (optionally in one
    age bucket). Newest first."""
    now = now or timezone.now()
    if state == "open":
        qs = f.items().filter(status=WorkItemStatus.OPEN, is_revision=False)
        for code, _label, low, high in BUCKETS:
            if code == bucket:
                qs = qs.filter(created__lte=now - low)
                if high is not None:
                    qs = qs.filter(created__gt=now - high)
        order = ("created", "pk")
    else:
        qs = _decided(f)
        if approver_id:
            qs = qs.filter(decided_by_id=approver_id)
        if week:
            start = timezone.make_aware(datetime.combine(week, time.min))
            qs = qs.filter(decided_at__gte=start, decided_at__lt=start + timedelta(weeks=1))
        if returned:
            qs = qs.filter(decision=Decision.RETURNED)
        if late:
            qs = qs.filter(due__isnull=False, decided_at__gt=F("due"))
        order = ("-decided_at", "-pk")
    if kind:
        qs = qs.filter(kind=kind)
    if step:
        qs = qs.filter(step_code=step)
    return qs.select_related("request", "decided_by", "assignee").order_by(*order)


DECISION_FIGURES = {"process_cycle": process_cycle, "step_cycle": step_cycle, "sla": sla,
                    "returns": returns, "throughput": throughput, "approvers": approvers,
                    "waiting_worked": waiting_worked, "nudges": nudges, "heatmap": heatmap}


def approval_analytics(f: Filters, now: datetime | None = None, *, live: bool = False) -> dict:
    """Every figure of the page. The decision figures come from the daily facts when they can
    answer `f` (and `live` is not asked for), the backlog and the slowest requests always from
    the live rows (they are now)."""
    from . import facts

    now = now or timezone.now()
    got = None if live else facts.figures(f)
    out = {"period": {"date_from": f.date_from, "date_to": f.date_to},
           "backlog": backlog(f, now), "slowest_open": slowest_open(f, now)}
    for key, fn in DECISION_FIGURES.items():
        out[key] = got[key] if got is not None and got.get(key) is not None else fn.live(f)
    return out
