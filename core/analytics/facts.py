"""Daily facts: the approval analytics pre-aggregated per day, so that the page answers in a
few hundred fact rows however many tasks there are (docs/analytics.md "Daily facts").

One SQL statement (`_fact_sql`) turns the decided tasks of a time range into fact rows; the
stored facts are that statement materialised per closed day, and the page reads the stored
days plus the same statement over the days not stored yet (today), so both sides agree by
construction. Percentiles come from fixed-bucket histograms (models.BOUNDS): counts, sums and
maxima are exact, a median or p90 is within the width of the bucket(s) it falls in.

PostgreSQL only; elsewhere (SQLite test runs) the figures are computed live.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import BOUNDS, BUCKETS, DailyFact, Dim, FactState, Metric

log = logging.getLogger(__name__)

HIST = [f"h{n}" for n in range(BUCKETS)]
COUNTS = ("approved", "rejected", "returned", "with_due", "on_time", "reminded", "reminders",
          "escalated", "escalations", "urges")
COLUMNS = ("day", "metric", "kind", "step_code", "dim", "value", "count", "max_hours",
           *COUNTS, *HIST)
# decisions made just before a refresh may commit just after it: look again this far back
MARGIN = timedelta(minutes=10)
REBUILD_CHUNK = timedelta(days=31)


def enabled() -> bool:
    return connection.vendor == "postgresql"


def _band_sql() -> str:
    from .figures import AMOUNT_BANDS

    whens = []
    for n, (_code, _label, low, high) in enumerate(AMOUNT_BANDS):
        conds = [f"r.amount >= {low}" if low is not None else "TRUE",
                 f"r.amount < {high}" if high is not None else "TRUE"]
        whens.append(f"WHEN {' AND '.join(conds)} THEN {n}")
    return f"CASE WHEN r.amount IS NULL THEN NULL {' '.join(whens)} END"


def _bucket_sql(column: str) -> str:
    bounds = ",".join(str(float(b)) for b in BOUNDS)
    return f"width_bucket({column}, ARRAY[{bounds}]::float8[])"


def _hist_sql(bucket: str) -> str:
    """Tasks per histogram bucket, `bucket` the column holding each one's bucket number."""
    return ", ".join(f"count(*) FILTER (WHERE {bucket} = {n}) AS h{n}" for n in range(BUCKETS))


_DIM_COLUMN = {Dim.APPROVER: "approver", Dim.REGION: "region", Dim.DEPARTMENT: "department",
               Dim.BAND: "band"}


_COMBINED = {Dim.APPROVER_REGION: Dim.REGION, Dim.APPROVER_DEPARTMENT: Dim.DEPARTMENT,
             Dim.APPROVER_BAND: Dim.BAND}
SHIFT = 32


def _dim_select(dim: Dim, source: str) -> str:
    if dim in _COMBINED:
        col = f"{source}.{_DIM_COLUMN[_COMBINED[dim]]}"
        return (f"SELECT {source}.*, {int(dim)} AS dim, "  # noqa: S608  # nosec B608
                f"(({col}::bigint << {SHIFT}) + {source}.approver) AS value FROM {source} "
                f"WHERE {col} IS NOT NULL AND {source}.approver IS NOT NULL")
    if dim == Dim.ALL:
        # our own CTE names only
        return f"SELECT {source}.*, 0 AS dim, 0::bigint AS value FROM {source}"  # noqa: S608  # nosec B608
    col = f"{source}.{_DIM_COLUMN[dim]}"
    # our own CTE and column names only  # nosec B608
    return (f"SELECT {source}.*, {int(dim)} AS dim, "  # noqa: S608  # nosec B608
            f"{col}::bigint AS value FROM {source} WHERE {col} IS NOT NULL")


_REQUEST_DIMS = (Dim.ALL, Dim.REGION, Dim.DEPARTMENT, Dim.BAND)


def _dim_rows(source: str, dims) -> str:
    return " UNION ALL ".join(_dim_select(Dim(d), source) for d in dims)


