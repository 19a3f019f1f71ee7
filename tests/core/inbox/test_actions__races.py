"""Races on PostgreSQL for the actions beside a decision: real threads, real commits."""

import pytest

from core.audit.models import AuditEvent
from core.exceptions import NotYourTaskError, StateConflictError
from core.inbox import actions, services
from core.inbox.models import Notification, Urge, WorkItem, WorkItemStatus

from .helpers import open_item, run_together, verify_in_own_connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def test_transfer_or_approve_never_both_when_they_race(submit, personas):
    mgr, cover = personas["east_mgr"], personas["south_mgr"]
    outcomes = set()
    for _ in range(10):
        item = open_item(submit())

        approved, transferred = run_together([
            lambda item=item: services.task_approve(task_id=item.pk, actor=mgr),
            lambda item=item: actions.task_transfer(task_id=item.pk, actor=mgr,
                                                    assignee=cover, reason="leave"),
        ])

        row = WorkItem.objects.get(pk=item.pk)
        if isinstance(approved, WorkItem):
            # approved first: the transfer found the task decided
            assert isinstance(transferred, StateConflictError), transferred
            assert row.status == WorkItemStatus.DONE and row.decided_by == mgr
            assert row.assignee == mgr
            outcomes.add("approved")
        else:
            # transferred first: the approval found the task with someone else
            assert isinstance(transferred, WorkItem), transferred
            assert isinstance(approved, NotYourTaskError), approved
            assert row.status == WorkItemStatus.OPEN and row.assignee == cover
            outcomes.add("transferred")
        events = set(AuditEvent.objects.filter(subject_id=str(row.request.object_id))
                     .values_list("event", flat=True))
        assert not {"demo.approved", "demo.task_transferred"} <= events
    assert verify_in_own_connection().ok
    assert outcomes  # which one wins is the scheduler's choice


def test_one_urge_when_two_urges_race(submit, personas):
    rep = personas["east_rep1"]
    item = open_item(submit())

    outcomes = run_together([lambda: actions.task_urge(task_id=item.pk, actor=rep)] * 4)

    won = [o for o in outcomes if isinstance(o, Urge)]
    refused = [o for o in outcomes if not isinstance(o, Urge)]
    assert len(won) == 1, outcomes
    assert all(isinstance(o, actions.UrgeTooSoonError) for o in refused), refused
    assert Urge.objects.filter(work_item_id=item.pk).count() == 1
    assert AuditEvent.objects.filter(event="demo.urged").count() == 1
    assert Notification.objects.filter(kind="urgent").count() <= 1  # sent by the relay/worker
    assert verify_in_own_connection().ok


def test_add_signer_before_me_or_approve_never_both_when_they_race(submit, personas):
    mgr, legal = personas["east_mgr"], personas["legal"]
    seen = set()
    for _ in range(10):
        req = submit()
        item = open_item(req)

        approved, added = run_together([
            lambda item=item: services.task_approve(task_id=item.pk, actor=mgr),
            lambda item=item: actions.task_add_signer(task_id=item.pk, actor=mgr,
                                                      signers=[legal], position="before",
                                                      reason="法务确认"),
        ])

        row = WorkItem.objects.get(pk=item.pk)
        req.refresh_from_db()
        opened = list(WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN))
        if isinstance(approved, WorkItem):
            assert isinstance(added, StateConflictError), added
            assert row.decision == "approved" and req.status == "approved" and not opened
            assert [s["code"] for s in req.chain] == ["line_manager"]
            seen.add("approved")
        else:
            assert isinstance(added, WorkItem), added
            assert isinstance(approved, StateConflictError), approved
            assert row.decision == "deferred"
            assert [(i.step_code, i.assignee_id) for i in opened] == [("added_signer", legal.pk)]
            seen.add("added")
    assert verify_in_own_connection().ok
    assert seen
