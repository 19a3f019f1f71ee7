import threading
from types import SimpleNamespace

import pytest
from django.db import connection, transaction

from core.audit import verify
from core.audit.models import AuditChainHead, AuditEvent
from core.audit.services import record
from core.audit.verify import verify_all

# Real threads, each with its own connection, committing for real.
pytestmark = [
    pytest.mark.django_db(transaction=True),
]

THREADS, EACH = 8, 20


def _run_threads(target, count: int) -> list[BaseException]:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def worker(i):
        try:
            barrier.wait(timeout=10)
            target(i)
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a worker thread hung"
    return errors


@pytest.mark.postgres
def test_positions_unique_and_chain_verifies_when_threads_append_to_one_subject(personas):
    actors = [personas[n] for n in ("east_rep1", "east_rep2", "east_mgr", "gm")]

    def append(i):
        for n in range(EACH):
            record(actor=actors[i % len(actors)], event="expense.commented",
                   subject_kind="expense", subject_id="shared", data={"thread": i, "n": n})

    assert _run_threads(append, THREADS) == []

    total = THREADS * EACH
    positions = list(AuditEvent.objects.order_by("subject_seq").values_list("subject_seq",
                                                                            flat=True))
    assert positions == list(range(1, total + 1))
    head = AuditChainHead.objects.get(subject_kind="expense", subject_id="shared")
    assert head.last_subject_seq == total
    # Each thread's own events keep their order in the chain.
    for i in range(THREADS):
        ns = [e.data["n"] for e in AuditEvent.objects.filter(data__thread=i)
              .order_by("subject_seq")]
        assert ns == list(range(EACH))
    result = verify_all()
    assert result.ok, result.first_broken
    assert result.events_checked == total


@pytest.mark.postgres
def test_every_chain_verifies_when_threads_append_to_their_own_subjects(personas):
    rep = personas["east_rep1"]

    def append(i):
        for _ in range(EACH):
            with transaction.atomic():
                record(actor=rep, event="expense.commented", subject_kind="expense",
                       subject_id=f"own-{i}")

    assert _run_threads(append, THREADS) == []

    assert AuditChainHead.objects.count() == THREADS
    for i in range(THREADS):
        positions = list(AuditEvent.objects.filter(subject_id=f"own-{i}")
                         .order_by("seq").values_list("subject_seq", flat=True))
        assert positions == list(range(1, EACH + 1))
    result = verify_all()
    assert result.ok, result.first_broken
    assert result.events_checked == THREADS * EACH


@pytest.mark.postgres
def test_ok_when_an_event_is_committed_while_verification_runs(personas, monkeypatch):
    rep = personas["east_rep1"]
    record(actor=rep, event="expense.submitted", subject_kind="expense", subject_id="live")
    real_atomic = transaction.atomic

    def writer():
        try:
            record(actor=rep, event="expense.approved", subject_kind="expense",
                   subject_id="live")
        finally:
            connection.close()

    def atomic_after_a_concurrent_commit(*args, **kwargs):
        # verify_all has read the heads; a user's approval commits before it reads the events.
        t = threading.Thread(target=writer)
        t.start()
        t.join(timeout=10)
        return real_atomic(*args, **kwargs)

    monkeypatch.setattr(verify, "transaction",
                        SimpleNamespace(atomic=atomic_after_a_concurrent_commit))

    result = verify_all(save=False)

    assert AuditEvent.objects.filter(subject_id="live").count() == 2
    assert result.ok, result.first_broken
