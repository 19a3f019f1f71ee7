"""The analytics figures against hand-computed values over known timestamps (conftest)."""

import pytest
from django.db import connection

from core.analytics import figures
from core.analytics.figures import Filters

from .conftest import MONDAY, NOW

pytestmark = pytest.mark.django_db

TWO_WEEKS = {"date_from": MONDAY, "date_to": MONDAY.replace(day=15)}


def _one(rows, **match):
    found = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert len(found) == 1, rows
    return found[0]


def test_step_cycle_is_median_p90_max_of_decided_tasks_when_six_were_decided(analytics_data):
    row = _one(figures.step_cycle(Filters.of(**TWO_WEEKS)), kind="demo",
               step_code="line_manager")
    # hours 1 2 3 4 5 10: median (3+4)/2; p90 at rank 4.5: 5 + 0.5 * (10 - 5)
    assert (row["count"], row["median"], row["p90"], row["max"]) == (6, 3.5, 7.5, 10.0)


def test_process_cycle_counts_finished_requests_only_when_one_was_returned(analytics_data):
    row = _one(figures.process_cycle(Filters.of(**TWO_WEEKS)), kind="demo")
    # the returned request is not finished: hours 1 2 3 4 10, p90 at rank 3.6: 4 + 0.6 * 6
    assert (row["count"], row["median"], row["p90"], row["max"]) == (5, 3.0, 7.6, 10.0)


def test_sla_counts_decisions_by_their_deadline_when_due_three_hours_after_opening(
        analytics_data):
    row = _one(figures.sla(Filters.of(**TWO_WEEKS)), step_code="line_manager")
    assert (row["count"], row["on_time"], row["late"], row["percent"]) == (6, 3, 3, 50.0)


def test_returns_per_request_and_returning_step_when_one_of_six_was_returned(analytics_data):
    got = figures.returns(Filters.of(**TWO_WEEKS))
    proc = _one(got["by_process"], kind="demo")
    assert (proc["requests"], proc["returns"], proc["per_request"]) == (6, 1, 0.17)
    step = _one(got["by_step"], step_code="line_manager")
    assert (step["decisions"], step["returns"], step["percent"]) == (6, 1, 16.7)


def test_backlog_puts_each_open_task_in_its_age_bucket(analytics_data):
    row = _one(figures.backlog(Filters.of(**TWO_WEEKS), now=NOW), kind="demo")
    assert (row["total"], row["lt_1d"], row["d1_3"], row["d3_7"], row["gt_7d"]) == (4, 1, 1, 1, 1)
    assert row["overdue"] == 2  # due three days after opening: the 5- and 10-day-old tasks


def test_throughput_counts_decisions_per_monday_week(analytics_data):
    rows = figures.throughput(Filters.of(**TWO_WEEKS))
    assert [(r["week"], r["decided"], r["approved"], r["returned"]) for r in rows] == [
        (MONDAY, 3, 3, 0), (MONDAY.replace(day=9), 3, 2, 1)]


def test_period_excludes_decisions_outside_it(analytics_data):
    first_week = Filters.of(date_from=MONDAY, date_to=MONDAY.replace(day=8))
    row = _one(figures.step_cycle(first_week), step_code="line_manager")
    assert (row["count"], row["median"], row["max"]) == (3, 2.0, 3.0)
    assert figures.step_cycle(Filters.of(date_from=MONDAY.replace(day=16),
                                         date_to=MONDAY.replace(day=20))) == []


def test_process_filter_keeps_only_that_process(analytics_data):
    assert figures.step_cycle(Filters.of(kind="expense", **TWO_WEEKS)) == []


def test_slowest_open_lists_the_longest_waiting_first(analytics_data):
    rows = figures.slowest_open(Filters.of(**TWO_WEEKS), now=NOW)
    expected = [analytics_data["returned"], *reversed(analytics_data["open"])]
    assert [r.pk for r in rows] == [r.pk for r in expected]
    assert rows[0].age_hours == 480.0


def test_python_percentile_matches_percentile_cont(analytics_data):
    assert figures.percentile([1, 2, 3, 4, 10], 0.9) == pytest.approx(7.6)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY v) "
                           "FROM unnest(ARRAY[1, 2, 3, 4, 10]) v")
            assert cursor.fetchone()[0] == pytest.approx(7.6)


def test_steps_carry_the_engines_label_and_hours_are_floats(analytics_data):
    row = _one(figures.step_cycle(Filters.of(**TWO_WEEKS)), step_code="line_manager")
    assert row["label"] == "Line manager"
    assert all(type(row[k]) is float for k in ("median", "p90", "max"))
    slow = figures.slowest_open(Filters.of(**TWO_WEEKS), now=NOW)
    assert slow[1].step_label == "Line manager"
