"""Statistics count only the contracts a user may see (selectors.visible_contracts): a regional
manager their regions, contract readers all, an outsider nothing."""

from datetime import date
from decimal import Decimal

import pytest

from workflows.contracts import statistics as st
from workflows.contracts.models import Milestone
from workflows.contracts.services import milestone_add

from .conftest import at, decide, figures, submit, through

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas, east, south):
    e = through(personas, submit(personas, east, "500000.00", at(2025, 3, 3)), at(2025, 3, 3))
    milestone_add(contract_id=e.pk, actor=personas["east_rep1"], kind=Milestone.Kind.COLLECTION,
                  amount=Decimal("100000"), due_date=date(2025, 6, 1))
    s = submit(personas, south, "300000.00", at(2025, 4, 1), owner="south_rep1")
    decide(personas, s, "regional_review", at(2025, 4, 1, 12))  # now in the parallel reviews
    return e, s


def test_regional_manager_sees_only_their_region_when_both_have_contracts(personas, world):
    f = figures(personas["east_mgr"], 2025, today=date(2025, 9, 1))
    assert (f["totals"]["count"], f["totals"]["value"]) == (1, Decimal("500000.00"))
    assert [r["key"] for r in f["by_region"]] == ["east"]
    assert {s["key"]: s["count"] for s in f["cycle_times"]}["regional_review"] == 1
    assert f["collections"]["overdue_amount"] == Decimal("100000.00")

    south = figures(personas["south_mgr"], 2025, today=date(2025, 9, 1))
    assert (south["totals"]["count"], south["totals"]["value"]) == (1, Decimal("300000.00"))
    assert [r["key"] for r in south["by_region"]] == ["south"]
    assert south["collections"]["overdue"] == 0


@pytest.mark.parametrize("reader", ["legal", "finance", "gm", "ceo", "auditor"])
def test_contract_readers_see_every_region_when_contracts_are_in_two(personas, world, reader):
    f = figures(personas[reader], 2025)
    assert f["totals"]["count"] == 2
    assert [r["key"] for r in f["by_region"]] == ["east", "north", "south"]


def test_salesperson_sees_their_own_contracts_when_colleagues_have_others(personas, world):
    assert figures(personas["east_rep1"], 2025)["totals"]["count"] == 1
    assert figures(personas["east_rep2"], 2025)["totals"]["count"] == 0


def test_outsider_gets_zeros_and_no_rates_when_contracts_exist(personas, world):
    f = figures(personas["marketing"], 2025, today=date(2025, 9, 1))
    assert f["totals"] == {"count": 0, "value": Decimal("0.00"), "signed_count": 0,
                           "signed_value": Decimal("0.00")}
    assert f["by_region"] == [] and f["cycle_times"] == []
    assert all(r["count"] == 0 for r in f["by_state"] + f["by_month"])
    assert f["credit_breach"]["percent"] is None
    assert f["collections"]["measured"] == 0 and f["collections"]["on_time_percent"] is None
    assert f["review_time"] == {"count": 0, "avg_hours": None}


def test_filter_offers_only_visible_regions_when_user_is_not_a_reader(personas):
    assert [r.code for r in st.regions_for(personas["east_mgr"])] == ["east"]
    assert [r.code for r in st.regions_for(personas["south_rep1"])] == ["south"]
    assert list(st.regions_for(personas["marketing"])) == []
    assert [r.code for r in st.regions_for(personas["legal"])] == ["east", "north", "south"]
