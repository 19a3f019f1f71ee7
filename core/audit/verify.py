"""Walk every subject's chain and the global sequence; report the first broken link."""

import time
from dataclasses import dataclass

from django.db import connection, transaction

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


def verify_all(*, chunk_size: int = 5000, save: bool = True) -> Result:
    started = time.perf_counter()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # Heads and events must come from one snapshot, or an event committed between the
            # two reads would look like a deleted one on a healthy, busy system.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        result = _verify(chunk_size)
    result.seconds = time.perf_counter() - started
    if save:
        VerificationRun.objects.create(
            ok=result.ok,
            events_checked=result.events_checked,
            seconds=result.seconds,
            first_broken=result.first_broken,
        )
    return result


def _verify(chunk_size: int) -> Result:
    heads = {
        (k, s): (n, h)
        for k, s, n, h in AuditChainHead.objects.values_list(
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
        AuditEvent.objects.order_by("subject_kind", "subject_id", "subject_seq")
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
                first_broken = _broken(*key, n, None, "all events deleted", n, 0)
                break
    return Result(ok=first_broken is None, events_checked=checked, first_broken=first_broken)
