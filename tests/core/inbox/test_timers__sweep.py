import dataclasses
from datetime import datetime

import pytest
import time_machine
from django.utils import timezone

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.exceptions import NotYourTaskError
from core.inbox import services, timers
from core.inbox.models import Escalation, Notification, NotificationKind, WorkItem
from core.inbox.rules import TZ

from .helpers import open_item

pytestmark = pytest.mark.django_db

# Created Monday 10:00; 16 working hours (no rule) -> due Tuesday 17:00, reminder Tuesday 13:00.
CREATED = datetime(2025, 3, 3, 10, 0, tzinfo=TZ)
REMIND_AT = datetime(2025, 3, 4, 13, 0, tzinfo=TZ)
DUE = datetime(2025, 3, 4, 17, 0, tzinfo=TZ)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=TZ)


@pytest.fixture
def task_at_monday(submit):
    with time_machine.travel(CREATED, tick=False):
        req = submit(amount="800")
    item = open_item(req)
    assert (item.due, item.remind_at) == (DUE, REMIND_AT)
    return item


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """timers.sweep with its after-commit notifications delivered (Celery is eager here); the
    task engine's own counts (the processes' own sweeps are tested with each process)."""

    def run(now):
        with django_capture_on_commit_callbacks(execute=True):
            result = timers.sweep(now=now)
        return {"escalated": result["escalated"], "reminded": result["reminded"]}

    return run


def notes(kind: str) -> list[str]:
    return sorted(Notification.objects.filter(kind=kind)
                  .values_list("recipient__username", flat=True))


def test_nothing_happens_when_no_deadline_is_near(task_at_monday, sweep):
    assert sweep(at(4, 12, 59)) == {"escalated": 0, "reminded": 0}
    assert notes(NotificationKind.REMINDER) == []


def test_assignee_reminded_once_when_reminder_time_passes(task_at_monday, sweep, personas):
    assert sweep(at(4, 13, 30)) == {"escalated": 0, "reminded": 1}
    assert notes(NotificationKind.REMINDER) == ["east_mgr"]
    assert WorkItem.objects.get(pk=task_at_monday.pk).reminded

    assert sweep(at(4, 13, 31)) == {"escalated": 0, "reminded": 0}
    assert sweep(at(4, 16, 59)) == {"escalated": 0, "reminded": 0}
    assert notes(NotificationKind.REMINDER) == ["east_mgr"]


def test_every_candidate_reminded_when_task_is_in_a_queue(
    submit, sweep, personas, east_queue, queue_matrix
):
    with time_machine.travel(CREATED, tick=False):
        submit()

    assert sweep(at(4, 14))["reminded"] == 1
    assert notes(NotificationKind.REMINDER) == ["east_mgr", "east_mgr2"]


def test_task_moves_to_line_manager_when_deadline_passes(task_at_monday, sweep, personas):
    events_before = AuditEvent.objects.count()

    assert sweep(at(4, 17, 30)) == {"escalated": 1, "reminded": 0}

    item = WorkItem.objects.select_related("task").get(pk=task_at_monday.pk)
    assert item.assignee == personas["gm"]
    assert item.task.owner == personas["gm"]
    assert item.escalation_level == 1
    assert item.due == at(6, 15, 30)  # 16 working hours from the escalation
    assert not item.reminded
    escalation = Escalation.objects.get(work_item=item)
    assert (escalation.level, escalation.from_user, escalation.to_user) == (
        1, personas["east_mgr"], personas["gm"])
    new_events = list(AuditEvent.objects.order_by("seq")[events_before:])
    assert [e.event for e in new_events] == ["demo.task_escalated"]
    assert new_events[0].actor is None and new_events[0].actor_name == "system"
    assert new_events[0].data["level"] == 1
    # the old and the new holder, and the submitter
    assert notes(NotificationKind.ESCALATED) == ["east_mgr", "east_rep1", "gm"]
    item.request.refresh_from_db()
    assert list(item.request.waiting_on.all()) == [personas["gm"]]
    assert verify_all(save=False).ok


def test_nothing_escalated_twice_when_sweeping_again_at_the_same_time(
    task_at_monday, sweep
):
    sweep(at(4, 17, 30))
    events_before = AuditEvent.objects.count()

    assert sweep(at(4, 17, 30)) == {"escalated": 0, "reminded": 0}
    assert sweep(at(5, 9)) == {"escalated": 0, "reminded": 0}

    assert Escalation.objects.count() == 1
    assert AuditEvent.objects.count() == events_before
    assert notes(NotificationKind.ESCALATED) == ["east_mgr", "east_rep1", "gm"]


