"""Average review time per step (task created -> decided) and from first submission to
signing, from the inbox's work items, with the clock set by time-machine."""

from datetime import timedelta
from decimal import Decimal

import pytest

from workflows.contracts.models import ContractState

from .conftest import at, by_key, decide, figures, resubmit, submit

pytestmark = pytest.mark.django_db


def h(start, hours):
    return start + timedelta(hours=hours)


@pytest.fixture
def reviewed(personas, east):
    """c1: regional 2 h, legal 3 h, finance 6 h, sales GM 12 h: signed 20 h after submission.
    c2: returned by the regional manager after 4 h, resubmitted at 10 h, then regional 2 h,
    legal 1 h, finance 4 h, sales GM 24 h: signed 40 h after its first submission."""
    t0 = at(2025, 3, 3, 9)
    c1 = submit(personas, east, "500000.00", t0)
    decide(personas, c1, "regional_review", h(t0, 2))
    decide(personas, c1, "legal_review", h(t0, 5))
    decide(personas, c1, "credit_review", h(t0, 8))
    decide(personas, c1, "sales_gm", h(t0, 20))
    t1 = at(2025, 3, 10, 9)
    c2 = submit(personas, east, "300000.00", t1)
    decide(personas, c2, "regional_review", h(t1, 4), how="return")
    resubmit(personas, c2, h(t1, 10))
    decide(personas, c2, "regional_review", h(t1, 12))
    decide(personas, c2, "legal_review", h(t1, 13))
    decide(personas, c2, "credit_review", h(t1, 16))
    decide(personas, c2, "sales_gm", h(t1, 40))
    return c1, c2


def test_each_step_averages_created_to_decided_when_two_contracts_reviewed(personas, reviewed):
    steps = figures(personas["gm"], 2025)["cycle_times"]
    assert [(s["key"], s["count"], s["avg_hours"]) for s in steps] == [
        ("regional_review", 3, Decimal("2.7")),  # 2, 4 (the return) and 2 hours
        ("legal_review", 2, Decimal("2.0")),
        ("credit_review", 2, Decimal("5.0")),
        ("sales_gm", 2, Decimal("18.0")),
    ]
    assert steps[0]["label"] == "Regional manager review"


def test_whole_review_runs_from_first_submission_when_contract_was_resubmitted(personas,
                                                                              reviewed):
    assert figures(personas["gm"], 2025)["review_time"] == {"count": 2,
                                                           "avg_hours": Decimal("30.0")}


def test_revision_is_not_a_review_step_when_contract_was_returned(personas, reviewed):
    keys = [s["key"] for s in figures(personas["gm"], 2025)["cycle_times"]]
    assert "revise" not in keys


def test_ceo_step_follows_sales_gm_when_a_breach_adds_it(personas, east):
    t0 = at(2025, 4, 1, 9)
    c = submit(personas, east, "500000.00", t0, terms=120)  # rating A allows 90 days
    assert c.credit_breach
    for hours, step in ((1, "regional_review"), (2, "legal_review"), (3, "credit_review"),
                        (5, "sales_gm"), (9, "ceo")):
        decide(personas, c, step, h(t0, hours))
    f = figures(personas["gm"], 2025)
    steps = by_key(f["cycle_times"])
    assert list(steps) == ["regional_review", "legal_review", "credit_review", "sales_gm", "ceo"]
    assert (steps["sales_gm"]["avg_hours"], steps["ceo"]["avg_hours"]) == (Decimal("2.0"),
                                                                         Decimal("4.0"))
    assert f["review_time"]["avg_hours"] == Decimal("9.0")


def test_open_and_cancelled_tasks_not_averaged_when_review_is_under_way(personas, east):
    t0 = at(2025, 4, 1, 9)
    c = submit(personas, east, "500000.00", t0)
    decide(personas, c, "regional_review", h(t0, 1))
    decide(personas, c, "legal_review", h(t0, 3), how="reject")  # finance's task is cancelled
    f = figures(personas["gm"], 2025)
    assert [(s["key"], s["count"]) for s in f["cycle_times"]] == [("regional_review", 1),
                                                                  ("legal_review", 1)]
    assert f["review_time"] == {"count": 0, "avg_hours": None}
    assert c.__class__.objects.get(pk=c.pk).state == ContractState.REJECTED
