"""Walk every subject's chain and the global sequence; report the first broken link.

Verification is CPU-bound in Python (decoding each row, canonical JSON, SHA-256); the reads are
one ordered index scan. With `workers=N` on PostgreSQL, the subjects are split into N contiguous
ranges (in the database's own key order) and each range is verified by its own process, every
one inside the snapshot this transaction exports (`pg_export_snapshot`), so they all see the same
events and heads as a serial run would. The result is the serial one: events counted across the
ranges, the first break in key order. Web requests verify serially; the management command and
scheduled runs use the machine's cores.

Two checks look beyond the chains, in the same snapshot:
- every governed object's (`core.fsm_guard.Governed`) current state must be the state its last
  state-carrying audit event recorded (`to_state`; its initial state while none does): a state
  written behind the audit's back (an
  UPDATE that also raises the transition count, say) is caught, and so is an object past its
  initial state whose events were all deleted together with its chain head;
- the global sequence against the last passing run (its checkpoint: `last_seq` and
  `events_checked`): events are only ever appended, so at least as many events must still have a
  sequence number at or below its `last_seq`. A subject deleted whole (events and head) or a
  truncated tail of the trail, both invisible to the chains, make the count drop. Gaps in the
  sequence alone prove nothing: a transaction rolled back after appending leaves one too."""

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import cast

from django.apps import apps
from django.db import connection, transaction
from django.db.models import BooleanField, CharField, F, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.translation import gettext_noop

from .hashing import GENESIS, HASHED_FIELDS, link_hash
from .models import AuditChainHead, AuditEvent, VerificationRun

_COLUMNS = ("seq", "hash", *HASHED_FIELDS)


@dataclass
class Result:
    ok: bool
    events_checked: int
    first_broken: dict | None
    seconds: float = 0.0
    last_seq: int = 0  # the highest global sequence number seen
    at_or_below_checkpoint: int = 0  # events with seq <= the checkpoint's last_seq

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


ALL_DELETED = gettext_noop("all events deleted")
STATE_MOVED = gettext_noop("state changed without an audit event")
NO_STATE_EVENT = gettext_noop(
    "no audit event for this governed object (its events were deleted?)")
EVENTS_GONE = ("events missing from the global sequence "
               "(a subject deleted whole, or a truncated tail)")
GLOBAL = "(global sequence)"
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
        checkpoint = _checkpoint()
        ck_seq = checkpoint[0] if checkpoint else None
        parts = _ranges(workers, parallel_min) if on_pg and _may_fork(workers) else []
        if len(parts) > 1:
            result = _verify_parallel(parts, chunk_size, ck_seq)
        else:
            result = _verify(chunk_size, checkpoint_seq=ck_seq)
            result.first_broken = result.first_broken or _governed_states()
        result.first_broken = result.first_broken or _against_checkpoint(result, checkpoint)
        result.ok = result.first_broken is None
    result.seconds = time.perf_counter() - started
    if save:
        VerificationRun.objects.create(
            ok=result.ok,
            events_checked=result.events_checked,
            seconds=result.seconds,
            first_broken=result.first_broken,
            last_seq=result.last_seq if result.ok else None,
        )
    return result


def _checkpoint() -> tuple[int, int] | None:
    """(last_seq, events_checked) of the passing run that saw the most events, if any. Runs
    are only added; a later honest run saw at least as many events as any before it."""
    # last_seq is never null here (filtered), which the stubs cannot see
    return cast("tuple[int, int] | None", (
        VerificationRun.objects.filter(ok=True, last_seq__isnull=False)
        .order_by("-events_checked", "-last_seq")
        .values_list("last_seq", "events_checked")
        .first()
    ))


def _against_checkpoint(result: Result, checkpoint: tuple[int, int] | None) -> dict | None:
    if checkpoint is None or result.at_or_below_checkpoint >= checkpoint[1]:
        return None
    last_seq, expected = checkpoint
    return _broken(GLOBAL, "", None, last_seq, EVENTS_GONE,
                   f"{expected} events at or below seq {last_seq} (a passing verification)",
                   result.at_or_below_checkpoint)


def governed_models() -> list:
    from core.fsm_guard import Governed

    return [m for m in apps.get_models()
            if issubclass(m, Governed) and not m._meta.proxy and not m._meta.abstract]