def test_next_manager_gets_it_when_escalated_task_passes_its_new_deadline(
    task_at_monday, sweep, personas
):
    sweep(at(4, 17, 30))

    assert sweep(at(6, 16))["escalated"] == 1

    item = WorkItem.objects.get(pk=task_at_monday.pk)
    assert (item.assignee, item.escalation_level) == (personas["ceo"], 2)
    assert list(Escalation.objects.filter(work_item=item).order_by("level")
                .values_list("level", "from_user__username", "to_user__username")) == [
        (1, "east_mgr", "gm"), (2, "gm", "ceo")]
    assert AuditEvent.objects.filter(event="demo.task_escalated").count() == 2


def test_administrator_gets_it_when_nobody_above_the_holder(task_at_monday, sweep, personas):
    sweep(at(4, 17, 30))  # -> gm
    sweep(at(6, 16))  # -> ceo
    item = WorkItem.objects.get(pk=task_at_monday.pk)

    assert sweep(item.due)["escalated"] == 1  # the ceo has no manager

    item.refresh_from_db()
    assert (item.assignee, item.escalation_level) == (personas["admin"], 3)
    assert sweep(item.due)["escalated"] == 0  # nobody is left above the administrator
    assert Escalation.objects.count() == 3


def test_new_holder_reminded_when_escalated_task_nears_its_new_deadline(
    task_at_monday, sweep
):
    sweep(at(4, 13, 30))
    sweep(at(4, 17, 30))

    assert sweep(at(6, 12))["reminded"] == 1

    assert notes(NotificationKind.REMINDER) == ["east_mgr", "gm"]


def test_escalated_holder_decides_and_former_holder_cannot_when_task_escalated(
    task_at_monday, sweep, personas
):
    sweep(at(4, 17, 30))

    with pytest.raises(NotYourTaskError):
        services.task_approve(task_id=task_at_monday.pk, actor=personas["east_mgr"])
    services.task_approve(task_id=task_at_monday.pk, actor=personas["gm"])

    assert sweep(at(10, 9)) == {"escalated": 0, "reminded": 0}


def test_queue_task_assigned_to_candidates_manager_when_it_passes_its_deadline(
    submit, sweep, personas, east_queue, queue_matrix
):
    with time_machine.travel(CREATED, tick=False):
        item = open_item(submit())

    assert sweep(at(4, 18))["escalated"] == 1

    item.refresh_from_db()
    assert item.assignee == personas["gm"]
    assert Escalation.objects.get(work_item=item).from_user is None
    assert not item.candidate_set.filter(open=True).exists()


def test_submitter_skipped_when_escalation_would_reach_them(
    submit, sweep, personas, east_queue, queue_matrix
):
    east_queue.manager = personas["east_mgr"]
    east_queue.save(update_fields=["manager"])
    with time_machine.travel(CREATED, tick=False):
        # east_mgr submits: the regional-manager step goes to the other one, east_mgr2.
        item = open_item(submit("east_mgr"))
    assert item.assignee == east_queue

    sweep(at(4, 17, 30))

    item.refresh_from_db()
    assert item.assignee == personas["gm"]  # east_mgr2's manager is the submitter: one more up


def test_no_decided_task_escalated_when_deadline_passes_after_decision(
    task_at_monday, sweep, personas
):
    services.task_approve(task_id=task_at_monday.pk, actor=personas["east_mgr"])

    assert sweep(at(5, 9)) == {"escalated": 0, "reminded": 0}
    assert Escalation.objects.count() == 0


def test_other_tasks_escalated_when_one_holder_reports_to_an_auditor(submit, sweep, personas):
    with time_machine.travel(CREATED, tick=False):
        east = open_item(submit("east_rep1"))
    with time_machine.travel(at(3, 11), tick=False):
        south = open_item(submit("south_rep1"))
    mgr = personas["east_mgr"]
    mgr.manager = personas["auditor"]
    mgr.save(update_fields=["manager"])

    result = sweep(at(5, 9))

    east.refresh_from_db()
    south.refresh_from_db()
    assert south.assignee == personas["gm"]
    assert east.assignee != personas["auditor"]
    assert result["escalated"] >= 1


def test_a_failing_process_sweep_is_logged_and_the_others_still_run(monkeypatch, caplog):
    from core import registry

    ran = []
    demo = registry.get("demo")
    broken = dataclasses.replace(demo, kind="zz_broken", sweep=lambda now: 1 / 0)
    fine = dataclasses.replace(demo, kind="zz_fine", sweep=lambda now: ran.append(now) or 3)
    monkeypatch.setitem(registry._processes, "zz_broken", broken)
    monkeypatch.setitem(registry._processes, "zz_fine", fine)
    now = timezone.now()
    result = timers.sweep(now=now)
    assert result["zz_broken"] == 0 and result["zz_fine"] == 3
    assert ran == [now]
    assert "sweep of zz_broken failed" in caplog.text
