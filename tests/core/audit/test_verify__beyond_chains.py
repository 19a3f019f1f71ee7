"""What the chains alone cannot see: a governed object's state moved without an audit event,
a subject deleted whole (its events and its chain head), a truncated tail of the trail. Each
makes audit_verify fail, naming what it found; a gap left by a rolled-back transaction does not."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import F

from core.audit.models import AuditChainHead, AuditEvent, VerificationRun
from core.audit.services import record
from core.audit.verify import (
    EVENTS_GONE,
    GLOBAL,
    NO_STATE_EVENT,
    STATE_MOVED,
    governed_models,
    verify_all,
)
from workflows.demo.models import DemoRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(personas):
    """Two submitted demo requests (governed) and a customer-like subject with three events."""
    from workflows.demo.services import demo_submit

    objs = [demo_submit(actor=personas["east_rep1"], title=f"拜访 {i}", amount=Decimal("800"))
            for i in range(2)]
    for n in range(3):
        record(actor=personas["finance"], event="customer.noted", subject_kind="customer",
               subject_id="77", comment=f"note {n}")
    return objs


def _command_error() -> str:
    with pytest.raises(CommandError) as failed:
        call_command("audit_verify", "--workers", "1", stdout=StringIO())
    return str(failed.value)


def _delete_subject(tamper, kind: str, sid: str) -> None:
    tamper("DELETE FROM audit_auditevent WHERE subject_kind = %s AND subject_id = %s",
           [kind, sid])
    AuditChainHead.objects.filter(subject_kind=kind, subject_id=sid).delete()


def test_every_governed_model_found_when_discovering():
    labels = {m._meta.label for m in governed_models()}
    assert {"demo.DemoRequest", "expenses.ExpenseClaim", "contracts.Contract",
            "risks.Risk", "plans.Plan", "expenses.Budget"} <= labels


def test_ok_when_every_state_matches_its_last_event(demo):
    result = verify_all()
    assert result.ok, result.first_broken
    assert VerificationRun.objects.latest().last_seq == AuditEvent.objects.latest("seq").seq


def test_state_moved_named_when_a_claim_is_updated_behind_the_audit(demo):
    target = demo[1]
    # What the trigger lets through: the state and the transition count raised together.
    DemoRequest.objects.filter(pk=target.pk).update(state="approved",
                                                    transitions=F("transitions") + 1)

    result = verify_all()

    assert not result.ok
    b = result.first_broken
    assert (b["subject_kind"], b["subject_id"], b["problem"]) == ("demo", str(target.pk),
                                                                  STATE_MOVED)
    assert (b["expected"], b["found"]) == ("submitted", "approved")
    message = _command_error()
    assert f"audit trail BROKEN at demo:{target.pk}: {STATE_MOVED}" in message
    assert "expected submitted, found approved" in message


def test_state_moved_named_when_raw_sql_moves_it(demo, tamper):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE demo_demorequest SET state = 'rejected', "
                       "transitions = transitions + 1 WHERE id = %s", [demo[0].pk])
    b = verify_all().first_broken
    assert (b["subject_id"], b["problem"], b["found"]) == (str(demo[0].pk), STATE_MOVED,
                                                           "rejected")


def test_no_state_event_named_when_a_governed_subject_is_deleted_whole(demo, tamper):
    target = demo[0]
    _delete_subject(tamper, "demo", str(target.pk))

    b = verify_all().first_broken

    assert (b["subject_kind"], b["subject_id"], b["problem"]) == ("demo", str(target.pk),
                                                                  NO_STATE_EVENT)
    assert b["found"] == "submitted"
    assert f"demo:{target.pk}: {NO_STATE_EVENT}" in _command_error()


def test_events_gone_named_when_a_subject_is_deleted_whole_after_a_passing_run(demo, tamper):
    assert verify_all().ok  # the checkpoint
    checked = AuditEvent.objects.count()
    _delete_subject(tamper, "customer", "77")

    result = verify_all()

    b = result.first_broken
    assert (b["subject_kind"], b["problem"]) == (GLOBAL, EVENTS_GONE)
    assert b["found"] == checked - 3
    message = _command_error()
    assert f"audit trail BROKEN in the global sequence up to seq {b['seq']}" in message
    assert f"found {checked - 3}" in message
    # A failing run is no checkpoint: the next run still fails.
    assert not verify_all().ok


def test_events_gone_named_when_the_tail_is_truncated_and_heads_rewound(demo, personas,
                                                                        tamper):
    for n in range(3):
        record(actor=personas["finance"], event="customer.noted", subject_kind="customer",
               subject_id="88", comment=f"late {n}")
    assert verify_all().ok
    tail = list(AuditEvent.objects.order_by("-seq")[:2])
    tamper("DELETE FROM audit_auditevent WHERE seq >= %s", [tail[-1].seq])
    # A careful hand rewinds the chain head too, so the subject's chain looks whole.
    kept = AuditEvent.objects.filter(subject_kind="customer", subject_id="88").get()
    AuditChainHead.objects.filter(subject_kind="customer", subject_id="88").update(
        last_subject_seq=kept.subject_seq, last_hash=kept.hash)

    b = verify_all().first_broken

    assert b is not None and b["problem"] == EVENTS_GONE


def test_ok_when_a_rolled_back_transaction_left_a_gap_after_a_passing_run(demo, personas):
    assert verify_all().ok
    with pytest.raises(RuntimeError), transaction.atomic():
        record(actor=personas["finance"], event="customer.noted", subject_kind="customer",
               subject_id="77", comment="rolled back")
        raise RuntimeError
    later = record(actor=personas["finance"], event="customer.noted", subject_kind="customer",
                   subject_id="77", comment="kept")
    assert AuditEvent.objects.filter(seq=later.seq - 1).count() == 0  # the gap

    result = verify_all()

    assert result.ok, result.first_broken
    assert verify_all().ok


def test_chain_break_named_before_the_state_when_both_are_wrong(demo, tamper):
    target = demo[0]
    tamper("UPDATE audit_auditevent SET comment = 'edited' WHERE subject_kind = 'demo' "
           "AND subject_id = %s", [str(target.pk)])
    DemoRequest.objects.filter(pk=target.pk).update(state="approved",
                                                    transitions=F("transitions") + 1)
    assert verify_all().first_broken["problem"] == "event content altered"


def test_initial_state_expected_when_no_event_carries_a_state(personas, tamper):
    """An amendment's draft is recorded without a to_state: its initial state is expected."""
    obj = DemoRequest.objects.create(title="草稿", amount=Decimal("10"),
                                     submitter=personas["east_rep1"])
    record(actor=personas["east_rep1"], subject=obj, event="demo.drafted")
    assert verify_all().ok

    DemoRequest.objects.filter(pk=obj.pk).update(state="approved",
                                                 transitions=F("transitions") + 1)

    b = verify_all().first_broken
    assert (b["subject_id"], b["problem"], b["found"]) == (str(obj.pk), STATE_MOVED, "approved")
    assert b["expected"] == "draft (initial)"


def test_ok_when_a_draft_written_in_bulk_has_no_event_yet(personas):
    DemoRequest.objects.bulk_create([DemoRequest(title="批量", amount=Decimal("1"),
                                                 submitter=personas["east_rep1"])])
    assert verify_all().ok
