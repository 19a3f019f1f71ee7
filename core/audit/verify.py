"""Walk every subject's chain and the global sequence; report the first broken link.

Verification is CPU-bound in Python (decoding each row, canonical JSON, SHA-256); the reads are
one ordered index scan. With `workers=N` on PostgreSQL, the subjects are split into N contiguous
ranges (in the database's own key order) and each range is verified by its own process, every
one inside the snapshot this transaction exports (`pg_export_snapshot`), so they all see the same
events and heads as a serial run would. The result is the serial one: events counted across the
ranges, the first break in key order. Web requests verify serially; the management command and
scheduled runs use the machine's cores."""

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from .hashing import GENESIS, HASHED_FIELDS, link_hash
from .models import AuditChainHead, AuditEvent, VerificationRun

_COLUMNS = ("seq", "hash", *HASHED_FIELDS)


@dataclass
class Result:
    ok: bool
    events_checked: int
    first_broken: dict | None
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "events_checked": self.events_checked,
            "first_broken": self.first_broken,
        }


def _broken(kind, sid, subject_seq, seq, problem, expected, found) -> dict:
    return {
        "subject_kind": kind,
        "subject_id": sid,
        "subject_seq": subject_seq,
        "seq": seq,
        "problem": problem,
        "expected": expected,
        "found": found,
    }


ALL_DELETED = "all events deleted"
# Below this many events a second process costs more (its start-up) than it saves.
PARALLEL_MIN_EVENTS = 50_000


def default_workers() -> int:
    """The cores this process may use (the management command's default)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def verify_all(*, chunk_size: int = 5000, save: bool = True, workers: int = 1,
               parallel_min: int = PARALLEL_MIN_EVENTS) -> Result:
    """Verify every chain. `workers` > 1 splits the work over that many processes where it can
    (PostgreSQL, an outermost transaction, not inside a daemon process, at least `parallel_min`
    events); otherwise, and always on SQLite, one pass in this process."""
    started = time.perf_counter()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        on_pg = outermost and connection.vendor == "postgresql"
        if on_pg:
            # Heads and events must come from one snapshot, or an event committed between the
            # two reads would look like a deleted one on a healthy, busy system.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        parts = _ranges(workers, parallel_min) if on_pg and _may_fork(workers) else []
        result = _verify_parallel(parts, chunk_size) if len(parts) > 1 else _verify(chunk_size)
    result.seconds = time.perf_counter() - started
    if save:
        VerificationRun.objects.create(
            ok=result.ok,
            events_checked=result.events_checked,
            seconds=result.seconds,
            first_broken=result.first_broken,
        )
    return result


def _may_fork(workers: int) -> bool:
    # A daemon process (a Celery prefork child, say) may not start processes of its own.
    return workers > 1 and not multiprocessing.current_process().daemon


def _ranges(workers: int, parallel_min: int) -> list[tuple]:
    """[(lo, hi), ...]: contiguous (subject_kind, subject_id) ranges with about as many subjects
    each, bounds in PostgreSQL's order (its collation, not Python's), lo inclusive, hi
    exclusive, None for open. Empty when there is too little to share."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(SUM(last_subject_seq), 0) FROM audit_auditchainhead")
        if cursor.fetchone()[0] < max(parallel_min, 1):
            return []
        cursor.execute(
            "SELECT DISTINCT ON (part) subject_kind, subject_id FROM ("
            " SELECT subject_kind, subject_id,"
            " ntile(%s) OVER (ORDER BY subject_kind, subject_id) AS part"
            " FROM audit_auditchainhead) AS t ORDER BY part, subject_kind, subject_id",
            [workers],
        )
        starts = [tuple(row) for row in cursor.fetchall()][1:]
    bounds = [None, *starts, None]
    return list(zip(bounds, bounds[1:], strict=False))


def _in_range(lo: tuple | None, hi: tuple | None) -> Q:
    q = Q()
    if lo is not None:
        q &= Q(RawSQL("(subject_kind, subject_id) >= (%s, %s)", lo, output_field=BooleanField()))
    if hi is not None:
        q &= Q(RawSQL("(subject_kind, subject_id) < (%s, %s)", hi, output_field=BooleanField()))
    return q


