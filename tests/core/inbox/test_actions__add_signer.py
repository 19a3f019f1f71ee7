"""加签: the holder of a chain step adds signers before or after their step."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core import engine
from core.audit.models import AuditEvent
from core.exceptions import (
    InvalidInputError,
    NotYourTaskError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.inbox import actions, services
from core.inbox.models import Decision, Notification, RequestStatus, WorkItem
from core.inbox.selectors import request_route
from core.org.models import Delegation

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = pytest.mark.django_db


def test_before_me_the_signer_decides_first_then_the_step_comes_back(
    submit, personas, django_capture_on_commit_callbacks
):
    req = submit()
    mine = open_item(req)
    legal = personas["legal"]

    with one_audit_event("demo.signer_added") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        engine.task_add_signer(task_id=mine.pk, actor=personas["east_mgr"], signers=[legal],
                               position="before", reason="合同条款需法务确认")

    event = audit["event"]
    assert event.comment == "合同条款需法务确认"
    assert event.data["position"] == "before" and event.data["signers"] == [legal.pk]
    assert "added a signer (Line manager)" in engine.describe_event(event)
    mine.refresh_from_db()
    assert mine.status == "done" and mine.decision == Decision.DEFERRED
    added = open_item(req)
    assert added.assignee == legal and added.step_code == "added_signer"
    assert Notification.objects.filter(recipient=legal, kind="assigned").exists()
    req.refresh_from_db()
    assert [s["code"] for s in req.chain] == ["added_signer", "line_manager"]
    assert req.status == RequestStatus.IN_REVIEW

    services.task_approve(task_id=added.pk, actor=legal, comment="条款可以")

    back = open_item(req)
    assert back.assignee == personas["east_mgr"] and back.step_code == "line_manager"
    services.task_approve(task_id=back.pk, actor=personas["east_mgr"])
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    route = request_route(req)
    assert [(r.code, r.state) for r in route] == [("added_signer", "done"),
                                                  ("line_manager", "done")]


def test_after_me_adds_a_step_after_the_holders_approval(submit, personas):
    req = submit()
    mine = open_item(req)
    finance = personas["finance"]

    actions.task_add_signer(task_id=mine.pk, actor=personas["east_mgr"], signers=[finance],
                            position="after", reason="费用较高", sla_hours=Decimal("4"))

    assert open_item(req).pk == mine.pk  # still with the holder
    services.task_approve(task_id=mine.pk, actor=personas["east_mgr"])
    added = open_item(req)
    assert added.assignee == finance and added.step_code == "added_signer"
    # its own SLA: 4 working hours from its opening
    assert added.due is not None and added.due - added.created <= timedelta(hours=4 + 15 + 48)
    services.task_approve(task_id=added.pk, actor=finance)
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_an_added_signer_can_reject_like_any_step(submit, personas):
    req = submit()
    actions.task_add_signer(task_id=open_item(req).pk, actor=personas["east_mgr"],
                            signers=[personas["legal"]], position="before", reason="check")
    services.task_reject(task_id=open_item(req).pk, actor=personas["legal"], reason="不合规")
    req.refresh_from_db()
    assert req.status == RequestStatus.REJECTED
    assert not WorkItem.objects.filter(request=req, status="open").exists()


def test_an_added_signer_can_return_to_the_submitter(submit, personas):
    req = submit()
    actions.task_add_signer(task_id=open_item(req).pk, actor=personas["east_mgr"],
                            signers=[personas["legal"]], position="before", reason="check")
    services.task_return(task_id=open_item(req).pk, actor=personas["legal"], reason="补材料")
    req.refresh_from_db()
    assert req.status == RequestStatus.RETURNED


def test_two_signers_after_me_sign_in_order(submit, personas):
    req = submit()
    mine = open_item(req)
    actions.task_add_signer(task_id=mine.pk, actor=personas["east_mgr"],
                            signers=[personas["legal"], personas["finance"]],
                            position="after", reason="both")
    services.task_approve(task_id=mine.pk, actor=personas["east_mgr"])
    first = open_item(req)
    assert first.assignee == personas["legal"]
    services.task_approve(task_id=first.pk, actor=personas["legal"])
    second = open_item(req)
    assert second.assignee == personas["finance"]


@pytest.mark.parametrize("who,error", [
    ("east_rep1", SegregationOfDutiesError), ("auditor", ReadOnlyRoleError),
])
def test_refused_signers(submit, personas, who, error):
    item = open_item(submit())
    with no_audit_event(), pytest.raises(error) as exc:
        actions.task_add_signer(task_id=item.pk, actor=personas["east_mgr"],
                                signers=[personas[who]], position="before", reason="x")
    assert "signers" in exc.value.fields
    assert open_item(item.request).pk == item.pk


def test_refused_when_the_signer_is_the_submitters_deputy(submit, personas):
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_rep1"], deputy=personas["legal"],
                              starts_on=today, ends_on=today + timedelta(days=2))
    item = open_item(submit())
    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        actions.task_add_signer(task_id=item.pk, actor=personas["east_mgr"],
                                signers=[personas["legal"]], position="after", reason="x")


def test_refused_when_the_signer_decided_another_step(submit, personas):
    req = submit("east_rep1", "12000.00")  # line manager, then the sales GM
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    gm_step = open_item(req)
    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        actions.task_add_signer(task_id=gm_step.pk, actor=personas["gm"],
                                signers=[personas["east_mgr"]], position="before", reason="x")


def test_refused_when_the_signer_already_signs_a_later_step(submit, personas):
    req = submit("east_rep1", "12000.00")
    with no_audit_event(), pytest.raises(InvalidInputError):
        actions.task_add_signer(task_id=open_item(req).pk, actor=personas["east_mgr"],
                                signers=[personas["gm"]], position="after", reason="x")


@pytest.mark.parametrize("who", ["gm", "east_rep1", "legal"])
def test_refused_when_someone_other_than_the_holder_adds(submit, personas, who):
    item = open_item(submit())
    with no_audit_event(), pytest.raises((NotYourTaskError, SegregationOfDutiesError)):
        actions.task_add_signer(task_id=item.pk, actor=personas[who],
                                signers=[personas["finance"]], position="after", reason="x")


@pytest.mark.parametrize("kwargs,field", [
    ({"reason": " "}, "reason"), ({"position": "beside"}, "position"),
    ({"signers": []}, "signers"), ({"sla_hours": Decimal("0")}, "sla_hours"),
])
def test_bad_input_names_the_field(submit, personas, kwargs, field):
    item = open_item(submit())
    args = {"signers": [personas["legal"]], "position": "before", "reason": "x", **kwargs}
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        actions.task_add_signer(task_id=item.pk, actor=personas["east_mgr"], **args)
    assert field in exc.value.fields


def test_refused_when_the_task_is_decided(submit, personas):
    item = open_item(submit())
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    with no_audit_event(), pytest.raises(StateConflictError):
        actions.task_add_signer(task_id=item.pk, actor=personas["east_mgr"],
                                signers=[personas["legal"]], position="before", reason="x")
    assert AuditEvent.objects.filter(event="demo.signer_added").count() == 0
