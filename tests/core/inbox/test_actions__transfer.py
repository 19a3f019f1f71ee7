"""转交: the holder of a task hands it to someone who may decide it (core/inbox/actions.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core import engine
from core.exceptions import (
    AuthorityLimitError,
    InvalidInputError,
    NotYourTaskError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.inbox import actions, services
from core.inbox.models import Notification
from core.org.models import Delegation

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = pytest.mark.django_db


def test_task_moves_and_both_are_told_when_the_holder_transfers(
    submit, personas, django_capture_on_commit_callbacks
):
    req = submit()
    item = open_item(req)

    with one_audit_event("demo.task_transferred") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        engine.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                             assignee=personas["south_mgr"], reason=" 出差一周 ")

    item = open_item(req)
    assert item.assignee == personas["south_mgr"]
    assert item.task.owner == personas["south_mgr"]
    event = audit["event"]
    assert event.actor == personas["east_mgr"]
    assert event.comment == "出差一周"
    assert event.changes == {"assignee": [personas["east_mgr"].pk, personas["south_mgr"].pk]}
    assert engine.describe_event(event).startswith(str(personas["east_mgr"]))
    req.refresh_from_db()
    assert list(req.waiting_on.all()) == [personas["south_mgr"]]
    assert Notification.objects.filter(recipient=personas["south_mgr"], kind="assigned",
                                       target__1__task_id=item.pk).exists()
    assert Notification.objects.filter(recipient=personas["east_mgr"],
                                       dedupe_key__startswith="task_transferred-from").exists()


def test_new_holder_decides_and_old_cannot_after_a_transfer(submit, personas):
    item = open_item(submit())
    actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                          assignee=personas["south_mgr"], reason="leave")

    with pytest.raises(NotYourTaskError):
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    services.task_approve(task_id=item.pk, actor=personas["south_mgr"])


def test_the_holders_deputy_may_transfer_for_them(submit, personas):
    item = open_item(submit())
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["north_mgr"],
                              starts_on=today, ends_on=today + timedelta(days=2))

    with one_audit_event("demo.task_transferred"):
        actions.task_transfer(task_id=item.pk, actor=personas["north_mgr"],
                              assignee=personas["south_mgr"], reason="cover")
    assert open_item(item.request).assignee == personas["south_mgr"]


@pytest.mark.parametrize("who", ["gm", "east_rep1", "south_mgr", "finance", "admin"])
def test_refused_when_someone_other_than_the_holder_transfers(submit, personas, who):
    item = open_item(submit())

    with no_audit_event(), pytest.raises(NotYourTaskError):
        actions.task_transfer(task_id=item.pk, actor=personas[who],
                              assignee=personas["north_mgr"], reason="mine")
    assert open_item(item.request).assignee == personas["east_mgr"]


def test_refused_when_transferred_to_the_submitter(submit, personas):
    item = open_item(submit())
    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                              assignee=personas["east_rep1"], reason="he knows")


def test_refused_when_transferred_to_the_submitters_deputy(submit, personas):
    item = open_item(submit())
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_rep1"], deputy=personas["north_mgr"],
                              starts_on=today, ends_on=today + timedelta(days=2))
    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                              assignee=personas["north_mgr"], reason="cover")


def test_refused_when_transferred_to_an_auditor(submit, personas):
    item = open_item(submit())
    with no_audit_event(), pytest.raises(ReadOnlyRoleError):
        actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                              assignee=personas["auditor"], reason="cover")


def test_refused_when_the_new_holder_lacks_the_steps_authority(submit, personas):
    item = open_item(submit())
    with no_audit_event(), pytest.raises(AuthorityLimitError) as exc:
        actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                              assignee=personas["east_rep2"], reason="cover")
    assert "assignee" in exc.value.fields


@pytest.mark.parametrize("reason", ["", "   "])
def test_refused_without_a_reason(submit, personas, reason):
    item = open_item(submit())
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                              assignee=personas["south_mgr"], reason=reason)
    assert "reason" in exc.value.fields


def test_refused_when_transferred_to_the_current_holder(submit, personas):
    item = open_item(submit())
    with no_audit_event(), pytest.raises(InvalidInputError):
        actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                              assignee=personas["east_mgr"], reason="same")


def test_refused_when_the_task_is_already_decided(submit, personas):
    item = open_item(submit())
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    with no_audit_event(), pytest.raises(StateConflictError):
        actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                              assignee=personas["south_mgr"], reason="late")


def test_refused_on_an_unclaimed_queue_task(submit, personas, east_queue, queue_matrix):
    item = open_item(submit())
    assert item.assignee is None
    with no_audit_event(), pytest.raises(NotYourTaskError):
        actions.task_transfer(task_id=item.pk, actor=personas["east_mgr"],
                              assignee=east_queue, reason="yours")


def test_refused_when_the_submitter_deputises_for_the_holder(submit, personas):
    """The submitter acting for the holder would pick their own approver."""
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["east_rep2"],
                              starts_on=today, ends_on=today + timedelta(days=2))
    item = open_item(submit("east_rep2"))
    assert item.assignee == personas["east_mgr"]
    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        actions.task_transfer(task_id=item.pk, actor=personas["east_rep2"],
                              assignee=personas["south_mgr"], reason="cover")


def test_refused_when_a_deputy_who_decided_the_first_step_transfers_the_second(
    submit, personas
):
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["gm"], deputy=personas["east_mgr"],
                              starts_on=today, ends_on=today + timedelta(days=2))
    req = submit("east_rep1", "12000.00")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    gm_step = open_item(req)
    assert gm_step.assignee == personas["gm"]
    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        actions.task_transfer(task_id=gm_step.pk, actor=personas["east_mgr"],
                              assignee=personas["ceo"], reason="cover")
