from datetime import timedelta

import pytest
from django.utils import timezone

from core.inbox import services
from core.inbox.models import Request, RequestStatus
from core.inbox.selectors import requests_for, visible_requests, visible_tasks
from core.org.models import Delegation

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_requests(submit, personas):
    """east_rep1's 15,000 (east_mgr approved it; now with gm) and south_rep1's 800."""
    east = submit("east_rep1", "15000", title="east")
    services.task_approve(task_id=open_item(east).pk, actor=personas["east_mgr"])
    south = submit("south_rep1", "800", title="south")
    return east, south


def visible(user) -> set[str]:
    return set(visible_requests(user).values_list("title", flat=True))


def test_visible_requests_limited_to_involvement_when_listing(personas, two_requests):
    expected = {
        "east_rep1": {"east"},  # submitter
        "east_mgr": {"east"},  # decided a step
        "gm": {"east", "south"},  # holds east's open step; south_mgr reports to the gm
        "ceo": {"east", "south"},  # everyone holding a task reports to the ceo
        "south_mgr": {"south"},
        "south_rep1": {"south"},
        "east_rep2": set(),  # a colleague of the submitter
        "north_rep1": set(),
        "finance": set(),
        "auditor": {"east", "south"},
        "admin": {"east", "south"},
    }

    assert {who: visible(personas[who]) for who in expected} == expected


def test_tasks_visible_with_their_requests_when_listing_visible_tasks(personas, two_requests):
    east, south = two_requests

    assert set(visible_tasks(personas["east_rep2"])) == set()
    assert {t.request_id for t in visible_tasks(personas["east_mgr"])} == {east.pk}
    assert {t.request_id for t in visible_tasks(personas["south_mgr"])} == {south.pk}
    assert {t.request_id for t in visible_tasks(personas["auditor"])} == {east.pk, south.pk}


def test_queue_candidates_see_request_when_step_is_unclaimed(
    submit, personas, east_queue, queue_matrix
):
    submit(title="queued")

    assert visible(east_queue) == {"queued"}
    assert visible(personas["east_mgr"]) == {"queued"}


def test_deputy_sees_principals_requests_when_delegation_active(personas, two_requests):
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["north_rep1"],
                              starts_on=today, ends_on=today + timedelta(days=1))

    assert visible(personas["north_rep1"]) == {"east"}


def test_principals_requests_hidden_when_delegation_covers_other_kinds(personas, two_requests):
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["north_rep1"],
                              starts_on=today, ends_on=today, kinds=["expense"])

    assert visible(personas["north_rep1"]) == set()


def test_line_manager_sees_request_when_their_report_holds_its_open_task(submit, personas):
    submit("south_rep1", title="south")

    assert visible(personas["gm"]) == {"south"}
    assert visible(personas["north_mgr"]) == set()


def test_only_own_requests_newest_first_when_listing_mine(submit, personas):
    first = submit("east_rep1", title="first")
    second = submit("east_rep1", title="second")
    submit("east_rep2", title="someone else's")
    Request.objects.filter(pk=first.pk).update(since=timezone.now() + timedelta(minutes=1))

    mine = requests_for(personas["east_rep1"], mine=True)

    assert [r.title for r in mine] == ["first", "second"]
    assert second.pk in [r.pk for r in mine]


def test_only_matching_requests_when_mine_filtered_by_status_and_kind(submit, personas):
    approved = submit("east_rep1", title="approved")
    services.task_approve(task_id=open_item(approved).pk, actor=personas["east_mgr"])
    submit("east_rep1", title="waiting")
    rep = personas["east_rep1"]

    assert [r.title for r in requests_for(rep, mine=True, status=RequestStatus.APPROVED)] == [
        "approved"]
    assert [r.title for r in requests_for(rep, mine=True, status=RequestStatus.IN_REVIEW)] == [
        "waiting"]
    assert len(requests_for(rep, mine=True, kind="demo")) == 2
    assert list(requests_for(rep, mine=True, kind="expense")) == []


def test_approver_sees_involved_requests_when_listing_all_visible(personas, two_requests):
    assert [r.title for r in requests_for(personas["east_mgr"])] == ["east"]
    assert [r.title for r in requests_for(personas["east_mgr"], mine=True)] == []
