"""Auditors read everything and change nothing: every write service refuses them."""

import pytest

from core.exceptions import PermissionDeniedError, ReadOnlyRoleError
from core.inbox import services
from core.inbox.models import RequestStatus, WorkItem

from .helpers import no_audit_event, open_item

pytestmark = pytest.mark.django_db

WRITES = {
    "approve": lambda t, r, a, p: services.task_approve(task_id=t, actor=a, comment="ok"),
    "reject": lambda t, r, a, p: services.task_reject(task_id=t, actor=a, reason="no"),
    "return": lambda t, r, a, p: services.task_return(task_id=t, actor=a, reason="fix"),
    "claim": lambda t, r, a, p: services.task_claim(task_id=t, actor=a),
    "reassign": lambda t, r, a, p: services.task_reassign(
        task_id=t, actor=a, assignee=p["south_mgr"], reason="cover"),
    "comment": lambda t, r, a, p: services.request_comment(request_id=r, actor=a,
                                                           comment="looks odd"),
}


@pytest.mark.parametrize("action", sorted(WRITES))
def test_read_only_error_when_auditor_writes(submit, personas, action, queue_matrix):
    req = submit()
    item = open_item(req)  # a queue task, so that claiming is possible in principle
    assert item.assignee is None

    with no_audit_event(), pytest.raises(ReadOnlyRoleError):
        WRITES[action](item.pk, req.pk, personas["auditor"], personas)

    item = WorkItem.objects.get(pk=item.pk)
    assert item.is_open and item.assignee is None
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW


def test_read_only_error_when_auditor_reassigns_directly_assigned_task(submit, personas):
    req = submit()

    with no_audit_event(), pytest.raises(ReadOnlyRoleError):
        services.task_reassign(task_id=open_item(req).pk, actor=personas["auditor"],
                               assignee=personas["south_mgr"], reason="cover")


def test_read_only_code_when_auditor_bulk_approves(submit, personas):
    item = open_item(submit())

    with no_audit_event():
        results = services.tasks_bulk_approve(task_ids=[item.pk], actor=personas["auditor"])

    assert [(r.ok, r.code) for r in results] == [(False, "read_only_role")]


@pytest.mark.parametrize("action", ["withdraw", "resubmit", "release"])
def test_refused_when_auditor_acts_on_what_only_its_holder_may_change(
    submit, personas, action
):
    # The auditor never holds a task nor submits a request, so ownership refuses them first.
    req = submit()
    item = open_item(req)
    if action == "resubmit":
        services.task_return(task_id=item.pk, actor=personas["east_mgr"], reason="fix")
    status_before = status_of(req)
    call = {
        "withdraw": lambda: services.request_withdraw(request_id=req.pk,
                                                      actor=personas["auditor"]),
        "resubmit": lambda: services.request_resubmit(request_id=req.pk,
                                                      actor=personas["auditor"]),
        "release": lambda: services.task_release(task_id=item.pk, actor=personas["auditor"]),
    }[action]

    with no_audit_event(), pytest.raises(PermissionDeniedError):
        call()

    assert status_of(req) == status_before


def status_of(req):  # noqa: N802
    req.refresh_from_db()
    return req.status
