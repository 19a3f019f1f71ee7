"""Spreading a total keeps every fen: largest remainder rounding, ties to the earlier part."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workflows.plans import rules
from workflows.plans.rules import Basis, reconcile, spread, spread_plan


def test_parts_add_up_when_the_total_does_not_divide_evenly():
    parts = spread(D("100.00"), 3)
    assert parts == [D("33.34"), D("33.33"), D("33.33")]
    assert sum(parts) == D("100.00")


def test_twelve_months_of_one_fen_short():
    parts = spread(D("0.11"), 12)
    assert parts == [D("0.01")] * 11 + [D("0.00")]


def test_weights_shape_the_parts_and_the_remainder_goes_to_the_largest_loss():
    # 10.00 by 1:1:1 is 3.33 each with one fen over: it goes to the first.
    assert spread(D("10.00"), [D(1), D(1), D(1)]) == [D("3.34"), D("3.33"), D("3.33")]
    # 1.00 by 1:2 -> 0.333.. and 0.666..: the second lost more to rounding down.
    assert spread(D("1.00"), [D(1), D(2)]) == [D("0.33"), D("0.67")]


def test_all_zero_weights_spread_evenly():
    assert spread(D("9.00"), [D(0), D(0), D(0)]) == [D("3.00")] * 3


def test_zero_weight_parts_get_nothing():
    assert spread(D("5.00"), [D(0), D(3), D(0), D(1)]) == [D(0), D("3.75"), D(0), D("1.25")]


@pytest.mark.parametrize("bad", [([D(1), D(-1)]), ([])])
def test_refused_when_weights_are_negative_or_missing(bad):
    with pytest.raises(ValueError):
        spread(D("1.00"), bad)


def test_refused_when_the_total_is_negative():
    with pytest.raises(ValueError):
        spread(D("-1.00"), 2)


@given(st.decimals(min_value=0, max_value=10**10, places=2),
       st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=15))
def test_parts_always_add_up_to_the_total(total, weights):
    parts = spread(total, weights)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)
    assert len(parts) == len(weights)


def test_a_spread_plan_reconciles_at_every_level():
    layout = {"east": ["a", "b", "c"], "north": ["d"], "south": []}
    grid = spread_plan(D("1000000.01"), layout)
    assert reconcile(grid) == []
    assert sum(rules.year(m) for m in grid.regions.values()) == D("1000000.01")
    assert set(grid.people) == {"east", "north"}


def test_a_spread_follows_last_years_shape():
    basis = Basis(regions={"east": D(3), "north": D(1)},
                  region_months={"east": [D(1)] * 6 + [D(0)] * 6},
                  people={"east": {"a": D(1), "b": D(0)}})
    grid = spread_plan(D("400.00"), {"east": ["a", "b"], "north": ["d"]}, basis)
    assert rules.year(grid.regions["east"]) == D("300.00")
    assert grid.regions["east"][:6] == [D("50.00")] * 6 and grid.regions["east"][6:] == [D(0)] * 6
    assert grid.people["east"]["b"] == [D(0)] * 12
    assert reconcile(grid) == []


def test_region_years_given_are_kept_when_they_add_up():
    grid = spread_plan(D("100.00"), {"east": [], "north": []},
                       region_years={"east": D("70.00"), "north": D("30.00")})
    assert rules.year(grid.regions["east"]) == D("70.00")


def test_attainment_percentages():
    assert rules.attainment_pct(D("50.00"), D("200.00")) == D("25.0")
    assert rules.attainment_pct(D("1.00"), D("3.00")) == D("33.3")
    assert rules.attainment_pct(D("5.00"), D("0")) is None


def test_each_salespersons_year_stays_even_when_months_split_unevenly():
    grid = spread_plan(D("1200000.00"), {"east": ["a", "b", "c"]})
    years = [rules.year(line) for line in grid.people["east"].values()]
    assert years == [D("400000.00")] * 3
    assert reconcile(grid) == []


@given(st.decimals(min_value=0, max_value=10**9, places=2),
       st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=6),
       st.lists(st.integers(min_value=0, max_value=1000), min_size=12, max_size=12))
def test_a_spread_plan_always_reconciles(target, people, shape):
    layout = {"r": [f"p{i}" for i in range(len(people))]}
    basis = Basis(region_months={"r": [D(x) for x in shape]},
                  people={"r": {f"p{i}": D(w) for i, w in enumerate(people)}})
    grid = spread_plan(target, layout, basis)
    assert reconcile(grid) == []
    assert all(x >= 0 for line in grid.people["r"].values() for x in line)