def _governed_states() -> dict | None:
    """The first governed object (by kind, then key) whose state is not the one its last
    state-carrying audit event recorded, or its initial state while no event carries one (a
    draft whose first event names no state, or a draft written in bulk). An object past its
    initial state with no event at all was deleted whole from the trail. One indexed probe per
    object."""
    for model in sorted(governed_models(), key=_audit_kind):
        kind = _audit_kind(model)
        initial = model._meta.get_field("state").get_default()
        events = AuditEvent.objects.filter(subject_kind=kind,
                                           subject_id=Cast(OuterRef("pk"), CharField()))
        recorded = events.exclude(to_state="").order_by("-subject_seq").values("to_state")[:1]
        row = (
            model._base_manager.annotate(recorded=Subquery(recorded))
            .filter(Q(recorded__isnull=False) & ~Q(state=F("recorded"))
                    | Q(recorded__isnull=True) & ~Q(state=initial))
            .order_by("pk").values_list("pk", "state", "recorded").first()
        )
        if row is None:
            continue
        pk, state, last = row
        if last is None and not AuditEvent.objects.filter(subject_kind=kind,
                                                          subject_id=str(pk)).exists():
            return _broken(kind, str(pk), None, None, NO_STATE_EVENT,
                           "an event with the state", state)
        return _broken(kind, str(pk), None, None, STATE_MOVED,
                       last if last is not None else f"{initial} (initial)", state)
    return None


def _audit_kind(model) -> str:
    kind = getattr(model, "audit_kind", None)
    return kind if isinstance(kind, str) and kind else model._meta.label_lower


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


def _verify_parallel(parts: list[tuple], chunk_size: int, checkpoint_seq: int | None) -> Result:
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
        futures = [pool.submit(verify_worker.verify_range, snapshot, lo, hi, chunk_size,
                               checkpoint_seq) for lo, hi in parts]
        states = _governed_states()  # here, while the workers walk the chains
        results = [f.result() for f in futures]  # this transaction holds the snapshot till all end
    # As one pass would: a break met among the events wins over a chain with no events left
    # (found only after the pass), each the first in key order; then the governed states.
    broken = [r.first_broken for r in results if r.first_broken]
    first_broken = next((b for b in broken if b["problem"] != ALL_DELETED), None) or next(
        iter(broken), None) or states
    return Result(ok=first_broken is None, first_broken=first_broken,
                  events_checked=sum(r.events_checked for r in results),
                  last_seq=max(r.last_seq for r in results),
                  at_or_below_checkpoint=sum(r.at_or_below_checkpoint for r in results))


def verify_in_snapshot(snapshot: str, lo, hi, chunk_size: int,
                       checkpoint_seq: int | None = None) -> Result:
    """One range, in another transaction's exported snapshot (a worker process's part)."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SET TRANSACTION SNAPSHOT %s", [snapshot])
        return _verify(chunk_size, lo, hi, checkpoint_seq)


def verify_subject(subject_kind: str, subject_id) -> Result:
    """One subject's chain alone (a request's page offers it): every event re-hashed and linked,
    the chain head matching its last event, in one snapshot. Reads only; nothing is saved (the
    whole trail's runs and their checkpoint stay `verify_all`'s)."""
    started = time.perf_counter()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        result = _verify(1000, within=Q(subject_kind=subject_kind, subject_id=str(subject_id)))
    result.seconds = time.perf_counter() - started
    return result


def _verify(chunk_size: int, lo: tuple | None = None, hi: tuple | None = None,
            checkpoint_seq: int | None = None, within: Q | None = None) -> Result:
    within = within if within is not None else _in_range(lo, hi)
    heads = {
        (k, s): (n, h)
        for k, s, n, h in AuditChainHead.objects.filter(within).values_list(
            "subject_kind", "subject_id", "last_subject_seq", "last_hash"
        )
    }
    checked = below = max_seq = 0
    ck = checkpoint_seq if checkpoint_seq is not None else -1
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
                *current, found[0], None,
                gettext_noop("events exist but the chain head is missing"),
                "a chain head", "none",
            )
        elif (head[0], head[1]) != found:
            problem = (
                gettext_noop("chain ends early (an event was deleted)") if head[0] > found[0]
                else gettext_noop("events beyond the recorded chain head (an event was added)")
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
        seq = values["seq"]
        if seq > max_seq:
            max_seq = seq
        if seq <= ck:
            below += 1
        if first_broken is not None:
            continue
        pos = values["subject_seq"]
        if pos != expected_pos:
            first_broken = _broken(
                *key, pos, seq, gettext_noop("missing event in the chain"), expected_pos, pos
            )
        elif values["prev_hash"] != expected_prev:
            first_broken = _broken(
                *key, pos, seq, gettext_noop("previous-hash link broken"), expected_prev,
                values["prev_hash"],
            )
        elif seq <= last_seq:
            first_broken = _broken(
                *key, pos, seq, gettext_noop("global sequence out of order"), f"> {last_seq}", seq
            )
        else:
            computed = link_hash(values)
            if computed != values["hash"]:
                first_broken = _broken(
                    *key, pos, seq, gettext_noop("event content altered"), computed, values["hash"]
                )
        expected_prev, expected_pos, last_seq = values["hash"], pos + 1, seq
    close_subject()
    if first_broken is None:
        for key, (n, _h) in heads.items():
            if n and key not in seen_subjects:
                first_broken = _broken(*key, n, None, ALL_DELETED, n, 0)
                break
    return Result(ok=first_broken is None, events_checked=checked, first_broken=first_broken,
                  last_seq=max_seq, at_or_below_checkpoint=below)
