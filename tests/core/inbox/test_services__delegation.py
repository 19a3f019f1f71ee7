from datetime import timedelta

import pytest
from django.utils import timezone

from core.exceptions import NotYourTaskError, SegregationOfDutiesError
from core.inbox import services
from core.inbox.models import RequestStatus
from core.org.models import Delegation

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = pytest.mark.django_db


def delegate(principal, deputy, *, days=(0, 0), kinds=None):
    today = timezone.localdate()
    return Delegation.objects.create(
        principal=principal, deputy=deputy, starts_on=today + timedelta(days=days[0]),
        ends_on=today + timedelta(days=days[1]), kinds=kinds or [],
    )


def test_principal_recorded_as_acting_for_when_deputy_approves(submit, personas):
    req = submit()
    item = open_item(req)
    delegate(personas["east_mgr"], personas["east_rep2"])

    with one_audit_event("demo.approved") as audit:
        services.task_approve(task_id=item.pk, actor=personas["east_rep2"], comment="for Zhang")

    item.refresh_from_db()
    assert item.decided_by == personas["east_rep2"]
    assert item.acting_for == personas["east_mgr"]
    event = audit["event"]
    assert event.actor == personas["east_rep2"]
    assert event.on_behalf_of == personas["east_mgr"]
    assert event.on_behalf_of_name == "east_mgr"
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_acting_for_empty_when_principal_decides_during_delegation(submit, personas):
    req = submit()
    item = open_item(req)
    delegate(personas["east_mgr"], personas["east_rep2"])

    with one_audit_event("demo.approved") as audit:
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])

    item.refresh_from_db()
    assert item.acting_for is None
    assert audit["event"].on_behalf_of is None


def test_deputy_rejects_for_principal_when_delegation_covers_the_kind(submit, personas):
    req = submit()
    delegate(personas["east_mgr"], personas["east_rep2"], kinds=["demo"])

    with one_audit_event("demo.rejected") as audit:
        services.task_reject(task_id=open_item(req).pk, actor=personas["east_rep2"],
                             reason="not in budget")

    assert audit["event"].on_behalf_of == personas["east_mgr"]


@pytest.mark.parametrize(
    ("days", "kinds"),
    [((-3, -1), None), ((1, 3), None), ((0, 2), ["expense"])],
    ids=["ended", "not-started", "other-kind"],
)
def test_not_your_task_when_delegation_does_not_cover_today_and_kind(
    submit, personas, days, kinds
):
    req = submit()
    delegate(personas["east_mgr"], personas["east_rep2"], days=days, kinds=kinds)

    with no_audit_event(), pytest.raises(NotYourTaskError):
        services.task_approve(task_id=open_item(req).pk, actor=personas["east_rep2"])


def test_segregation_of_duties_when_submitters_deputy_decides(submit, personas):
    req = submit()
    # After submission the submitter makes their own approver their deputy.
    delegate(personas["east_rep1"], personas["east_mgr"])

    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    assert open_item(req).is_open


def test_segregation_of_duties_when_deputy_decides_own_request_for_principal(submit, personas):
    delegate(personas["east_mgr"], personas["east_rep2"])
    req = submit("east_rep2")
    assert open_item(req).assignee == personas["east_mgr"]

    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        services.task_approve(task_id=open_item(req).pk, actor=personas["east_rep2"])


def test_deputy_claims_for_principal_when_principal_is_queue_candidate(
    submit, personas, east_queue, queue_matrix
):
    req = submit()
    item = open_item(req)
    delegate(east_queue, personas["east_rep3"])

    with one_audit_event("demo.task_claimed") as audit:
        services.task_claim(task_id=item.pk, actor=personas["east_rep3"])

    assert audit["event"].actor == personas["east_rep3"]
    assert audit["event"].on_behalf_of == east_queue


def test_principal_recorded_when_deputy_claims_then_approves(
    submit, personas, east_queue, queue_matrix
):
    req = submit()
    item = open_item(req)
    delegate(east_queue, personas["east_rep3"])
    services.task_claim(task_id=item.pk, actor=personas["east_rep3"])

    with one_audit_event("demo.approved") as audit:
        services.task_approve(task_id=item.pk, actor=personas["east_rep3"])

    item.refresh_from_db()
    assert item.decided_by == personas["east_rep3"]
    assert item.acting_for == east_queue
    assert audit["event"].on_behalf_of == east_queue


def test_not_your_task_when_deputy_decides_claimed_task_after_delegation_ends(
    submit, personas, east_queue, queue_matrix
):
    req = submit()
    item = open_item(req)
    delegation = delegate(east_queue, personas["east_rep3"])
    services.task_claim(task_id=item.pk, actor=personas["east_rep3"])
    past = timezone.localdate() - timedelta(days=5)
    Delegation.objects.filter(pk=delegation.pk).update(starts_on=past, ends_on=past)

    # A salesperson holds no regional-manager authority of their own.
    with no_audit_event(), pytest.raises(NotYourTaskError):
        services.task_approve(task_id=item.pk, actor=personas["east_rep3"])
