from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils.translation import gettext_lazy

from core import context
from core.audit.hashing import GENESIS, HASHED_FIELDS, link_hash
from core.audit.models import AuditChainHead, AuditEvent
from core.audit.services import SYSTEM, diff, record
from core.audit.verify import verify_all

pytestmark = pytest.mark.django_db

CLAIM = {"subject_kind": "expense", "subject_id": 101}
OTHER = {"subject_kind": "expense", "subject_id": 102}


def _stored_hash_inputs(ev: AuditEvent) -> dict:
    return AuditEvent.objects.values(*HASHED_FIELDS).get(pk=ev.pk)


@pytest.fixture
def request_context():
    token = context.bind(context.RequestContext(request_id="req-7f3a", ip="203.0.113.9"))
    yield
    context.reset(token)


def test_chain_starts_at_genesis_and_links_when_one_subject_has_three_events(personas):
    rep = personas["east_rep1"]
    events = [record(actor=rep, event=f"expense.step{i}", **CLAIM) for i in range(3)]

    assert [e.subject_seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == GENESIS == "0" * 64
    assert events[1].prev_hash == events[0].hash
    assert events[2].prev_hash == events[1].hash
    assert len({e.hash for e in events}) == 3
    for ev in events:
        # The stored row hashes to the stored hash: what was hashed is what was saved.
        assert link_hash(_stored_hash_inputs(ev)) == ev.hash
    head = AuditChainHead.objects.get(subject_kind="expense", subject_id="101")
    assert (head.last_subject_seq, head.last_hash) == (3, events[2].hash)


def test_database_moves_the_head_when_an_event_is_inserted_without_the_service(personas):
    # The head is moved by the database (audit_head_follows, on PostgreSQL and SQLite), not by
    # record(): an event row written any other way moves it too, and only its own subject's.
    first = record(actor=personas["east_rep1"], event="expense.submitted", **CLAIM)
    record(actor=personas["east_rep1"], event="expense.submitted", **OTHER)
    AuditEvent.objects.create(subject_kind="expense", subject_id="101", subject_seq=2,
                              event="expense.noted", actor_name="x", prev_hash=first.hash,
                              hash="f" * 64)

    heads = dict(AuditChainHead.objects.values_list("subject_id", "last_subject_seq"))
    assert heads == {"101": 2, "102": 1}
    assert AuditChainHead.objects.get(subject_id="101").last_hash == "f" * 64


def test_chains_are_independent_when_two_subjects_interleave(personas):
    rep = personas["east_rep1"]
    a1 = record(actor=rep, event="expense.submitted", **CLAIM)
    b1 = record(actor=rep, event="expense.submitted", **OTHER)
    a2 = record(actor=rep, event="expense.approved", **CLAIM)
    b2 = record(actor=rep, event="expense.approved", **OTHER)

    assert (a1.subject_seq, a2.subject_seq, b1.subject_seq, b2.subject_seq) == (1, 2, 1, 2)
    assert b1.prev_hash == GENESIS
    assert a2.prev_hash == a1.hash
    assert b2.prev_hash == b1.hash
    assert a1.seq < b1.seq < a2.seq < b2.seq
    assert AuditChainHead.objects.count() == 2
    assert verify_all(save=False).ok


def test_global_seq_increases_when_events_are_recorded_in_order(personas):
    rep = personas["east_rep1"]
    seqs = [
        record(actor=rep, event="expense.touched", subject_kind="expense", subject_id=i % 3).seq
        for i in range(7)
    ]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 7


def test_request_id_and_ip_come_from_context_when_a_request_is_bound(personas, request_context):
    ev = record(actor=personas["east_rep1"], event="expense.submitted", **CLAIM)
    ev.refresh_from_db()
    assert ev.request_id == "req-7f3a"
    assert ev.ip == "203.0.113.9"


def test_system_request_id_and_no_ip_when_no_request_is_bound(personas):
    ev = record(actor=personas["east_rep1"], event="expense.submitted", **CLAIM)
    assert ev.request_id.startswith("sys-")
    assert ev.ip is None


def test_ipv6_address_is_stored_normalised_and_chain_verifies_when_context_has_ipv6(personas):
    token = context.bind(context.RequestContext(request_id="req-v6", ip="2001:DB8:0:0:0:0:0:1"))
    try:
        ev = record(actor=personas["east_rep1"], event="expense.submitted", **CLAIM)
    finally:
        context.reset(token)
    ev.refresh_from_db()
    assert ev.ip == "2001:db8::1"
    assert verify_all(save=False).ok


def test_actor_and_principal_names_recorded_when_acting_on_behalf(personas):
    ev = record(
        actor=personas["east_mgr"], on_behalf_of=personas["gm"], event="expense.approved", **CLAIM
    )
    ev.refresh_from_db()
    assert ev.actor_id == personas["east_mgr"].pk
    assert ev.actor_name == "east_mgr"
    assert ev.on_behalf_of_id == personas["gm"].pk
    assert ev.on_behalf_of_name == "gm"


def test_principal_left_empty_when_actor_acts_for_self(personas):
    ev = record(actor=personas["gm"], event="expense.approved", **CLAIM)
    assert ev.on_behalf_of_id is None
    assert ev.on_behalf_of_name == ""


def test_actor_named_system_when_no_actor(db):
    ev = record(actor=None, event="expense.escalated", **CLAIM)
    ev.refresh_from_db()
    assert ev.actor_id is None
    assert ev.actor_name == SYSTEM == "system"
    assert verify_all(save=False).ok


def test_decimals_and_dates_stored_as_json_scalars_when_in_data_and_changes(personas):
    ev = record(
        actor=personas["east_rep1"],
        event="expense.revised",
        changes=diff(
            {"amount": Decimal("1000.00"), "due": date(2026, 3, 1), "title": "Taxi"},
            {"amount": Decimal("1234.50"), "due": date(2026, 3, 31), "title": "Taxi"},
        ),
        data={
            "amount": Decimal("1234.50"),
            "due": date(2026, 3, 31),
            "at": datetime(2026, 3, 31, 8, 30, tzinfo=UTC),
            "label": gettext_lazy("Expense claim"),
        },
        amount=Decimal("1234.50"),
        **CLAIM,
    )
    expected_changes = {
        "amount": ["1000.00", "1234.50"],
        "due": ["2026-03-01", "2026-03-31"],
    }
    assert ev.changes == expected_changes
    assert ev.data["amount"] == "1234.50"
    assert ev.data["due"] == "2026-03-31"
    assert ev.data["at"] == "2026-03-31T08:30:00Z"
    assert isinstance(ev.data["label"], str)
    ev.refresh_from_db()
    assert ev.changes == expected_changes
    assert ev.amount == Decimal("1234.50")
    result = verify_all(save=False)
    assert result.ok, result.first_broken
    assert result.events_checked == 1


def test_number_and_amount_taken_from_subject_when_subject_given(personas):
    claim = SimpleNamespace(audit_kind="expense", pk=7, number="EXP-2026-0007",
                            amount=Decimal("880.00"))
    ev = record(actor=personas["east_rep1"], subject=claim, event="expense.submitted")
    assert (ev.subject_kind, ev.subject_id) == ("expense", "7")
    assert ev.subject_number == "EXP-2026-0007"
    assert ev.amount == Decimal("880.00")
    override = record(actor=personas["east_rep1"], subject=claim, event="expense.revised",
                      number="EXP-2026-0007-R1", amount=Decimal("900.00"))
    assert override.subject_number == "EXP-2026-0007-R1"
    assert override.amount == Decimal("900.00")
    assert override.subject_seq == 2


def test_model_label_used_as_kind_when_subject_has_no_audit_kind(personas):
    rep = personas["east_rep1"]
    ev = record(actor=personas["admin"], subject=rep, event="user.updated")
    assert (ev.subject_kind, ev.subject_id) == ("org.user", str(rep.pk))
    assert ev.subject_number == ""
    assert ev.amount is None


def test_refused_when_no_subject_given(personas):
    with pytest.raises(ValueError, match="subject"):
        record(actor=personas["east_rep1"], event="expense.submitted")
    assert AuditEvent.objects.count() == 0


@pytest.mark.postgres
def test_chain_verifies_when_amount_has_more_than_two_decimal_places(personas):
    record(actor=personas["east_rep1"], event="expense.submitted", amount=Decimal("10.005"),
           **CLAIM)
    result = verify_all(save=False)
    assert result.ok, result.first_broken


@pytest.mark.postgres
def test_chain_verifies_when_data_holds_a_large_float(personas):
    record(actor=personas["east_rep1"], event="risk.assessed", data={"exposure": 1e16}, **CLAIM)
    result = verify_all(save=False)
    assert result.ok, result.first_broken