def _fact_sql(dims: tuple[int, ...] = tuple(Dim)) -> str:
    """Fact rows (COLUMNS) of the approval tasks decided in [%(start)s, %(end)s), for the
    given dimensions. Every literal in it is ours (bounds, bands, codes); values are params."""
    # the approvers' rows do without the step (the table is per person): a quarter of the rows
    approver_dims = {Dim.APPROVER, *_COMBINED}
    task_dims = " UNION ALL ".join(p for p in (
        _dim_rows("m", [d for d in dims if d not in approver_dims]),
        _dim_rows("ma", [d for d in dims if d in approver_dims])) if p)
    req_dims = _dim_rows("rm", [d for d in dims if d in _REQUEST_DIMS])
    counts = """
        count(*) FILTER (WHERE decision = 'approved') AS approved,
        count(*) FILTER (WHERE decision = 'rejected') AS rejected,
        count(*) FILTER (WHERE decision = 'returned') AS returned,
        count(*) FILTER (WHERE has_due) AS with_due, count(*) FILTER (WHERE in_time) AS on_time,
        count(*) FILTER (WHERE reminders > 0) AS reminded,
        COALESCE(sum(reminders), 0) AS reminders,
        count(*) FILTER (WHERE escalations > 0) AS escalated,
        COALESCE(sum(escalations), 0) AS escalations, COALESCE(sum(urges), 0) AS urges"""
    zeros = ", ".join(f"0 AS {c}" for c in COUNTS)
    group = "GROUP BY day, metric, kind, step_code, dim, value"
    # nosec B608: every identifier and literal is ours; the range and time zone are params
    return f"""
    WITH t AS (
        SELECT (w.decided_at AT TIME ZONE %(tz)s)::date AS day, w.kind, w.step_code,
               w.decided_by_id AS approver, r.region_id AS region,
               u.department_id AS department, {_band_sql()} AS band,
               EXTRACT(EPOCH FROM (w.decided_at - w.created))::float8 / 3600 AS cycle,
               EXTRACT(EPOCH FROM (w.taken_at - w.created))::float8 / 3600 AS wait,
               EXTRACT(EPOCH FROM (w.decided_at - w.taken_at))::float8 / 3600 AS work,
               w.decision, w.due IS NOT NULL AS has_due,
               (w.due IS NOT NULL AND w.decided_at <= w.due) AS in_time,
               w.reminders, w.escalation_level AS escalations,
               (SELECT count(*) FROM inbox_urge g WHERE g.work_item_id = w.task_id) AS urges,
               w.request_id
        FROM inbox_workitem w
        JOIN inbox_request r ON r.id = w.request_id
        JOIN org_user u ON u.id = r.submitter_id
        WHERE w.status = 'done' AND NOT w.is_revision
          AND w.decided_at >= %(start)s AND w.decided_at < %(end)s
    ), m AS (
        SELECT t.*, {Metric.CYCLE} AS metric, t.cycle AS hours, {_bucket_sql("t.cycle")} AS b
        FROM t
        UNION ALL SELECT t.*, {Metric.WAIT}, t.wait, {_bucket_sql("t.wait")} FROM t
        WHERE t.wait IS NOT NULL
        UNION ALL SELECT t.*, {Metric.WORK}, t.work, {_bucket_sql("t.work")} FROM t
        WHERE t.work IS NOT NULL
    ), ma AS (
        SELECT day, kind, ''::varchar AS step_code, approver, region, department, band, cycle,
               wait, work, decision, has_due, in_time, reminders, escalations, urges, request_id,
               metric, hours, b
        FROM m
    ), d AS ({task_dims}
    ), task_facts AS (
        SELECT day, metric, kind, step_code, dim, value, count(*) AS count,
               max(hours) AS max_hours, {counts}, {_hist_sql("b")}
        FROM d {group}
    ), finished AS (
        SELECT w.request_id, max(w.decided_at) AS last,
               EXTRACT(EPOCH FROM (max(w.decided_at) - min(w.created)))::float8 / 3600 AS hours
        FROM inbox_workitem w
        WHERE w.request_id IN (SELECT request_id FROM t)
        GROUP BY w.request_id
        HAVING max(w.decided_at) >= %(start)s AND max(w.decided_at) < %(end)s
    ), rm AS (
        SELECT (f.last AT TIME ZONE %(tz)s)::date AS day, {Metric.PROCESS} AS metric, r.kind,
               ''::varchar AS step_code, f.hours, r.region_id AS region,
               u.department_id AS department, {_band_sql()} AS band, NULL::bigint AS approver,
               {_bucket_sql("f.hours")} AS b
        FROM finished f
        JOIN inbox_request r ON r.id = f.request_id
        JOIN org_user u ON u.id = r.submitter_id
        WHERE r.status IN ('approved', 'rejected', 'done')
        UNION ALL
        SELECT DISTINCT ON (t.request_id, t.day) t.day, {Metric.REQUESTS}, t.kind, '', NULL,
               t.region, t.department, t.band, NULL, NULL
        FROM t
    ), request_facts AS (
        SELECT day, metric, kind, step_code, dim, value, count(*) AS count,
               max(hours) AS max_hours, {zeros}, {_hist_sql("b")}
        FROM ({req_dims or "SELECT rm.*, 0 AS dim, 0::bigint AS value FROM rm WHERE FALSE"}
        ) d2 {group}
    )
    SELECT * FROM task_facts UNION ALL SELECT * FROM request_facts
    """  # noqa: S608  # nosec B608


