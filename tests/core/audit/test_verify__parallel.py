"""Verification shared over worker processes (PostgreSQL): the same result as one process,
the first break in key order, every event counted once."""

from decimal import Decimal

import pytest
from django.db import connection, transaction

from core.audit.models import AuditEvent
from core.audit.services import record
from core.audit.verify import _ranges, verify_all, verify_in_snapshot

from .conftest import APPEND_ONLY_TRIGGER

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# Kinds and ids whose order differs between PostgreSQL's collation and Python's code points
# ("B" < "a" for Python), so a range bound taken in the wrong order would show.
SUBJECTS = [(kind, sid) for kind in ("contract", "expense", "risk") for sid in
            ("10", "9", "B7", "a7", "Zeta", "zeta", "100", "m", "N", "é5")]


@pytest.fixture
def events(personas):
    rep, mgr = personas["east_rep1"], personas["east_mgr"]
    for i, (kind, sid) in enumerate(SUBJECTS):
        for n in range(1 + i % 4):
            record(actor=rep if n % 2 else mgr, event=f"{kind}.step{n}", subject_kind=kind,
                   subject_id=sid, comment=f"{sid} #{n} 审批", amount=Decimal("12.30") * n,
                   changes={"n": n, "note": "ü"}, data={"k": [n, None, True]})
    return AuditEvent.objects.count()


def _tamper(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {APPEND_ONLY_TRIGGER}")
        try:
            cursor.execute(sql, params)
        finally:
            cursor.execute(f"ALTER TABLE audit_auditevent ENABLE TRIGGER {APPEND_ONLY_TRIGGER}")


def _key_order():
    return list(AuditEvent.objects.order_by("subject_kind", "subject_id")
                .values_list("subject_kind", "subject_id").distinct())


def test_ranges_partition_every_event_once_in_database_order(events):
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            parts = _ranges(4, parallel_min=0)
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        counted = []
        for lo, hi in parts:
            # each range in its own transaction on a second connection, as a worker would
            from django.db import connections

            other = connections.create_connection("default")
            try:
                connections["default"], saved = other, connections["default"]
                counted.append(verify_in_snapshot(snapshot, lo, hi, 7))
            finally:
                connections["default"] = saved
                other.close()
    assert len(parts) == 4
    assert parts[0][0] is None and parts[-1][1] is None
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
    assert all(r.ok for r in counted)
    assert sum(r.events_checked for r in counted) == events
    assert all(r.events_checked > 0 for r in counted)


def test_parallel_result_equals_serial_when_intact(events):
    serial = verify_all(save=False, workers=1)
    parallel = verify_all(save=False, workers=3, parallel_min=0)
    assert serial.ok and parallel.ok
    assert parallel.events_checked == serial.events_checked == events


def test_parallel_names_first_break_in_key_order(events):
    order = _key_order()
    early, late = order[len(order) // 3], order[-2]  # in different ranges of three
    for kind, sid in (late, early):
        _tamper("UPDATE audit_auditevent SET comment = 'edited' WHERE subject_kind = %s "
                "AND subject_id = %s AND subject_seq = 1", [kind, sid])

    serial = verify_all(save=False, workers=1)
    parallel = verify_all(save=False, workers=3, parallel_min=0)

    assert not parallel.ok
    assert parallel.first_broken == serial.first_broken
    assert (parallel.first_broken["subject_kind"], parallel.first_broken["subject_id"]) == early
    assert parallel.first_broken["problem"] == "event content altered"
    assert parallel.events_checked == serial.events_checked == events


def test_parallel_finds_deleted_last_event_and_missing_subject(events):
    order = _key_order()
    kind, sid = order[-1]
    _tamper("DELETE FROM audit_auditevent WHERE subject_kind = %s AND subject_id = %s",
            [kind, sid])

    parallel = verify_all(save=False, workers=2, parallel_min=0)

    assert not parallel.ok
    assert parallel.first_broken["problem"] == "all events deleted"
    assert (parallel.first_broken["subject_kind"], parallel.first_broken["subject_id"]) == (
        kind, sid)
    assert parallel.first_broken == verify_all(save=False, workers=1).first_broken


def test_serial_below_threshold_or_inside_a_transaction(events, monkeypatch):
    from core.audit import verify

    def refuse(*args, **kwargs):
        raise AssertionError("no worker processes expected")

    monkeypatch.setattr(verify, "_verify_parallel", refuse)
    assert verify_all(save=False, workers=4).ok  # fewer events than PARALLEL_MIN_EVENTS
    with transaction.atomic():
        assert verify_all(save=False, workers=4, parallel_min=0).ok  # no snapshot of its own


def test_parallel_finds_a_state_moved_and_a_subject_deleted_whole(events, personas):
    from django.db.models import F

    from core.audit.models import AuditChainHead
    from core.audit.verify import EVENTS_GONE, STATE_MOVED
    from workflows.demo.models import DemoRequest
    from workflows.demo.services import demo_submit

    obj = demo_submit(actor=personas["east_rep1"], title="拜访", amount=Decimal("800"))
    assert verify_all(workers=2, parallel_min=0).ok  # saved: the checkpoint
    DemoRequest.objects.filter(pk=obj.pk).update(state="approved",
                                                 transitions=F("transitions") + 1)
    serial, parallel = verify_all(save=False), verify_all(workers=2, parallel_min=0, save=False)
    assert serial.first_broken == parallel.first_broken
    assert (parallel.first_broken["subject_id"], parallel.first_broken["problem"]) == (
        str(obj.pk), STATE_MOVED)

    DemoRequest.objects.filter(pk=obj.pk).update(state="submitted",
                                                 transitions=F("transitions") + 1)
    kind, sid = SUBJECTS[-1]
    _tamper("DELETE FROM audit_auditevent WHERE subject_kind = %s AND subject_id = %s",
            [kind, sid])
    AuditChainHead.objects.filter(subject_kind=kind, subject_id=sid).delete()
    serial, parallel = verify_all(save=False), verify_all(workers=2, parallel_min=0, save=False)
    assert serial.first_broken == parallel.first_broken
    assert parallel.first_broken["problem"] == EVENTS_GONE
    assert parallel.events_checked == serial.events_checked
