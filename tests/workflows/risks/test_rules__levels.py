"""Pure rules (policy 8.1.2): score = likelihood × impact, the level from the bands, who
approves, when a late measure climbs a level, when a review falls due."""

from datetime import date
from decimal import Decimal

import pytest

from workflows.risks import rules

CUSTOM = [("low", 1, 2), ("medium", 3, 6), ("high", 8, 12), ("critical", 15, 25)]


@pytest.mark.parametrize(("score", "level"), [
    (1, "low"), (4, "low"), (5, "medium"), (9, "medium"), (10, "high"), (16, "high"),
    (20, "critical"), (25, "critical"),
])
def test_default_bands_give_the_policy_levels_when_scored(score, level):
    assert rules.level_for(score) == level


def test_custom_bands_decide_the_level_when_configured():
    assert rules.level_for(3, CUSTOM) == "medium"
    assert rules.level_for(12, CUSTOM) == "high"
    assert rules.level_for(15, CUSTOM) == "critical"


def test_level_of_the_band_below_when_score_falls_in_a_gap():
    assert rules.level_for(7, CUSTOM) == "medium"
    assert rules.level_for(13, CUSTOM) == "high"


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 3), (3, 0), (3, 6),
                                                    (True, 3), ("3", 3), (2.5, 2)])
def test_score_refused_when_a_rating_is_outside_1_to_5(likelihood, impact):
    with pytest.raises(ValueError):
        rules.score_of(likelihood, impact)


def test_approver_role_follows_the_level_when_asked():
    assert rules.approver_role("low") is None
    assert rules.approver_role("medium") == "regional_manager"
    assert rules.approver_role("high") == "sales_gm"
    assert rules.approver_role("critical") == "ceo"


@pytest.mark.parametrize(("late_days", "level"), [(-3, 0), (0, 0), (1, 1), (7, 1), (8, 2),
                                                  (14, 2), (15, 3), (400, 3)])
def test_measure_climbs_one_level_per_week_late_when_overdue(late_days, level):
    due = date(2026, 3, 2)
    today = date.fromordinal(due.toordinal() + late_days)
    assert rules.measure_escalation_level(due, today) == level


@pytest.mark.parametrize(("today", "due"), [
    (date(2026, 1, 7), None), (date(2026, 1, 8), date(2026, 1, 8)),
    (date(2026, 1, 14), date(2026, 1, 8)), (date(2026, 1, 15), date(2026, 1, 15)),
    (date(2026, 2, 20), date(2026, 2, 19)),
])
def test_review_falls_due_on_the_latest_period_when_weekly(today, due):
    assert rules.review_due(date(2026, 1, 1), 7, today) == due


def test_no_review_when_level_has_no_interval():
    assert rules.review_due(date(2026, 1, 1), None, date(2027, 1, 1)) is None


def test_credit_assessment_grows_with_delay_and_amount_when_collection_overdue():
    assert rules.credit_assessment(45, Decimal("430000")) == (3, 3)
    assert rules.credit_assessment(95, Decimal("2500000")) == (5, 5)
    assert rules.credit_assessment(70, Decimal("50000")) == (4, 2)


def test_lowering_a_risk_that_reached_high_or_critical_needs_that_levels_approver():
    from workflows.risks import rules

    assert rules.lowering_needs("critical", "low", "critical") == "critical"
    assert rules.lowering_needs("medium", "low", "high") == "high"  # lowered before: still
    assert rules.lowering_needs("low", "medium", "critical") is None  # raising: anyone
    assert rules.lowering_needs("critical", "critical", "critical") is None
    assert rules.lowering_needs("medium", "low", "medium") is None
    assert rules.highest(["low", "critical", "medium"]) == "critical"
    assert rules.highest([]) == ""
