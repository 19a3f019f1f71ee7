import pytest
from viewflow.workflow.status import PROCESS, STATUS

from core.audit.models import AuditEvent
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    NotYourTaskError,
    PermissionDeniedError,
    StateConflictError,
)
from core.inbox import services
from core.inbox.models import Decision, RequestStatus, WorkItem, WorkItemStatus
from workflows.demo.models import DemoRequest, DemoState

from .helpers import no_audit_event, one_audit_event, open_item, open_items

pytestmark = pytest.mark.django_db


def test_next_task_created_for_gm_when_line_manager_approves_intermediate_step(
    submit, personas
):
    req = submit(amount="15000")
    first = open_item(req)
    assert first.assignee == personas["east_mgr"]
    assert first.step_code == "line_manager"

    with one_audit_event("demo.step_approved") as audit:
        services.task_approve(task_id=first.pk, actor=personas["east_mgr"], comment="ok")

    first.refresh_from_db()
    assert (first.status, first.decision) == (WorkItemStatus.DONE, Decision.APPROVED)
    assert first.decided_by == personas["east_mgr"] and first.acting_for is None
    nxt = open_item(req)
    assert nxt.assignee == personas["gm"]
    assert (nxt.step_code, nxt.step_index) == ("sales_gm", 1)
    assert nxt.task.status == STATUS.ASSIGNED
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW
    assert list(req.waiting_on.all()) == [personas["gm"]]
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.SUBMITTED
    assert audit["event"].actor == personas["east_mgr"]
    assert audit["event"].comment == "ok"


def test_request_approved_and_process_done_when_last_step_approved(submit, personas):
    req = submit(amount="15000")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    last = open_item(req)

    with one_audit_event("demo.approved") as audit:
        services.task_approve(task_id=last.pk, actor=personas["gm"])

    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    assert req.process.status == PROCESS.DONE
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.APPROVED
    assert open_items(req) == []
    assert req.waiting_on.count() == 0
    assert (audit["event"].from_state, audit["event"].to_state) == ("submitted", "approved")


def test_single_step_chain_approved_when_amount_below_gm_threshold(submit, personas):
    req = submit(amount="9999.99")
    assert [s["code"] for s in req.chain] == ["line_manager"]

    with one_audit_event("demo.approved"):
        services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])

    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_gm_step_added_when_amount_reaches_ten_thousand(submit):
    req = submit(amount="10000.00")

    assert [s["code"] for s in req.chain] == ["line_manager", "sales_gm"]


def test_invalid_input_when_rejecting_without_reason(submit, personas):
    req = submit()
    item = open_item(req)

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        services.task_reject(task_id=item.pk, actor=personas["east_mgr"], reason="   ")

    assert "reason" in exc.value.fields
    assert open_item(req).pk == item.pk


def test_request_rejected_with_no_open_tasks_when_approver_rejects(submit, personas):
    req = submit(amount="15000")
    item = open_item(req)

    with one_audit_event("demo.rejected") as audit:
        services.task_reject(task_id=item.pk, actor=personas["east_mgr"], reason=" too much ")

    req.refresh_from_db()
    assert req.status == RequestStatus.REJECTED
    assert req.process.status == PROCESS.DONE
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.REJECTED
    assert open_items(req) == []
    item.refresh_from_db()
    assert (item.decision, item.comment) == (Decision.REJECTED, "too much")
    assert audit["event"].comment == "too much"


def test_revision_task_for_submitter_when_returned_to_submitter(submit, personas):
    req = submit(amount="15000")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])

    with one_audit_event("demo.returned"):
        services.task_return(task_id=open_item(req).pk, actor=personas["gm"],
                             reason="attach the invoice")

    req.refresh_from_db()
    assert req.status == RequestStatus.RETURNED
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.RETURNED
    revision = open_item(req)
    assert revision.is_revision
    assert revision.assignee == personas["east_rep1"]
    assert revision.due is None
    assert list(req.waiting_on.all()) == [personas["east_rep1"]]


def test_invalid_input_when_returning_without_reason(submit, personas):
    req = submit()

    with no_audit_event(), pytest.raises(InvalidInputError):
        services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"], reason="")


def test_chain_restarts_at_first_step_when_submitter_resubmits(submit, personas):
    req = submit(amount="15000")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    services.task_return(task_id=open_item(req).pk, actor=personas["gm"], reason="fix it")
    revision = open_item(req)

    with one_audit_event("demo.resubmitted"):
        services.request_resubmit(request_id=req.pk, actor=personas["east_rep1"],
                                  comment="invoice attached")

    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW
    assert req.step_index == 0
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.SUBMITTED
    revision.refresh_from_db()
    assert (revision.status, revision.decision) == (WorkItemStatus.DONE, Decision.REVISED)
    again = open_item(req)
    assert (again.assignee, again.step_code, again.step_index) == (
        personas["east_mgr"], "line_manager", 0)
    events = list(AuditEvent.objects.filter(subject_kind="demo", subject_id=str(req.object_id))
                  .order_by("subject_seq").values_list("event", flat=True))
    assert events == ["demo.submitted", "demo.step_approved", "demo.returned",
                      "demo.resubmitted"]
    # The whole history stays: both decided tasks and the revision are kept.
    assert WorkItem.objects.filter(request=req).count() == 4


