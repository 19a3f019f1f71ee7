"""Real threads, each with its own PostgreSQL connection, committing for real."""

import pytest
from viewflow.workflow.status import PROCESS

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.exceptions import StateConflictError
from core.inbox import services
from core.inbox.models import RequestStatus, WorkItem, WorkItemStatus
from workflows.demo.models import DemoRequest, DemoState

from .helpers import open_item, run_together

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("audit_flush_allowed"),
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
    assert verify_all(save=False).ok


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
    assert verify_all(save=False).ok
