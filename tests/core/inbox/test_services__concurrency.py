"""Real threads, each with its own PostgreSQL connection, committing for real."""

import threading
import time
from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from viewflow.workflow.models import Process
from viewflow.workflow.status import PROCESS

from core.audit.models import AuditEvent
from core.exceptions import StateConflictError
from core.inbox import services
from core.inbox.models import RequestStatus, WorkItem, WorkItemStatus
from workflows.demo.models import DemoRequest, DemoState

from .helpers import open_item, run_together, verify_in_own_connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def test_exactly_one_approval_when_eight_threads_approve_the_same_task(submit, personas):
    req = submit()
    item = open_item(req)
    mgr = personas["east_mgr"]

    outcomes = run_together(
        [lambda: services.task_approve(task_id=item.pk, actor=mgr)] * 8
    )

    won = [o for o in outcomes if isinstance(o, WorkItem)]
    refused = [o for o in outcomes if not isinstance(o, WorkItem)]
    assert len(won) == 1
    assert all(isinstance(o, StateConflictError) for o in refused), refused
    assert AuditEvent.objects.filter(event="demo.approved").count() == 1
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    assert WorkItem.objects.get(pk=item.pk).status == WorkItemStatus.DONE
    assert verify_in_own_connection().ok


def test_approve_or_withdraw_never_both_when_they_race(submit, personas):
    mgr, rep = personas["east_mgr"], personas["east_rep1"]
    seen = set()
    for _ in range(20):
        req = submit()
        item = open_item(req)

        approved, withdrawn = run_together([
            lambda item=item: services.task_approve(task_id=item.pk, actor=mgr),
            lambda req=req: services.request_withdraw(request_id=req.pk, actor=rep),
        ])

        approve_ok = isinstance(approved, WorkItem)
        withdraw_ok = not isinstance(withdrawn, BaseException)
        assert approve_ok != withdraw_ok, (approved, withdrawn)
        loser = withdrawn if approve_ok else approved
        assert isinstance(loser, StateConflictError), loser
        req.refresh_from_db()
        obj = DemoRequest.objects.get(pk=req.object_id)
        if approve_ok:
            seen.add("approved")
            assert (req.status, obj.state) == (RequestStatus.APPROVED, DemoState.APPROVED)
            assert req.process.status == PROCESS.DONE
        else:
            seen.add("withdrawn")
            assert (req.status, obj.state) == (RequestStatus.WITHDRAWN, DemoState.WITHDRAWN)
            assert req.process.status == PROCESS.CANCELED
        assert not WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).exists()
        events = list(AuditEvent.objects.filter(subject_id=str(req.object_id))
                      .values_list("event", flat=True))
        assert sorted(events) == sorted(
            ["demo.submitted", "demo.approved" if approve_ok else "demo.withdrawn"])
    assert seen  # at least one legal outcome was observed, each round asserted above
    assert verify_in_own_connection().ok


@contextmanager
def process_locked_elsewhere(process_id: int, seconds: float):
    """Another connection holds the process row lock for `seconds` from now."""
    locked = threading.Event()

    def hold_lock():
        try:
            with transaction.atomic():
                Process.objects.select_for_update().filter(pk=process_id).exists()
                locked.set()
                time.sleep(seconds)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_lock, daemon=True)
    holder.start()
    assert locked.wait(timeout=10)
    try:
        yield
    finally:
        holder.join(timeout=seconds + 10)


def test_approved_after_waiting_when_process_is_briefly_locked_elsewhere(submit, personas):
    req = submit()
    item = open_item(req)

    with process_locked_elsewhere(req.process_id, 0.3):
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])

    assert WorkItem.objects.get(pk=item.pk).status == WorkItemStatus.DONE


@contextmanager
def short_lock_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '200ms'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")


def test_state_conflict_when_process_stays_locked_past_the_lock_timeout(submit, personas):
    req = submit()
    item = open_item(req)
    events = AuditEvent.objects.count()

    with short_lock_timeout(), process_locked_elsewhere(req.process_id, 1.5), \
            pytest.raises(StateConflictError):
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])

    assert WorkItem.objects.get(pk=item.pk).is_open
    assert AuditEvent.objects.count() == events
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])  # free again


def test_state_conflict_when_withdrawing_a_request_locked_past_the_lock_timeout(
    submit, personas
):
    req = submit()

    with short_lock_timeout(), process_locked_elsewhere(req.process_id, 1.5), \
            pytest.raises(StateConflictError):
        services.request_withdraw(request_id=req.pk, actor=personas["east_rep1"])

    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW


@pytest.mark.usefixtures("queue_matrix")
def test_exactly_one_decision_when_two_candidates_decide_a_queue_task_at_once(
        submit, personas, east_queue):
    """或签 straight from the queue: the claim is part of the decision, so of two candidates
    deciding at the same moment one decides and the other gets a clean conflict (409)."""
    from core.exceptions import ApprovalError

    mgr = personas["east_mgr"]
    for round_ in range(6):
        req = submit()
        item = open_item(req)
        assert item.assignee_id is None
        calls = [lambda pk=item.pk: services.task_approve(task_id=pk, actor=mgr, comment="同意"),
                 lambda pk=item.pk: services.task_return(task_id=pk, actor=east_queue,
                                                         reason="补充")]
        if round_ % 2:
            calls.reverse()

        outcomes = run_together(calls)

        won = [o for o in outcomes if isinstance(o, WorkItem)]
        lost = [o for o in outcomes if not isinstance(o, WorkItem)]
        assert len(won) == 1 and len(lost) == 1, outcomes
        assert isinstance(lost[0], StateConflictError), lost
        assert isinstance(lost[0], ApprovalError) and lost[0].status == 409
        decided = WorkItem.objects.get(pk=item.pk)
        assert decided.status == WorkItemStatus.DONE
        assert decided.assignee_id == decided.decided_by_id == won[0].decided_by_id
        assert not decided.candidate_set.filter(open=True).exists()
        events = list(AuditEvent.objects.filter(subject_id=str(req.object_id))
                      .exclude(event="demo.submitted").values_list("event", flat=True))
        assert events in (["demo.approved"], ["demo.returned"]), events
    assert verify_in_own_connection().ok


@pytest.mark.usefixtures("queue_matrix")
def test_claim_or_direct_decision_never_both_when_they_race(submit, personas, east_queue):
    mgr = personas["east_mgr"]
    for _ in range(4):
        req = submit()
        item = open_item(req)

        decided, claimed = run_together([
            lambda item=item: services.task_approve(task_id=item.pk, actor=mgr),
            lambda item=item: services.task_claim(task_id=item.pk, actor=east_queue),
        ])

        if isinstance(decided, WorkItem):
            assert isinstance(claimed, StateConflictError), claimed
            assert WorkItem.objects.get(pk=item.pk).decided_by == mgr
        else:
            # the claim came first: the task is east_mgr2's, so east_mgr may not decide it
            assert isinstance(claimed, WorkItem), claimed
            from core.exceptions import NotYourTaskError
            assert isinstance(decided, NotYourTaskError), decided
            assert open_item(req).assignee == east_queue
    assert verify_in_own_connection().ok
