from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.audit.models import AuditEvent, VerificationRun
from core.audit.services import record
from core.audit.verify import verify_all

pytestmark = pytest.mark.django_db

KIND, SID = "expense", "501"


@pytest.fixture
def chain(personas):
    """Four events on one claim, with events of another claim in between."""
    rep, mgr = personas["east_rep1"], personas["east_mgr"]
    events = []
    for i, name in enumerate(["submitted", "returned", "resubmitted", "approved"]):
        events.append(record(actor=rep if i % 2 == 0 else mgr, event=f"expense.{name}",
                             subject_kind=KIND, subject_id=SID, comment=f"step {i + 1}"))
        record(actor=rep, event="expense.noted", subject_kind=KIND, subject_id="502")
    return events


def _verify_command() -> str:
    out = StringIO()
    call_command("audit_verify", stdout=out)
    return out.getvalue()


def test_ok_with_every_event_counted_when_chain_intact(chain):
    result = verify_all()
    assert result.ok
    assert result.first_broken is None
    assert result.events_checked == 8 == AuditEvent.objects.count()
    assert result.as_dict() == {"ok": True, "events_checked": 8, "first_broken": None}


def test_ok_with_nothing_checked_when_no_events(db):
    result = verify_all()
    assert (result.ok, result.events_checked) == (True, 0)


def test_run_saved_when_verifying(chain):
    result = verify_all()
    run = VerificationRun.objects.latest()
    assert (run.ok, run.events_checked, run.first_broken) == (True, 8, None)
    assert run.seconds == pytest.approx(result.seconds)


def test_no_run_saved_when_save_is_false(chain):
    verify_all(save=False)
    assert not VerificationRun.objects.exists()


def test_command_reports_intact_when_chain_intact(chain):
    output = _verify_command()
    assert "events checked: 8" in output
    assert "audit trail intact" in output
    assert VerificationRun.objects.get().ok


def test_content_altered_named_when_comment_edited(chain, tamper):
    target = chain[1]
    assert tamper("UPDATE audit_auditevent SET comment = %s WHERE seq = %s",
                  ["approved by phone", target.seq]) == 1

    result = verify_all()

    assert not result.ok
    broken = result.first_broken
    assert broken["problem"] == "event content altered"
    assert (broken["subject_kind"], broken["subject_id"]) == (KIND, SID)
    assert (broken["subject_seq"], broken["seq"]) == (2, target.seq)
    assert broken["found"] == target.hash
    assert broken["expected"] != target.hash
    assert result.events_checked == 8
    run = VerificationRun.objects.latest()
    assert run.ok is False
    assert run.first_broken == broken


def test_command_fails_naming_subject_position_and_hashes_when_comment_edited(chain, tamper):
    target = chain[1]
    tamper("UPDATE audit_auditevent SET comment = %s WHERE seq = %s", ["edited", target.seq])

    with pytest.raises(CommandError) as excinfo:
        _verify_command()

    message = str(excinfo.value)
    assert f"BROKEN at {KIND}:{SID} position 2 (seq {target.seq})" in message
    assert "event content altered" in message
    assert f"found {target.hash}" in message
    assert "expected " in message
    assert VerificationRun.objects.latest().ok is False


def test_content_altered_when_amount_edited(chain, tamper):
    tamper("UPDATE audit_auditevent SET amount = %s WHERE seq = %s", ["1.00", chain[0].seq])
    broken = verify_all().first_broken
    assert (broken["problem"], broken["subject_seq"]) == ("event content altered", 1)


def test_missing_event_named_when_middle_event_deleted(chain, tamper):
    assert tamper("DELETE FROM audit_auditevent WHERE seq = %s", [chain[1].seq]) == 1

    result = verify_all()

    assert not result.ok
    broken = result.first_broken
    assert broken["problem"] == "missing event in the chain"
    assert (broken["subject_kind"], broken["subject_id"]) == (KIND, SID)
    assert (broken["expected"], broken["found"]) == (2, 3)
    assert broken["seq"] == chain[2].seq
    assert result.events_checked == 7


def test_missing_event_named_when_first_event_deleted(chain, tamper):
    tamper("DELETE FROM audit_auditevent WHERE seq = %s", [chain[0].seq])
    broken = verify_all().first_broken
    assert broken["problem"] == "missing event in the chain"
    assert (broken["expected"], broken["found"]) == (1, 2)


def test_chain_head_catches_it_when_last_event_deleted(chain, tamper):
    last, before_last = chain[3], chain[2]
    tamper("DELETE FROM audit_auditevent WHERE seq = %s", [last.seq])

    result = verify_all()

    assert not result.ok
    broken = result.first_broken
    assert broken["problem"] == "chain ends early (an event was deleted)"
    assert (broken["subject_kind"], broken["subject_id"], broken["subject_seq"]) == (KIND, SID, 4)
    assert broken["expected"] == f"4:{last.hash}"
    assert broken["found"] == f"3:{before_last.hash}"

    with pytest.raises(CommandError, match=rf"{KIND}:{SID} position 4 .*chain ends early"):
        _verify_command()


def test_chain_head_catches_it_when_every_event_of_a_subject_deleted(chain, tamper):
    tamper("DELETE FROM audit_auditevent WHERE subject_id = %s", [SID])
    broken = verify_all().first_broken
    assert broken["problem"] == "all events deleted"
    assert (broken["subject_id"], broken["expected"], broken["found"]) == (SID, 4, 0)


def test_out_of_order_named_when_global_seq_of_two_events_swapped(chain, tamper):
    first, second = chain[1].seq, chain[2].seq
    # Through a spare value: the primary key must stay unique after each statement.
    tamper("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [-1, first])
    tamper("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [first, second])
    tamper("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [second, -1])

    result = verify_all()

    assert not result.ok
    broken = result.first_broken
    assert broken["problem"] == "global sequence out of order"
    assert (broken["subject_kind"], broken["subject_id"], broken["subject_seq"]) == (KIND, SID, 3)
    assert (broken["expected"], broken["found"]) == (f"> {second}", first)


def test_broken_link_named_when_positions_of_two_events_swapped(chain, tamper):
    a, b = chain[1], chain[2]
    tamper("UPDATE audit_auditevent SET subject_seq = %s WHERE seq = %s", [999, a.seq])
    tamper("UPDATE audit_auditevent SET subject_seq = %s WHERE seq = %s", [2, b.seq])
    tamper("UPDATE audit_auditevent SET subject_seq = %s WHERE seq = %s", [3, a.seq])

    result = verify_all()

    assert not result.ok
    broken = result.first_broken
    assert broken["problem"] == "previous-hash link broken"
    assert (broken["subject_seq"], broken["seq"]) == (2, b.seq)
    assert (broken["expected"], broken["found"]) == (chain[0].hash, a.hash)
