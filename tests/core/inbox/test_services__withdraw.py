import pytest
from viewflow.workflow.status import PROCESS, STATUS

from core.exceptions import PermissionDeniedError, StateConflictError
from core.inbox import services
from core.inbox.models import Notification, RequestStatus, WorkItem, WorkItemStatus
from workflows.demo.models import DemoRequest, DemoState

from .helpers import no_audit_event, one_audit_event, open_item, open_items

pytestmark = pytest.mark.django_db


def test_open_tasks_cancelled_when_submitter_withdraws(
    submit, personas, django_capture_on_commit_callbacks
):
    req = submit(amount="15000")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    gm_item = open_item(req)

    with one_audit_event("demo.withdrawn") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        services.request_withdraw(request_id=req.pk, actor=personas["east_rep1"],
                                  reason="bought it cheaper")

    req.refresh_from_db()
    assert req.status == RequestStatus.WITHDRAWN
    assert req.process.status == PROCESS.CANCELED
    assert req.waiting_on.count() == 0
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.WITHDRAWN
    assert open_items(req) == []
    gm_item.refresh_from_db()
    assert gm_item.status == WorkItemStatus.CANCELLED
    assert gm_item.task.status == STATUS.CANCELED
    # The step already decided keeps its decision.
    assert WorkItem.objects.filter(request=req, status=WorkItemStatus.DONE).count() == 1
    event = audit["event"]
    assert (event.from_state, event.to_state) == ("submitted", "withdrawn")
    assert event.comment == "bought it cheaper"
    assert list(Notification.objects.filter(kind="withdrawn")
                .values_list("recipient__username", flat=True)) == ["gm"]


def test_revision_cancelled_when_returned_request_withdrawn(submit, personas):
    req = submit()
    services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"], reason="fix")

    with one_audit_event("demo.withdrawn"):
        services.request_withdraw(request_id=req.pk, actor=personas["east_rep1"])

    req.refresh_from_db()
    assert req.status == RequestStatus.WITHDRAWN
    assert open_items(req) == []
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.WITHDRAWN


def test_permission_denied_when_someone_else_withdraws(submit, personas):
    req = submit()

    for who in ("east_mgr", "east_rep2", "gm", "admin"):
        with no_audit_event(), pytest.raises(PermissionDeniedError):
            services.request_withdraw(request_id=req.pk, actor=personas[who])

    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW
    assert len(open_items(req)) == 1


def test_state_conflict_when_withdrawn_twice(submit, personas):
    req = submit()
    services.request_withdraw(request_id=req.pk, actor=personas["east_rep1"])

    with no_audit_event(), pytest.raises(StateConflictError):
        services.request_withdraw(request_id=req.pk, actor=personas["east_rep1"])


def test_state_conflict_when_withdrawing_after_final_approval(submit, personas):
    req = submit()
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])

    with no_audit_event(), pytest.raises(StateConflictError):
        services.request_withdraw(request_id=req.pk, actor=personas["east_rep1"])

    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    assert req.process.status == PROCESS.DONE
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.APPROVED


def test_state_conflict_when_withdrawing_a_rejected_request(submit, personas):
    req = submit()
    services.task_reject(task_id=open_item(req).pk, actor=personas["east_mgr"], reason="no")

    with no_audit_event(), pytest.raises(StateConflictError):
        services.request_withdraw(request_id=req.pk, actor=personas["east_rep1"])