def _verify_parallel(parts: list[tuple], chunk_size: int) -> Result:
    from . import verify_worker

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
    db = dict(connection.settings_dict)
    settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    with ProcessPoolExecutor(
        max_workers=len(parts), mp_context=multiprocessing.get_context("spawn"),
        initializer=verify_worker.start, initargs=(settings_module, db),
    ) as pool:
        futures = [pool.submit(verify_worker.verify_range, snapshot, lo, hi, chunk_size)
                   for lo, hi in parts]
        results = [f.result() for f in futures]  # this transaction holds the snapshot till all end
    # As one pass would: a break met among the events wins over a chain with no events left
    # (found only after the pass), each the first in key order.
    broken = [r.first_broken for r in results if r.first_broken]
    first_broken = next((b for b in broken if b["problem"] != ALL_DELETED), None) or next(
        iter(broken), None)
    return Result(ok=first_broken is None, first_broken=first_broken,
                  events_checked=sum(r.events_checked for r in results))


def verify_in_snapshot(snapshot: str, lo, hi, chunk_size: int) -> Result:
    """One range, in another transaction's exported snapshot (a worker process's part)."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SET TRANSACTION SNAPSHOT %s", [snapshot])
        return _verify(chunk_size, lo, hi)


def _verify(chunk_size: int, lo: tuple | None = None, hi: tuple | None = None) -> Result:
    within = _in_range(lo, hi)
    heads = {
        (k, s): (n, h)
        for k, s, n, h in AuditChainHead.objects.filter(within).values_list(
            "subject_kind", "subject_id", "last_subject_seq", "last_hash"
        )
    }
    checked = 0
    first_broken = None
    seen_subjects = set()
    current = None  # (kind, id)
    expected_prev, expected_pos, last_seq = GENESIS, 1, 0

    def close_subject():
        nonlocal first_broken
        if current is None or first_broken is not None:
            return
        head = heads.get(current)
        found = (expected_pos - 1, expected_prev)
        if head is None:
            first_broken = _broken(
                *current, found[0], None, "events exist but the chain head is missing",
                "a chain head", "none",
            )
        elif (head[0], head[1]) != found:
            problem = (
                "chain ends early (an event was deleted)" if head[0] > found[0]
                else "events beyond the recorded chain head (an event was added)"
            )
            first_broken = _broken(
                *current, head[0], None, problem,
                f"{head[0]}:{head[1]}", f"{found[0]}:{found[1]}",
            )

    rows = (
        AuditEvent.objects.filter(within).order_by("subject_kind", "subject_id", "subject_seq")
        .values_list(*_COLUMNS)
        .iterator(chunk_size=chunk_size)
    )
    for row in rows:
        values = dict(zip(_COLUMNS, row, strict=True))
        key = (values["subject_kind"], values["subject_id"])
        if key != current:
            close_subject()
            current = key
            seen_subjects.add(key)
            expected_prev, expected_pos, last_seq = GENESIS, 1, 0
        checked += 1
        if first_broken is not None:
            continue
        seq, pos = values["seq"], values["subject_seq"]
        if pos != expected_pos:
            first_broken = _broken(
                *key, pos, seq, "missing event in the chain", expected_pos, pos
            )
        elif values["prev_hash"] != expected_prev:
            first_broken = _broken(
                *key, pos, seq, "previous-hash link broken", expected_prev, values["prev_hash"]
            )
        elif seq <= last_seq:
            first_broken = _broken(
                *key, pos, seq, "global sequence out of order", f"> {last_seq}", seq
            )
        else:
            computed = link_hash(values)
            if computed != values["hash"]:
                first_broken = _broken(
                    *key, pos, seq, "event content altered", computed, values["hash"]
                )
        expected_prev, expected_pos, last_seq = values["hash"], pos + 1, seq
    close_subject()
    if first_broken is None:
        for key, (n, _h) in heads.items():
            if n and key not in seen_subjects:
                first_broken = _broken(*key, n, None, ALL_DELETED, n, 0)
                break
    return Result(ok=first_broken is None, events_checked=checked, first_broken=first_broken)
