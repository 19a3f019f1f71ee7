"""Periodic review (policy 8.2.2): the sweep opens one review per open risk when its period
comes round (critical weekly, high monthly, medium quarterly, configurable), never twice for a
period; the reviewer records whether the measures work and may re-assess."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.inbox.models import Notification
from workflows.risks.models import Review, ReviewSchedule
from workflows.risks.services import review_complete, risks_sweep

from .conftest import CRITICAL, HIGH, LOW, MEDIUM, fresh

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 3, 2, 10, 0))  # a Monday


def at(days: int):
    return START + timedelta(days=days)


@pytest.fixture
def assessed_at_start(make_risk):
    def run(rating, **kwargs):
        with time_machine.travel(START, tick=False):
            return make_risk(rating, **kwargs)
    return run


def sweep(days: int) -> int:
    with time_machine.travel(at(days), tick=False):
        return risks_sweep(now=timezone.now())


@pytest.mark.parametrize(("rating", "interval"), [(CRITICAL, 7), (HIGH, 30), (MEDIUM, 90)])
def test_review_opens_once_when_its_period_comes_round(assessed_at_start, rating, interval):
    risk = assessed_at_start(rating)

    assert sweep(interval - 1) == 0
    assert sweep(interval) == 1
    assert sweep(interval) == 0

    (review,) = Review.objects.filter(risk=risk)
    assert review.due_date == (START + timedelta(days=interval)).date()
    assert review.assignee == risk.owner and review.state == Review.State.OPEN


def test_no_periodic_review_when_risk_is_low(assessed_at_start):
    assessed_at_start(LOW)

    assert sweep(400) == 0
    assert not Review.objects.exists()


def test_next_review_follows_the_last_when_completed(assessed_at_start, personas,
                                                     django_capture_on_commit_callbacks):
    risk = assessed_at_start(CRITICAL)
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(7) == 1
    assert Notification.objects.filter(recipient=personas["east_rep1"], kind="reminder",
                                       target=["risks:risk", {"risk_id": risk.pk}]).count() == 1
    assert sweep(14) == 0  # one review at a time: the open one is simply late
    review = Review.objects.get(risk=risk)
    with time_machine.travel(at(14), tick=False):
        review_complete(review_id=review.pk, actor=personas["east_rep1"],
                        measures_effective=True, comment="措施有效")

    assert sweep(14) == 1
    assert sorted(Review.objects.filter(risk=risk).values_list("due_date", flat=True)) == [
        at(7).date(), at(14).date()]


def test_interval_follows_the_schedule_table_when_edited(assessed_at_start):
    # update_or_create: a transactional test run before this one on the same xdist worker may
    # have flushed the rows the migration seeded.
    ReviewSchedule.objects.update_or_create(level="medium", defaults={"interval_days": 10})
    assessed_at_start(MEDIUM)

    assert sweep(9) == 0
    assert sweep(10) == 1


def test_no_review_when_risk_is_only_identified(assessed_at_start, personas):
    assessed_at_start(None)

    assert sweep(400) == 0


def test_review_reassesses_when_ratings_given(assessed_at_start, personas):
    risk = assessed_at_start(HIGH)
    sweep(30)
    review = Review.objects.get(risk=risk)

    review_complete(review_id=review.pk, actor=personas["east_rep1"], measures_effective=False,
                    comment="客户仍拖欠", likelihood=5, impact=5)

    review = fresh(review)
    assert review.state == Review.State.DONE and review.measures_effective is False
    assert review.assessment.level == "critical"
    assert fresh(risk).level == "critical"


@pytest.mark.parametrize(("body", "field"), [
    ({"measures_effective": None}, "measures_effective"),
    ({"measures_effective": False, "comment": ""}, "comment"),
    ({"measures_effective": True, "likelihood": 0, "impact": 3}, "likelihood"),
])
def test_refused_when_review_is_incomplete(assessed_at_start, personas, body, field):
    risk = assessed_at_start(HIGH)
    sweep(30)
    review = Review.objects.get(risk=risk)

    with pytest.raises(InvalidInputError) as exc:
        review_complete(review_id=review.pk, actor=personas["east_rep1"], **body)
    assert field in exc.value.fields
    assert fresh(review).state == Review.State.OPEN


def test_refused_when_review_done_twice_or_by_someone_unrelated(assessed_at_start, personas):
    risk = assessed_at_start(HIGH)
    sweep(30)
    review = Review.objects.get(risk=risk)
    with pytest.raises(PermissionDeniedError):
        review_complete(review_id=review.pk, actor=personas["south_rep1"],
                        measures_effective=True)
    review_complete(review_id=review.pk, actor=personas["east_mgr"], measures_effective=True)

    with pytest.raises(StateConflictError):
        review_complete(review_id=review.pk, actor=personas["east_rep1"],
                        measures_effective=True)