def _params(start: datetime, end: datetime) -> dict:
    return {"start": start, "end": end, "tz": settings.TIME_ZONE}


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def store(first: date, last: date, cut: datetime) -> int:
    """Replace the stored facts of the days first..last (both included) with those of the
    decisions made on them before `cut`."""
    cols = ", ".join(COLUMNS)
    with transaction.atomic(), connection.cursor() as cur:
        DailyFact.objects.filter(day__gte=first, day__lte=last).delete()
        cur.execute(f"INSERT INTO analytics_dailyfact ({cols}) "  # noqa: S608  # nosec B608
                    f"SELECT {cols} FROM ({_fact_sql()}) f",
                    _params(_midnight(first), min(cut, _midnight(last + timedelta(days=1)))))
        return cur.rowcount


def _ranges(days: list[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs."""
    runs: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def rebuild(now: datetime | None = None) -> dict:
    """Every day from the first decision to now, from scratch."""
    with transaction.atomic():
        FactState.objects.select_for_update().first()
        DailyFact.objects.all().delete()
        FactState.objects.all().delete()
    return refresh(now)


def refresh(now: datetime | None = None) -> dict:
    """Store the facts of every decision made before `now` (the cut): the days not stored
    yet, today so far, and any day with a decision since the last cut (less MARGIN, for
    decisions that committed after it). The page adds the decisions after the cut live. Safe
    to run twice at once (the state row is locked for the run)."""
    if not enabled():
        return {"days": 0, "rows": 0}
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        state = FactState.objects.select_for_update().first() or FactState.objects.create()
        with connection.cursor() as cur:
            if state.complete_through is None or state.refreshed_at is None:
                cur.execute("SELECT min(decided_at) FROM inbox_workitem WHERE status = 'done'")
                first = cur.fetchone()[0]
                days = _days(timezone.localtime(first).date(), today) if first else []
            else:
                days = _days(state.complete_through + timedelta(days=1), today)
                cur.execute(
                    "SELECT DISTINCT (decided_at AT TIME ZONE %s)::date FROM inbox_workitem "
                    "WHERE status = 'done' AND decided_at >= %s AND decided_at < %s",
                    [settings.TIME_ZONE, state.refreshed_at - MARGIN, now])
                days += [row[0] for row in cur.fetchall()]
        rows = 0
        for first_day, last_day in _ranges(days):
            chunk = first_day
            while chunk <= last_day:
                end = min(last_day, chunk + REBUILD_CHUNK)
                rows += store(chunk, end, now)
                chunk = end + timedelta(days=1)
        state.complete_through = today
        state.refreshed_at = now
        state.save()
    return {"days": len(set(days)), "rows": rows}


# --- reading ------------------------------------------------------------------------------


def percentile(hist: list[int], p: float, top: float | None) -> float | None:
    """percentile_cont's rank (p * (n - 1)) located in the histogram and interpolated within
    its bucket (the bucket's items taken as evenly spread); the open last bucket ends at the
    largest value seen. Exact when every value of the bucket is the same... and otherwise
    within the bucket's width."""
    n = sum(hist)
    if not n:
        return None
    rank = p * (n - 1)
    seen = 0
    for i, count in enumerate(hist):
        if count and rank < seen + count:
            low = BOUNDS[i - 1] if i else 0.0
            high = BOUNDS[i] if i < len(BOUNDS) else (top or low)
            if top is not None:
                high = min(high, top)
                low = min(low, top)
            return low + (high - low) * (rank - seen + 0.5) / count
        seen += count
    return top


def bucket_bounds(hist: list[int], p: float, top: float | None) -> tuple[float, float]:
    """The interval percentile() answers within (for the tests and the docs' bound): from the
    low end of the bucket of rank floor(p(n-1)) to the high end of the bucket of its ceiling."""
    n = sum(hist)
    rank = p * (n - 1)
    edges = []
    for r in (int(rank), -(-rank // 1)):
        seen = 0
        for i, count in enumerate(hist):
            if count and r < seen + count:
                edges.append(i)
                break
            seen += count
    lo, hi = edges[0], edges[-1]
    return (BOUNDS[lo - 1] if lo else 0.0,
            BOUNDS[hi] if hi < len(BOUNDS) else float(top or BOUNDS[-1]))


def usable(f) -> Dim | None:
    """The dimension the facts answer `f` with, or None (not PostgreSQL, never refreshed,
    or two or more of region, department, amount band at once: then live)."""
    if not enabled():
        return None
    chosen = [d for d, on in ((Dim.REGION, f.region_id), (Dim.DEPARTMENT, f.department_id),
                              (Dim.BAND, f.band)) if on]
    if len(chosen) > 1:
        return None
    if not FactState.objects.filter(refreshed_at__isnull=False).exists():
        return None
    return chosen[0] if chosen else Dim.ALL


def _value(f, dim: Dim) -> int:
    from .figures import BAND_CODES

    if dim == Dim.REGION:
        return f.region_id
    if dim == Dim.DEPARTMENT:
        return f.department_id
    if dim == Dim.BAND:
        return BAND_CODES.index(f.band)
    return 0


def _read(f, where: str, group: tuple[str, ...], dims: tuple[int, ...],
          extra: dict) -> list[dict]:
    """Sum the fact rows matching `where` (SQL over the fact columns, values in `extra`) in
    the period, grouped by `group`: the stored days from the table, the days after them
    computed now by the same statement that stores them."""
    cut = FactState.objects.values_list("refreshed_at", flat=True).first()
    stored_to = f.date_to
    live_start = max(f.start, cut) if cut else f.start
    if f.kind:
        where += " AND kind = %(kind)s"
    cols = ", ".join(COLUMNS)
    parts = [f"SELECT {cols} FROM analytics_dailyfact "  # noqa: S608  # nosec B608
             f"WHERE day >= %(d0)s AND day <= %(d1)s AND {where}"]
    if live_start < f.end:
        parts.append(f"SELECT {cols} FROM ({_fact_sql(dims)}) x "  # noqa: S608  # nosec B608
                     f"WHERE {where}")
    sums = ", ".join(f"sum({c})::bigint AS {c}" for c in ("count", *COUNTS, *HIST))
    # every identifier and literal is ours; values travel in params
    ordinals = ", ".join(str(n + 1) for n in range(len(group)))
    sql = (f"SELECT {', '.join(group)}, {sums}, "  # noqa: S608  # nosec B608
           f"max(max_hours) AS max_hours FROM ({' UNION ALL '.join(parts)}) f "
           f"GROUP BY {ordinals}")
    params = {**_params(live_start, f.end), "d0": f.date_from, "d1": stored_to,
              "kind": f.kind, **extra}
    with connection.cursor() as cur:
        cur.execute(sql, params)
        names = [c.name for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _stats(row: dict) -> dict:
    hist = [row[h] for h in HIST]
    top = row["max_hours"]
    return {"count": row["count"], "median": _round(percentile(hist, 0.5, top)),
            "p90": _round(percentile(hist, 0.9, top)), "max": _round(top)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _merge(rows: list[dict]) -> dict:
    out: dict[str, Any] = {c: sum(r[c] for r in rows) for c in ("count", *COUNTS, *HIST)}
    tops = [r["max_hours"] for r in rows if r["max_hours"] is not None]
    out["max_hours"] = max(tops) if tops else None
    return out


def figures(f) -> dict | None:
    """The decision figures of approval_analytics (not the backlog and the slowest requests:
    those are now, from the live rows) from the facts, or None when the facts cannot answer
    `f` (then the caller computes them live)."""
    dim = usable(f)
    if dim is None:
        return None
    from . import figures as fig

    value = _value(f, dim)
    rows = _read(f, "dim = %(dim)s AND value = %(value)s",
                 ("metric", "kind", "step_code", "date_trunc('week', day)::date AS week"), (dim,),
                 {"dim": int(dim), "value": value})
    by: dict[tuple, list[dict]] = defaultdict(list)
    weekly: dict[tuple, dict] = {}
    for r in rows:
        by[(r["metric"], r["kind"], r["step_code"])].append(r)
        weekly[(r["metric"], r["kind"], r["step_code"], r["week"])] = r
    merged = {key: _merge(group) for key, group in by.items()}

    def steps(metric: int) -> list[tuple[str, str]]:
        return sorted((k, s) for m, k, s in merged if m == metric)

    step_cycle, sla, nudges, by_step = [], [], [], []
    for kind, step in steps(Metric.CYCLE):
        m = merged[(Metric.CYCLE, kind, step)]
        names = {"process": fig.process_label(kind), "label": fig.step_label(kind, step)}
        step_cycle.append({"kind": kind, "step_code": step, **_stats(m), **names})
        if m["with_due"]:
            sla.append({"kind": kind, "step_code": step, **names, "count": m["with_due"],
                        "on_time": m["on_time"], "late": m["with_due"] - m["on_time"],
                        "percent": round(100 * m["on_time"] / m["with_due"], 1)})
        nudges.append({"kind": kind, "step_code": step, **names, "decided": m["count"],
                       **{c: m[c] for c in ("reminded", "reminders", "escalated",
                                            "escalations", "urges")}})
        if m["returned"]:
            by_step.append({"kind": kind, "step_code": step, **names, "decisions": m["count"],
                            "returns": m["returned"],
                            "percent": round(100 * m["returned"] / m["count"], 1)})
    by_step.sort(key=lambda r: (-r["returns"], r["kind"], r["step_code"]))
    waiting_worked = []
    for kind, step in sorted(set(steps(Metric.WAIT)) | set(steps(Metric.WORK))):
        w = merged.get((Metric.WAIT, kind, step))
        k = merged.get((Metric.WORK, kind, step))
        ws, ks = (_stats(w) if w else {}), (_stats(k) if k else {})
        waiting_worked.append({
            "kind": kind, "step_code": step, "process": fig.process_label(kind),
            "label": fig.step_label(kind, step), "count": (ws or ks)["count"],
            "wait_median": ws.get("median"), "wait_p90": ws.get("p90"),
            "work_median": ks.get("median"), "work_p90": ks.get("p90")})
    process_cycle = [{"kind": k, **_stats(merged[(Metric.PROCESS, k, s)]),
                      "label": fig.process_label(k)} for k, s in steps(Metric.PROCESS)]
    cycle_by_kind: dict[str, list[dict]] = defaultdict(list)
    for (m, k, _s), row in merged.items():
        if m == Metric.CYCLE:
            cycle_by_kind[k].append(row)
    by_process = []
    for kind in sorted(cycle_by_kind):
        total = _merge(cycle_by_kind[kind])
        requests = merged.get((Metric.REQUESTS, kind, ""), {"count": 0})["count"]
        by_process.append({"kind": kind, "label": fig.process_label(kind),
                           "requests": requests, "returns": total["returned"],
                           "per_request": round(total["returned"] / requests, 2)
                           if requests else 0.0})
    weeks: dict[date, list[dict]] = defaultdict(list)
    for (m, _k, _s, week), row in weekly.items():
        if m == Metric.CYCLE:
            weeks[week].append(row)
    throughput = []
    for week in sorted(weeks):
        t = _merge(weeks[week])
        throughput.append({"week": week, "decided": t["count"], "approved": t["approved"],
                           "rejected": t["rejected"], "returned": t["returned"]})
    cells = {(k, s, week): _stats(_merge([row])) for (m, k, s, week), row in weekly.items()
             if m == Metric.WAIT}
    out = {"process_cycle": process_cycle, "step_cycle": step_cycle, "sla": sla,
           "returns": {"by_process": by_process, "by_step": by_step},
           "throughput": throughput, "waiting_worked": waiting_worked, "nudges": nudges,
           "heatmap": fig.heat_from_cells(f, "wait", {
               key: {"median": c["median"], "count": c["count"]} for key, c in cells.items()}),
           "approvers": _approvers(f, dim, value)}
    return out


_APPROVER_DIM = {Dim.ALL: Dim.APPROVER, Dim.REGION: Dim.APPROVER_REGION,
                 Dim.DEPARTMENT: Dim.APPROVER_DEPARTMENT, Dim.BAND: Dim.APPROVER_BAND}


def _approvers(f, dim: Dim, value: int) -> list[dict]:
    from core.org.models import User

    combined = _APPROVER_DIM[dim]
    if combined == Dim.APPROVER:
        rows = _read(f, "dim = %(dim)s AND metric <= %(metric)s", ("metric", "value"),
                     (combined,), {"dim": int(combined), "metric": int(Metric.WORK)})
    else:
        rows = _read(f, "dim = %(dim)s AND value >= %(lo)s AND value < %(hi)s "
                     "AND metric <= %(metric)s",
                     ("metric", f"(value & {(1 << SHIFT) - 1}) AS value"), (combined,),
                     {"dim": int(combined), "metric": int(Metric.WORK),
                      "lo": value << SHIFT, "hi": (value + 1) << SHIFT})
    by: dict[int, dict[int, dict]] = defaultdict(dict)
    for r in rows:
        by[r["value"]][r["metric"]] = r
    names = {pk: User.name_from(*rest) for pk, *rest in
             User.objects.filter(pk__in=list(by)).values_list("pk", *User.NAME_FIELDS)}
    out = []
    for pk, metrics in by.items():
        c = metrics.get(Metric.CYCLE)
        if c is None:
            continue
        w, k = metrics.get(Metric.WAIT), metrics.get(Metric.WORK)
        out.append({**_stats(c), "approver_id": pk, "name": names.get(pk) or str(pk),
                    "wait_median": _stats(w)["median"] if w else None,
                    "work_median": _stats(k)["median"] if k else None,
                    "with_due": c["with_due"], "on_time": c["on_time"],
                    "percent": round(100 * c["on_time"] / c["with_due"], 1)
                    if c["with_due"] else None,
                    "reminders": c["reminders"], "escalations": c["escalations"]})
    return sorted(out, key=lambda row: (-row["count"], row["name"]))