def test_request_approved_when_resubmitted_request_goes_through_the_chain_again(
    submit, personas
):
    req = submit(amount="15000")
    services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"], reason="fix")
    services.request_resubmit(request_id=req.pk, actor=personas["east_rep1"])
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    services.task_approve(task_id=open_item(req).pk, actor=personas["gm"])

    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.APPROVED


def test_refused_when_someone_else_resubmits(submit, personas):
    req = submit()
    services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"], reason="fix")

    with no_audit_event(), pytest.raises(PermissionDeniedError):
        services.request_resubmit(request_id=req.pk, actor=personas["east_mgr"])


def test_state_conflict_when_resubmitting_a_request_in_review(submit, personas):
    req = submit()

    with no_audit_event(), pytest.raises(StateConflictError):
        services.request_resubmit(request_id=req.pk, actor=personas["east_rep1"])


def test_invalid_input_when_deciding_the_revision_task(submit, personas):
    req = submit()
    services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"], reason="fix")

    with no_audit_event(), pytest.raises(InvalidInputError):
        services.task_approve(task_id=open_item(req).pk, actor=personas["east_rep1"])


def test_new_task_for_first_approver_when_returned_to_earlier_step(submit, personas):
    req = submit(amount="15000")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    gm_item = open_item(req)

    with one_audit_event("demo.returned") as audit:
        services.task_return(task_id=gm_item.pk, actor=personas["gm"], reason="check again",
                             to_step=0)

    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW
    assert DemoRequest.objects.get(pk=req.object_id).state == DemoState.SUBMITTED
    again = open_item(req)
    assert not again.is_revision
    assert (again.assignee, again.step_index) == (personas["east_mgr"], 0)
    assert audit["event"].data["to_step"] == 0
    # ...and the chain then continues to the GM again.
    services.task_approve(task_id=again.pk, actor=personas["east_mgr"])
    assert open_item(req).assignee == personas["gm"]


@pytest.mark.parametrize("to_step", [1, 2, -1])
def test_invalid_input_when_returning_to_a_step_not_before_this_one(submit, personas, to_step):
    req = submit(amount="15000")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    gm_item = open_item(req)

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        services.task_return(task_id=gm_item.pk, actor=personas["gm"], reason="x",
                             to_step=to_step)

    assert "to_step" in exc.value.fields
    assert open_item(req).pk == gm_item.pk
    req.refresh_from_db()
    assert (req.status, req.step_index) == (RequestStatus.IN_REVIEW, 1)


def test_invalid_input_when_first_step_returns_to_an_earlier_step(submit, personas):
    req = submit(amount="15000")

    with no_audit_event(), pytest.raises(InvalidInputError):
        services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"],
                             reason="x", to_step=0)


def test_state_conflict_when_task_decided_twice(submit, personas):
    req = submit()
    item = open_item(req)
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])

    with no_audit_event(), pytest.raises(StateConflictError):
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    with no_audit_event(), pytest.raises(StateConflictError):
        services.task_reject(task_id=item.pk, actor=personas["east_mgr"], reason="changed mind")


def test_state_conflict_when_deciding_on_a_withdrawn_request(submit, personas):
    req = submit()
    item = open_item(req)
    services.request_withdraw(request_id=req.pk, actor=personas["east_rep1"])

    for decide in (
        lambda: services.task_approve(task_id=item.pk, actor=personas["east_mgr"]),
        lambda: services.task_reject(task_id=item.pk, actor=personas["east_mgr"], reason="x"),
        lambda: services.task_return(task_id=item.pk, actor=personas["east_mgr"], reason="x"),
    ):
        with no_audit_event(), pytest.raises(StateConflictError):
            decide()
    req.refresh_from_db()
    assert req.status == RequestStatus.WITHDRAWN


def test_not_your_task_when_a_colleague_approves(submit, personas):
    req = submit()

    with no_audit_event(), pytest.raises(NotYourTaskError):
        services.task_approve(task_id=open_item(req).pk, actor=personas["south_mgr"])


def test_not_found_when_task_does_not_exist(personas):
    with pytest.raises(NotFoundError):
        services.task_approve(task_id=987654, actor=personas["east_mgr"])
