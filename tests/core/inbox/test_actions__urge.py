"""催办: the submitter (or a manager above the holder) urges an open task, at most once per
task every 4 working hours (core/inbox/actions.py)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from core import engine
from core.exceptions import PermissionDeniedError, ReadOnlyRoleError, StateConflictError
from core.inbox import actions, services
from core.inbox.models import Notification, Urge
from core.org.models import Delegation

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = pytest.mark.django_db

SH = ZoneInfo("Asia/Shanghai")
MONDAY_10 = datetime(2026, 12, 7, 10, 0, tzinfo=SH)  # a working Monday


def test_holder_gets_an_urgent_notification_when_the_submitter_urges(
    submit, personas, django_capture_on_commit_callbacks
):
    req = submit()
    item = open_item(req)

    with one_audit_event("demo.urged") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        urge = engine.task_urge(task_id=item.pk, actor=personas["east_rep1"], comment="客户在等")

    assert urge.recipient_ids == [personas["east_mgr"].pk]
    event = audit["event"]
    assert event.actor == personas["east_rep1"]
    assert event.comment == "客户在等"
    assert event.data["recipients"] == [personas["east_mgr"].pk]
    note = Notification.objects.get(recipient=personas["east_mgr"], kind="urgent")
    assert note.target == ["inbox:task", {"task_id": item.pk}]
    assert str(personas["east_rep1"]) in note.display
    assert actions.urge_count(req) == 1


def test_second_urge_refused_with_the_next_allowed_time_within_four_working_hours(
    submit, personas
):
    with time_machine.travel(MONDAY_10, tick=False):
        item = open_item(submit())
        actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])
    with time_machine.travel(MONDAY_10 + timedelta(hours=3, minutes=59), tick=False), \
            no_audit_event(), pytest.raises(actions.UrgeTooSoonError) as exc:
        actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])
    assert exc.value.status == 409 and exc.value.code == "urge_too_soon"
    assert "14:00" in str(exc.value.message)
    assert exc.value.fields["next_urge_at"] == ["2026-12-07T14:00:00+08:00"]
    with time_machine.travel(MONDAY_10 + timedelta(hours=4), tick=False):
        actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])
    assert Urge.objects.filter(work_item=item).count() == 2


def test_the_interval_counts_working_hours_only(submit, personas):
    friday_16 = datetime(2026, 12, 4, 16, 0, tzinfo=SH)
    with time_machine.travel(friday_16, tick=False):
        item = open_item(submit())
        actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])
    # Two hours on Friday, two on Monday morning: Monday 11:00.
    assert actions.next_urge_at(friday_16) == datetime(2026, 12, 7, 11, 0, tzinfo=SH)
    with time_machine.travel(datetime(2026, 12, 7, 10, 59, tzinfo=SH), tick=False), \
            pytest.raises(actions.UrgeTooSoonError):
        actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])


@override_settings(URGE_INTERVAL_HOURS="1")
def test_the_interval_is_configurable(submit, personas):
    with time_machine.travel(MONDAY_10, tick=False):
        item = open_item(submit())
        actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])
    with time_machine.travel(MONDAY_10 + timedelta(hours=1), tick=False):
        actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])


def test_each_task_has_its_own_interval(submit, personas):
    a, b = open_item(submit()), open_item(submit())
    actions.task_urge(task_id=a.pk, actor=personas["east_rep1"])
    actions.task_urge(task_id=b.pk, actor=personas["east_rep1"])


def test_a_manager_above_the_holder_may_urge(submit, personas):
    item = open_item(submit())  # with east_mgr, whose manager is gm
    with one_audit_event("demo.urged"):
        actions.task_urge(task_id=item.pk, actor=personas["gm"])


@pytest.mark.parametrize("who", ["east_rep2", "south_mgr", "finance", "admin", "east_mgr"])
def test_refused_when_neither_submitter_nor_above_the_holder_urges(submit, personas, who):
    item = open_item(submit())
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        actions.task_urge(task_id=item.pk, actor=personas[who])


def test_refused_for_an_auditor(submit, personas):
    item = open_item(submit())
    with no_audit_event(), pytest.raises(ReadOnlyRoleError):
        actions.task_urge(task_id=item.pk, actor=personas["auditor"])


def test_refused_when_the_task_is_closed(submit, personas):
    item = open_item(submit())
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    with no_audit_event(), pytest.raises(StateConflictError):
        actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])


def test_an_urge_reaches_the_holder_and_their_deputy_while_out_of_office(
    submit, personas, django_capture_on_commit_callbacks
):
    item = open_item(submit())
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["north_mgr"],
                              starts_on=today, ends_on=today + timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        urge = actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])
    assert set(urge.recipient_ids) == {personas["east_mgr"].pk, personas["north_mgr"].pk}
    assert set(Notification.objects.filter(kind="urgent").values_list(
        "recipient__username", flat=True)) == {"east_mgr", "north_mgr"}


def test_an_urge_on_a_queue_task_reaches_every_candidate(
    submit, personas, east_queue, queue_matrix
):
    item = open_item(submit())
    urge = actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])
    assert set(urge.recipient_ids) == {personas["east_mgr"].pk, east_queue.pk}
