from datetime import timedelta

import pytest
from django.utils import timezone
from viewflow.workflow.status import STATUS

from core.exceptions import (
    InvalidInputError,
    NotYourTaskError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
)
from core.inbox import services
from core.inbox.models import Notification
from core.org.models import Delegation

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("manager", ["gm", "ceo"])
def test_task_moves_when_a_manager_above_the_assignee_reassigns(
    submit, personas, manager, django_capture_on_commit_callbacks
):
    req = submit()
    item = open_item(req)

    with one_audit_event("demo.task_reassigned") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        services.task_reassign(task_id=item.pk, actor=personas[manager],
                               assignee=personas["south_mgr"], reason=" east_mgr on leave ")

    item = open_item(req)
    assert item.assignee == personas["south_mgr"]
    assert item.task.owner == personas["south_mgr"]
    event = audit["event"]
    assert event.actor == personas[manager]
    assert event.comment == "east_mgr on leave"
    assert event.changes == {"assignee": [personas["east_mgr"].pk, personas["south_mgr"].pk]}
    req.refresh_from_db()
    assert list(req.waiting_on.all()) == [personas["south_mgr"]]
    told = set(Notification.objects.filter(kind="assigned", target__1__task_id=item.pk)
               .values_list("recipient__username", flat=True))
    assert "south_mgr" in told
    assert Notification.objects.filter(recipient=personas["east_mgr"],
                                       dedupe_key__startswith="task_reassigned-from").exists()


def test_new_holder_decides_and_old_cannot_when_task_reassigned(submit, personas):
    req = submit()
    item = open_item(req)
    services.task_reassign(task_id=item.pk, actor=personas["gm"], assignee=personas["south_mgr"],
                           reason="leave")

    with pytest.raises(NotYourTaskError):
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    services.task_approve(task_id=item.pk, actor=personas["south_mgr"])
    item.refresh_from_db()
    assert item.decided_by == personas["south_mgr"]


def test_task_moves_when_administrator_reassigns(submit, personas):
    req = submit()
    item = open_item(req)

    with one_audit_event("demo.task_reassigned"):
        services.task_reassign(task_id=item.pk, actor=personas["admin"],
                               assignee=personas["north_mgr"], reason="cover")

    assert open_item(req).assignee == personas["north_mgr"]


def test_permission_denied_when_unrelated_user_reassigns(submit, personas):
    req = submit()
    item = open_item(req)

    # Another region's manager, the holder themselves, a colleague, another department.
    for who in ("south_mgr", "east_mgr", "east_rep2", "finance"):
        with no_audit_event(), pytest.raises(PermissionDeniedError) as exc:
            services.task_reassign(task_id=item.pk, actor=personas[who],
                                   assignee=personas["north_mgr"], reason="mine now")
        assert type(exc.value) is PermissionDeniedError, who
    assert open_item(req).assignee == personas["east_mgr"]


def test_segregation_of_duties_when_reassigned_to_the_submitter(submit, personas):
    req = submit()
    item = open_item(req)

    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        services.task_reassign(task_id=item.pk, actor=personas["gm"],
                               assignee=personas["east_rep1"], reason="he knows best")
    assert open_item(req).assignee == personas["east_mgr"]


def test_segregation_of_duties_when_reassigned_to_the_submitters_deputy(submit, personas):
    req = submit()
    item = open_item(req)
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_rep1"], deputy=personas["north_mgr"],
                              starts_on=today, ends_on=today + timedelta(days=2))

    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        services.task_reassign(task_id=item.pk, actor=personas["gm"],
                               assignee=personas["north_mgr"], reason="cover")


@pytest.mark.parametrize("reason", ["", "   "])
def test_invalid_input_when_reassigning_without_reason(submit, personas, reason):
    req = submit()

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        services.task_reassign(task_id=open_item(req).pk, actor=personas["gm"],
                               assignee=personas["south_mgr"], reason=reason)
    assert "reason" in exc.value.fields


def test_invalid_input_when_reassigned_to_current_holder(submit, personas):
    req = submit()

    with no_audit_event(), pytest.raises(InvalidInputError):
        services.task_reassign(task_id=open_item(req).pk, actor=personas["gm"],
                               assignee=personas["east_mgr"], reason="same")


def test_invalid_input_when_reassigned_to_inactive_user(submit, personas):
    req = submit()
    gone = personas["north_mgr"]
    gone.is_active = False
    gone.save(update_fields=["is_active"])

    with no_audit_event(), pytest.raises(InvalidInputError):
        services.task_reassign(task_id=open_item(req).pk, actor=personas["gm"], assignee=gone,
                               reason="cover")


def test_read_only_when_reassigned_to_auditor(submit, personas):
    req = submit()

    with no_audit_event(), pytest.raises(ReadOnlyRoleError):
        services.task_reassign(task_id=open_item(req).pk, actor=personas["gm"],
                               assignee=personas["auditor"], reason="cover")


def test_queue_task_assigned_when_candidates_manager_reassigns(
    submit, personas, east_queue, queue_matrix
):
    req = submit()
    item = open_item(req)
    assert item.assignee is None

    with one_audit_event("demo.task_reassigned"):
        services.task_reassign(task_id=item.pk, actor=personas["gm"], assignee=east_queue,
                               reason="yours")

    item = open_item(req)
    assert item.assignee == east_queue
    assert item.task.status == STATUS.ASSIGNED


def test_new_holder_told_each_time_when_task_passed_back_and_forth(
    submit, personas, django_capture_on_commit_callbacks
):
    item = open_item(submit())
    gm, cover = personas["gm"], personas["south_mgr"]

    for new in (cover, personas["east_mgr"], cover):
        with django_capture_on_commit_callbacks(execute=True):
            services.task_reassign(task_id=item.pk, actor=gm, assignee=new, reason="cover")

    assert open_item(item.request).assignee == cover
    told = Notification.objects.filter(recipient=cover, kind="assigned",
                                       target__1__task_id=item.pk)
    assert told.count() == 2
