"""The checkpoint's leaves, deltas and the comparison `--since-last` makes are computed by
PostgreSQL (core/audit/checkpoints.py): they must agree byte for byte with the reference code
in countersign_verify, and `--since-last` must account for every event appended after the
checkpoint while reading no event before it."""

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.audit import checkpoints
from core.audit.models import AuditChainHead
from core.audit.services import record
from countersign_verify import merkle

from .conftest import APPEND_ONLY_TRIGGER, HEAD_FOLLOWS_TRIGGER

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SUBJECTS = [("expense", "2"), ("expense", "10"), ("config", "销售-大区/华东"),
            ("Contract", "a"), ("contract", "é")]


@pytest.fixture(autouse=True)
def key(settings):
    settings.AUDIT_SIGNING_KEY = base64.b64encode(
        Ed25519PrivateKey.generate().private_bytes_raw()).decode()
    settings.AUDIT_CHECKPOINT_DIR = ""


def _seed():
    for n, (kind, sid) in enumerate(SUBJECTS):
        for i in range(n + 1):
            record(actor=None, event=f"{kind}.step", subject_kind=kind, subject_id=sid,
                   comment=f"{i}")


def _python_root() -> tuple[str, int]:
    """The reference: countersign_verify's leaf hash over the heads in code-point order."""
    heads = sorted(AuditChainHead.objects.filter(last_subject_seq__gt=0).values_list(
        "subject_kind", "subject_id", "last_subject_seq", "last_hash"))
    return merkle.root_of([merkle.leaf_hash(*h) for h in heads]), sum(h[2] for h in heads)


def test_server_side_root_equals_the_reference_on_unicode_and_case():
    _seed()
    cp = checkpoints.create_checkpoint()
    root, events = _python_root()
    assert (cp.root, cp.events, cp.subjects) == (root, events, len(SUBJECTS))
    assert sorted(checkpoints.full_leaves(cp)) == sorted(AuditChainHead.objects.values_list(
        "subject_kind", "subject_id", "last_subject_seq", "last_hash"))


def test_delta_checkpoint_stores_moved_new_and_gone_heads():
    _seed()
    first = checkpoints.create_checkpoint()
    record(actor=None, event="expense.paid", subject_kind="expense", subject_id="10")
    record(actor=None, event="new.one", subject_kind="new", subject_id="1")
    # a chain head removed by someone with the owner's rights (its events stay)
    AuditChainHead.objects.filter(subject_kind="contract", subject_id="é").delete()
    second = checkpoints.create_checkpoint()
    assert not second.full
    assert sorted(second.leaves.values_list("subject_kind", "subject_id", "position")) == [
        ("contract", "é", 0), ("expense", "10", 3), ("new", "1", 1)]
    root, _events = _python_root()
    assert second.root == root
    assert merkle.root_of([merkle.leaf_hash(*r) for r in checkpoints.full_leaves(second)]) \
        == second.root
    assert first.root != second.root
    assert checkpoints.verify_against([checkpoints.as_file(second)]) is None


def test_since_last_reads_only_events_after_the_checkpoint():
    _seed()
    cp = checkpoints.create_checkpoint()
    record(actor=None, event="expense.paid", subject_kind="expense", subject_id="2")
    with CaptureQueriesContext(connection) as queries:
        result = checkpoints.verify_since_last()
    assert result.ok and result.events_checked == 1 and result.last_seq == cp.last_seq
    reads = [q["sql"] for q in queries if "FROM \"audit_auditevent\"" in q["sql"]
             or "JOIN audit_auditevent" in q["sql"]]
    # the new events (seq > the checkpoint's), the checkpoint's head of the moved chain (by
    # its position, through the unique index), and that one event's row
    assert any(f'"seq" > {cp.last_seq}' in sql for sql in reads)
    assert all(f'"seq" > {cp.last_seq}' in sql or "unnest" in sql or '"seq" IN' in sql
               for sql in reads), reads


def test_since_last_finds_an_event_appended_without_moving_its_head(tamper):
    _seed()
    checkpoints.create_checkpoint()
    tamper(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {HEAD_FOLLOWS_TRIGGER}")
    record(actor=None, event="expense.paid", subject_kind="expense", subject_id="2")
    result = checkpoints.verify_since_last()
    assert not result.ok
    assert (result.first_broken["subject_id"], result.first_broken["problem"]) == (
        "2", checkpoints.APPENDED_BESIDE)


def test_since_last_names_a_chain_whose_head_was_removed():
    _seed()
    checkpoints.create_checkpoint()
    AuditChainHead.objects.filter(subject_kind="expense", subject_id="10").delete()
    result = checkpoints.verify_since_last()
    assert not result.ok
    assert (result.first_broken["subject_id"], result.first_broken["problem"]) == (
        "10", checkpoints.HEAD_MISSING)


@pytest.mark.django_db(transaction=True)
def test_since_last_outside_a_transaction_compares_heads_in_a_second_connection():
    """The command's path: heads compared by another connection in the same snapshot while
    this one re-hashes the new events; it reaches the same verdicts."""
    _seed()
    checkpoints.create_checkpoint()
    record(actor=None, event="expense.paid", subject_kind="expense", subject_id="2")
    record(actor=None, event="new.one", subject_kind="new", subject_id="1")
    assert not connection.in_atomic_block
    result = checkpoints.verify_since_last()
    assert result.ok and result.events_checked == 2
    with connection.cursor() as cursor:  # autocommit: the trigger must be put back by hand
        cursor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {APPEND_ONLY_TRIGGER}")
        try:
            cursor.execute("UPDATE audit_auditevent SET comment = 'x' "
                           "WHERE event = 'expense.paid'")
        finally:
            cursor.execute(f"ALTER TABLE audit_auditevent ENABLE TRIGGER {APPEND_ONLY_TRIGGER}")
    result = checkpoints.verify_since_last()
    assert (result.ok, result.first_broken["subject_id"], result.first_broken["problem"]) == (
        False, "2", "event content altered")
