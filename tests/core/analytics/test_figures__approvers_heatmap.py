"""Per-approver figures, waiting vs worked, reminders and escalations, amount bands, the
step x week heat map and the drill-down, against hand-computed values (conftest's six
decisions, here with known claim times, reminders and escalations)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.analytics import figures
from core.analytics.figures import Filters
from core.inbox import services
from core.inbox.models import Request, Urge, WorkItem, WorkItemStatus
from core.inbox.timers import remind_one

from .conftest import MONDAY, NOW

pytestmark = pytest.mark.django_db

TWO_WEEKS = {"date_from": MONDAY, "date_to": MONDAY.replace(day=15)}
WAIT = [0, 1, 0, 2, 1, 4]  # hours from opening to the claim; decided 1 2 3 4 5 10 h after
REMINDERS = [0, 0, 0, 1, 0, 2]
ESCALATIONS = [0, 0, 0, 0, 1, 1]


@pytest.fixture
def known(analytics_data, personas):
    items = []
    for i, req in enumerate(analytics_data["decided"]):
        item = WorkItem.objects.get(request=req, status=WorkItemStatus.DONE, is_revision=False)
        WorkItem.objects.filter(pk=item.pk).update(
            taken_at=item.created + timedelta(hours=WAIT[i]), reminders=REMINDERS[i],
            escalation_level=ESCALATIONS[i])
        items.append(item)
    Urge.objects.create(work_item=items[5], request=items[5].request,
                        actor=personas["east_rep1"])
    return items


def test_approver_figures_are_hand_computed_when_one_manager_decided_six(known, personas):
    (row,) = figures.approvers(Filters.of(**TWO_WEEKS))
    assert row["approver_id"] == personas["east_mgr"].pk
    assert row["name"] == str(personas["east_mgr"])
    assert (row["count"], row["median"], row["p90"], row["max"]) == (6, 3.5, 7.5, 10.0)
    # waiting 0 1 0 2 1 4 -> median 1, worked 1 1 3 2 4 6 -> median (2+3)/2
    assert (row["wait_median"], row["work_median"]) == (1.0, 2.5)
    assert (row["with_due"], row["on_time"], row["percent"]) == (6, 3, 50.0)
    assert (row["reminders"], row["escalations"]) == (3, 2)


def test_waiting_and_worked_per_step_are_split_at_the_claim(known):
    (row,) = figures.waiting_worked(Filters.of(**TWO_WEEKS))
    # waiting sorted 0 0 1 1 2 4: p90 at rank 4.5 = 2 + 0.5 * 2; worked 1 1 2 3 4 6: 4 + 0.5 * 2
    assert (row["count"], row["wait_median"], row["wait_p90"]) == (6, 1.0, 3.0)
    assert (row["work_median"], row["work_p90"]) == (2.5, 5.0)


def test_nudges_count_reminders_escalations_and_urges_per_step(known):
    (row,) = figures.nudges(Filters.of(**TWO_WEEKS))
    assert (row["decided"], row["reminded"], row["reminders"]) == (6, 2, 3)
    assert (row["escalated"], row["escalations"], row["urges"]) == (2, 2, 1)


def test_amount_band_keeps_only_requests_in_the_band(known):
    assert figures.approvers(Filters.of(**TWO_WEEKS, band="lt_10k"))[0]["count"] == 6
    assert figures.approvers(Filters.of(**TWO_WEEKS, band="10k_100k")) == []
    assert figures.step_cycle(Filters.of(**TWO_WEEKS, band="gte_1m")) == []


def test_heatmap_is_median_per_step_and_week_with_shading_when_two_weeks(known):
    heat = figures.heatmap(Filters.of(**TWO_WEEKS))
    assert heat["weeks"] == [MONDAY, MONDAY + timedelta(weeks=1)]
    (row,) = heat["rows"]
    # week 1 waited 0 1 0 (median 0), week 2 waited 2 1 4 (median 2): the top is 2
    assert [(c["median"], c["count"], c["level"]) for c in row["cells"]] == [
        (0.0, 3, 0), (2.0, 3, 4)]
    cycle = figures.heatmap(Filters.of(**TWO_WEEKS), metric="cycle")
    # opened -> decided: week 1 1 2 3 (median 2), week 2 4 5 10 (median 5): 5 * 2 / 5 = level 2
    assert [(c["median"], c["level"]) for c in cycle["rows"][0]["cells"]] == [
        (2.0, 2), (5.0, 4)]


def test_heatmap_lists_empty_weeks_of_the_period_with_no_median(known):
    heat = figures.heatmap(Filters.of(date_from=MONDAY, date_to=MONDAY + timedelta(days=20)))
    assert len(heat["weeks"]) == 3
    assert heat["rows"][0]["cells"][2] == {"week": MONDAY + timedelta(weeks=2), "median": None,
                                           "count": 0, "level": None}


def test_drill_lists_the_tasks_behind_a_figure(known, analytics_data):
    f = Filters.of(**TWO_WEEKS)
    week2 = list(figures.drill(f, step="line_manager", week=MONDAY + timedelta(weeks=1)))
    assert [w.request_id for w in week2] == [r.pk for r in analytics_data["decided"][5:2:-1]]
    assert figures.drill(f, late=True).count() == 3  # decided 4, 5 and 10 h after, due at 3
    assert figures.drill(f, returned=True).get().request_id == analytics_data["returned"].pk
    assert figures.drill(f, approver_id=known[0].decided_by_id).count() == 6
    five_days = figures.drill(f, state="open", bucket="d3_7", now=NOW)
    assert five_days.get().request_id == analytics_data["open"][2].pk


def test_engine_records_when_a_task_was_taken_and_each_reminder(personas):
    from workflows.demo.services import demo_submit

    obj = demo_submit(actor=personas["east_rep1"], title="taken", amount=800)
    item = WorkItem.objects.get(request=Request.objects.get(kind="demo", object_id=obj.pk),
                                status=WorkItemStatus.OPEN)
    assert item.assignee_id is not None and item.taken_at == item.created
    WorkItem.objects.filter(pk=item.pk).update(remind_at=timezone.now(),
                                               due=timezone.now() + timedelta(hours=1))
    assert remind_one(item.pk) is True
    assert remind_one(item.pk) is False  # once per deadline
    item.refresh_from_db()
    assert (item.reminded, item.reminders) == (True, 1)
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    item.refresh_from_db()
    assert item.taken_at == item.created  # a decision keeps the first take
