"""Races at scale (issue 9), on PostgreSQL with real threads and connections.

CI runs a bounded size; `make stress` runs the full figures: 500 tasks x 20 contenders
(10,000 approve calls from 32 threads) and 1,000 runs of each pairwise race.
"""

import queue
import random
import threading
import time
from collections import Counter

import pytest
from django.db import connection

from core.audit.models import AuditEvent
from core.exceptions import NotYourTaskError, StateConflictError
from core.inbox import services
from core.inbox.models import Request, RequestStatus, WorkItem, WorkItemStatus
from workflows.demo.models import DemoRequest, DemoState

from .helpers import open_item, run_together, verify_in_own_connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS, CONTENDERS = 32, 20


def pool(calls, threads: int) -> list:
    """Run the calls from a shared queue on `threads` threads released together."""
    work: queue.Queue = queue.Queue()
    for index, call in enumerate(calls):
        work.put((index, call))
    outcomes: list = [None] * len(calls)
    barrier = threading.Barrier(threads)

    def worker():
        try:
            barrier.wait(timeout=30)
            while True:
                try:
                    index, call = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    outcomes[index] = call()
                except BaseException as exc:  # counted by the test
                    outcomes[index] = exc
        finally:
            connection.close()

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=600)
    assert not any(w.is_alive() for w in workers), "a worker thread hung"
    return outcomes


def replays(req: Request) -> bool:
    """The audit trail's state changes chain up and end in the object's state."""
    obj = DemoRequest.objects.get(pk=req.object_id)
    changes = list(AuditEvent.objects.filter(subject_kind="demo", subject_id=str(obj.pk))
                   .exclude(to_state="").order_by("subject_seq")
                   .values_list("from_state", "to_state"))
    state = DemoState.DRAFT
    for before, after in changes:
        if before and before != state:
            return False
        state = after
    return state == obj.state


@pytest.mark.parametrize("tasks", [
    50, pytest.param(500, marks=[pytest.mark.slow, pytest.mark.timeout(3600)], id="500-tasks"),
])
def test_exactly_one_decision_per_task_when_20_contenders_race_for_each(
    submit, personas, tasks, figure
):
    mgr = personas["east_mgr"]
    items = [open_item(submit()) for _ in range(tasks)]
    # Each task's contenders are next to each other in the queue, so they run at the same time.
    calls = [lambda pk=item.pk: services.task_approve(task_id=pk, actor=mgr)
             for item in items for _ in range(CONTENDERS)]

    started = time.perf_counter()
    outcomes = pool(calls, THREADS)
    elapsed = time.perf_counter() - started

    kinds = Counter(type(o).__name__ for o in outcomes)
    errors = [o for o in outcomes
              if isinstance(o, BaseException) and not isinstance(o, StateConflictError)]
    figure(f"{tasks} tasks x {CONTENDERS} contenders", f"{len(calls)} approve calls on "
           f"{THREADS} threads in {elapsed:.1f} s: {dict(kinds)}")
    assert errors == []
    assert kinds["WorkItem"] == tasks
    assert kinds["StateConflictError"] == tasks * (CONTENDERS - 1)
    ids = [item.pk for item in items]
    assert WorkItem.objects.filter(pk__in=ids, status=WorkItemStatus.DONE).count() == tasks
    decided = Counter(AuditEvent.objects.filter(event="demo.approved")
                      .values_list("subject_id", flat=True))
    assert len(decided) == tasks and set(decided.values()) == {1}
    assert verify_in_own_connection().ok


def _race(submit, personas, runs, make_pair, check, figure):
    seen = Counter()
    for _ in range(runs):
        req = submit()
        item = open_item(req)
        pair = make_pair(req, item)
        if random.random() < 0.5:  # neither side always starts first
            first, second = run_together(pair)
        else:
            second, first = run_together(pair[::-1])
        req = Request.objects.get(pk=req.pk)
        seen[check(req, item, first, second)] += 1
        assert replays(req), req.pk
    figure(f"{runs} runs", dict(seen))
    assert verify_in_own_connection().ok
    return seen


RUNS = [50, pytest.param(1000, marks=[pytest.mark.slow, pytest.mark.timeout(3600)],
                         id="1000-runs")]


@pytest.mark.parametrize("runs", RUNS)
def test_approve_or_reject_exactly_one_when_they_race(submit, personas, runs, figure):
    mgr = personas["east_mgr"]

    def pair(req, item):
        return [lambda: services.task_approve(task_id=item.pk, actor=mgr),
                lambda: services.task_reject(task_id=item.pk, actor=mgr, reason="Not needed")]

    def check(req, item, approved, rejected):
        approve_ok = isinstance(approved, WorkItem)
        assert approve_ok != isinstance(rejected, WorkItem), (approved, rejected)
        loser = rejected if approve_ok else approved
        assert isinstance(loser, StateConflictError), loser
        expected = RequestStatus.APPROVED if approve_ok else RequestStatus.REJECTED
        assert req.status == expected
        return expected

    _race(submit, personas, runs, pair, check, figure)


@pytest.mark.parametrize("runs", RUNS)
def test_approve_or_withdraw_exactly_one_when_they_race(submit, personas, runs, figure):
    mgr, rep = personas["east_mgr"], personas["east_rep1"]

    def pair(req, item):
        return [lambda: services.task_approve(task_id=item.pk, actor=mgr),
                lambda: services.request_withdraw(request_id=req.pk, actor=rep)]

    def check(req, item, approved, withdrawn):
        approve_ok = isinstance(approved, WorkItem)
        assert approve_ok != (not isinstance(withdrawn, BaseException)), (approved, withdrawn)
        loser = withdrawn if approve_ok else approved
        assert isinstance(loser, StateConflictError), loser
        expected = RequestStatus.APPROVED if approve_ok else RequestStatus.WITHDRAWN
        assert req.status == expected
        assert not WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).exists()
        return expected

    _race(submit, personas, runs, pair, check, figure)


@pytest.mark.parametrize("runs", RUNS)
def test_approve_or_reassign_one_legal_outcome_when_they_race(submit, personas, runs, figure):
    mgr, gm, other = personas["east_mgr"], personas["gm"], personas["south_mgr"]

    def pair(req, item):
        return [lambda: services.task_approve(task_id=item.pk, actor=mgr),
                lambda: services.task_reassign(task_id=item.pk, actor=gm, assignee=other,
                                               reason="Covering")]

    def check(req, item, approved, reassigned):
        fresh = WorkItem.objects.get(pk=item.pk)
        if isinstance(approved, WorkItem):
            # Approved first: the task is closed, the reassignment finds it decided.
            assert isinstance(reassigned, StateConflictError), reassigned
            assert (req.status, fresh.status) == (RequestStatus.APPROVED, WorkItemStatus.DONE)
            return "approved"
        # Reassigned first: the old holder may no longer decide; the task waits for the new one.
        assert isinstance(reassigned, WorkItem), reassigned
        assert isinstance(approved, NotYourTaskError | StateConflictError), approved
        assert (req.status, fresh.status, fresh.assignee_id) == (
            RequestStatus.IN_REVIEW, WorkItemStatus.OPEN, other.pk)
        return "reassigned"

    _race(submit, personas, runs, pair, check, figure)
