"""The daily facts against the live computation on the hand-built set (conftest), their
incremental refresh, and the error bound of a percentile read from their histograms."""

import bisect
import random
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.analytics import facts, figures
from core.analytics.figures import Filters, percentile
from core.analytics.models import BOUNDS, DailyFact, Dim, FactState
from core.inbox.models import Urge, WorkItem, WorkItemStatus

from .conftest import MONDAY, NOW

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

TWO_WEEKS = {"date_from": MONDAY, "date_to": MONDAY.replace(day=15)}
WAIT = [0, 1, 0, 2, 1, 4]
EXACT = ("count", "max")


@pytest.fixture
def known(analytics_data, personas):
    items = []
    for i, req in enumerate(analytics_data["decided"]):
        item = WorkItem.objects.get(request=req, status=WorkItemStatus.DONE, is_revision=False)
        WorkItem.objects.filter(pk=item.pk).update(
            taken_at=item.created + timedelta(hours=WAIT[i]), reminders=i % 2,
            escalation_level=1 if i == 5 else 0)
        items.append(item)
    Urge.objects.create(work_item=items[5], request=items[5].request,
                        actor=personas["east_rep1"])
    return items


def _without_percentiles(rows, keys=("median", "p90", "wait_median", "work_median",
                                     "wait_p90", "work_p90")):
    return [{k: v for k, v in r.items() if k not in keys} for r in rows]


def test_facts_equal_the_live_figures_when_refreshed_through_yesterday(known):
    assert facts.refresh(NOW)["days"] == 19  # Nov 2 (the first decision) to Nov 20 (today)
    f = Filters.of(**TWO_WEEKS)
    assert facts.usable(f) == Dim.ALL
    stored = figures.approval_analytics(f)
    live = figures.approval_analytics(f, live=True)
    for key in ("sla", "throughput", "nudges", "returns"):
        assert stored[key] == live[key], key
    for key in ("step_cycle", "process_cycle", "approvers", "waiting_worked"):
        assert _without_percentiles(stored[key]) == _without_percentiles(live[key]), key
    # hours 1 2 3 4 5 10 in buckets [1,2) [2,3) [3,4) [4,6) x2 [8,12): the median (rank 2.5)
    # is the [3,4) bucket's one task, read at its middle: 3.5 + ... = 3 + 1 * (0.5 + 0.5) / 1;
    # p90 (rank 4.5) is the second of the two in [4,6): 4 + 2 * (1.5 + 0.5) / 2
    step = stored["step_cycle"][0]
    assert (step["count"], step["median"], step["p90"], step["max"]) == (6, 4.0, 6.0, 10.0)
    assert (live["step_cycle"][0]["median"], live["step_cycle"][0]["p90"]) == (3.5, 7.5)


def test_facts_and_today_live_add_up_when_a_decision_comes_after_the_refresh(
        known, analytics_data, personas):
    facts.refresh(NOW)
    # decided after the refresh's cut: read live beside the stored facts
    today = WorkItem.objects.get(request=analytics_data["open"][0], status=WorkItemStatus.OPEN)
    WorkItem.objects.filter(pk=today.pk).update(
        status=WorkItemStatus.DONE, decision="approved", decided_by=personas["east_mgr"],
        decided_at=NOW + timedelta(hours=1), taken_at=today.created)
    f = Filters.of(date_from=MONDAY, date_to=NOW.date())
    assert figures.step_cycle(f)[0]["count"] == 7  # six stored, one live
    assert figures.sla(f) == figures.sla.live(f)
    assert figures.nudges(f) == figures.nudges.live(f)
    assert facts.refresh(NOW + timedelta(days=1))["days"] == 2  # Nov 20 again, Nov 21
    assert FactState.objects.get().complete_through == NOW.date() + timedelta(days=1)
    assert figures.approval_analytics(f)["throughput"] == figures.throughput.live(f)


def test_refresh_looks_again_at_a_closed_day_when_a_late_commit_lands_in_it(
        known, analytics_data, personas):
    just_after_midnight = timezone.make_aware(datetime(2026, 11, 20, 0, 5))
    facts.refresh(just_after_midnight)
    f = Filters.of(date_from=MONDAY, date_to=MONDAY.replace(day=19))
    before = sum(w["decided"] for w in figures.throughput(f))
    # decided at 23:58 the day before, committed after the refresh had run
    late = WorkItem.objects.get(request=analytics_data["open"][1], status=WorkItemStatus.OPEN)
    WorkItem.objects.filter(pk=late.pk).update(
        status=WorkItemStatus.DONE, decision="approved", decided_by=personas["east_mgr"],
        decided_at=just_after_midnight - timedelta(minutes=7))
    assert sum(w["decided"] for w in figures.throughput(f)) == before  # not seen yet
    facts.refresh(just_after_midnight + timedelta(minutes=5))
    after = figures.throughput(f)
    assert sum(w["decided"] for w in after) == before + 1
    assert after == figures.throughput.live(f)


def test_one_filter_dimension_reads_facts_two_read_live(known, personas):
    facts.refresh(NOW)
    region = known[0].request.region_id
    one = Filters.of(**TWO_WEEKS, band="lt_10k")
    assert facts.usable(one) == Dim.BAND
    assert figures.sla(one) == figures.sla.live(one)
    # the approvers under one filter come from the approver-within-band facts
    assert _without_percentiles(figures.approvers(one)) == _without_percentiles(
        figures.approvers.live(one))
    assert figures.approvers(Filters.of(**TWO_WEEKS, band="gte_1m")) == []
    if region:
        two = Filters.of(**TWO_WEEKS, band="lt_10k", region_id=region)
        assert facts.usable(two) is None
    assert facts.usable(Filters.of(**TWO_WEEKS, band="lt_10k",
                                   department_id=personas["east_rep1"].department_id or 1)) is None


def test_rebuild_command_makes_the_same_facts_as_the_incremental_refresh(known):
    facts.refresh(NOW)
    first = sorted(DailyFact.objects.values_list("day", "dim", "metric", "kind", "step_code",
                                                 "value", "count", "h5"))
    FactState.objects.update(complete_through=None)
    call_command("analytics_facts", "--rebuild")
    assert FactState.objects.get().complete_through == timezone.localdate()
    again = sorted(DailyFact.objects.filter(day__lte=NOW.date()).values_list(
        "day", "dim", "metric", "kind", "step_code", "value", "count", "h5"))
    assert again == first


def _hist(values):
    hist = [0] * (len(BOUNDS) + 1)
    for v in values:
        hist[bisect.bisect_right(BOUNDS, v)] += 1
    return hist


@pytest.mark.parametrize("seed", range(40))
def test_percentile_from_the_histogram_is_within_its_buckets_of_the_exact_one(seed):
    rng = random.Random(seed)
    values = [round(rng.lognormvariate(2.5, 1.4), 3) for _ in range(rng.randint(1, 400))]
    hist, top = _hist(values), max(values)
    for p in (0.5, 0.9):
        low, high = facts.bucket_bounds(hist, p, top)
        exact, approx = percentile(values, p), facts.percentile(hist, p, top)
        assert low <= exact <= high and low <= approx <= high
        assert abs(approx - exact) <= high - low
