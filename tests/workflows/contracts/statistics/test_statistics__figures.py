"""Counts and values by region, state and month; the credit-breach share; an amended contract
counted once (policy 4.4 statistics)."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from core.org.models import Region
from workflows.contracts.models import Contract, ContractState
from workflows.contracts.services import contract_amend, contract_create, contract_submit

from .conftest import at, by_key, decide, figures, submit, through

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas, east, south):
    """2025: c1 east 500,000 signed in April; c2 east 200,000 in review; c3 south 300,000 with a
    credit breach (rating C, 60 days), rejected; c5 east 70,000 submitted 00:30 on 1 January in
    Shanghai (still 31 December in UTC). c4 east 100,000 was submitted on New Year's Eve 2024.
    A draft is never counted."""
    c1 = submit(personas, east, "500000.00", at(2025, 3, 28))
    c1 = through(personas, c1, at(2025, 3, 28), hours=[24, 48, 49, 24 * 9])
    submit(personas, east, "200000.00", at(2025, 3, 20))
    c3 = submit(personas, south, "300000.00", at(2025, 5, 5), owner="south_rep1", terms=60)
    decide(personas, c3, "regional_review", at(2025, 5, 6), how="reject")
    submit(personas, east, "100000.00", at(2024, 12, 31, 23, 30))
    submit(personas, east, "70000.00", at(2025, 1, 1, 0, 30))
    with time_machine.travel(at(2025, 6, 1), tick=False):
        contract_create(actor=personas["east_rep1"], customer=east, title="草稿",
                        value=Decimal("999999.00"))
    assert c1.state == ContractState.SIGNED
    return {"c1": c1, "c3": Contract.objects.get(pk=c3.pk)}


def test_totals_count_submitted_contracts_when_year_given(personas, world):
    f = figures(personas["gm"], 2025)
    assert f["totals"] == {"count": 4, "value": Decimal("1070000.00"), "signed_count": 1,
                           "signed_value": Decimal("500000.00")}
    assert f["currency"] == "CNY"
    assert f["period"] == {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


def test_new_years_eve_submission_counts_in_its_shanghai_year_when_filtered(personas, world):
    assert figures(personas["gm"], 2024)["totals"]["count"] == 1
    months = by_key(figures(personas["gm"], 2025)["by_month"])
    assert (months["2025-01"]["count"], months["2025-01"]["value"]) == (1, Decimal("70000.00"))


def test_by_region_lists_every_visible_region_when_some_are_empty(personas, world):
    rows = figures(personas["gm"], 2025)["by_region"]
    assert [(r["key"], r["count"], r["value"]) for r in rows] == [
        ("east", 3, Decimal("770000.00")), ("north", 0, Decimal("0.00")),
        ("south", 1, Decimal("300000.00"))]
    assert rows[0]["label"] == Region.objects.get(code="east").label


def test_by_state_counts_and_values_when_contracts_are_in_several_states(personas, world):
    rows = figures(personas["gm"], 2025)["by_state"]
    assert [(r["key"], r["count"], r["value"]) for r in rows] == [
        ("in_review", 2, Decimal("270000.00")), ("returned", 0, Decimal("0.00")),
        ("signed", 1, Decimal("500000.00")), ("rejected", 1, Decimal("300000.00")),
        ("withdrawn", 0, Decimal("0.00"))]


def test_by_month_has_every_month_of_the_year_when_most_are_empty(personas, world):
    rows = figures(personas["gm"], 2025)["by_month"]
    assert [r["key"] for r in rows] == [f"2025-{m:02d}" for m in range(1, 13)]
    counted = {r["key"]: (r["count"], r["value"]) for r in rows if r["count"]}
    assert counted == {"2025-01": (1, Decimal("70000.00")), "2025-03": (2, Decimal("700000.00")),
                       "2025-05": (1, Decimal("300000.00"))}


def test_signed_value_falls_in_month_of_signing_when_signed_a_month_later(personas, world):
    rows = figures(personas["gm"], 2025)["signed_by_month"]
    counted = {r["key"]: (r["count"], r["value"]) for r in rows if r["count"]}
    assert counted == {"2025-04": (1, Decimal("500000.00"))}


def test_breach_share_is_breached_out_of_submitted_when_one_of_four_breaches(personas, world):
    assert world["c3"].credit_breach
    assert figures(personas["gm"], 2025)["credit_breach"] == {
        "submitted": 4, "breached": 1, "percent": Decimal("25.0")}


def test_only_the_range_counts_when_dates_given(personas, world):
    f = figures(personas["gm"], date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))
    assert (f["totals"]["count"], f["totals"]["value"]) == (2, Decimal("700000.00"))
    assert [r["key"] for r in f["by_month"]] == ["2025-03"]
    # Signed in April, after the range: its month is shown all the same.
    assert [(r["key"], r["count"]) for r in f["signed_by_month"]] == [("2025-03", 0),
                                                                      ("2025-04", 1)]


def test_only_that_region_counts_when_region_given(personas, world):
    f = figures(personas["gm"], 2025, region=Region.objects.get(code="south"))
    assert f["totals"]["count"] == 1
    assert [r["key"] for r in f["by_region"]] == ["south"]
    assert f["region"] == "south"


def test_zeros_and_no_share_when_nothing_was_submitted(personas, world):
    f = figures(personas["gm"], 2023)
    assert f["totals"]["count"] == 0 and f["totals"]["value"] == Decimal("0.00")
    assert f["credit_breach"]["percent"] is None
    assert f["review_time"] == {"count": 0, "avg_hours": None}


# --- amendments: one contract number counts once ---------------------------------------------


def _amend(personas, v1, value: str, when):
    with time_machine.travel(when, tick=False):
        v2 = contract_amend(contract_id=v1.pk, actor=personas["east_rep1"], reason="追加数量",
                            value=Decimal(value))
        contract_submit(contract_id=v2.pk, actor=personas["east_rep1"])
    return Contract.objects.get(pk=v2.pk)


@pytest.fixture
def signed_v1(personas, east):
    v1 = submit(personas, east, "500000.00", at(2025, 3, 3))
    return through(personas, v1, at(2025, 3, 3), hours=[24, 48, 49, 24 * 30])  # signed April


def test_amended_value_counts_once_where_contract_began_when_amendment_signed(personas,
                                                                              signed_v1):
    v2 = through(personas, _amend(personas, signed_v1, "650000.00", at(2026, 2, 2)),
                 at(2026, 2, 2))
    assert v2.state == ContractState.SIGNED
    assert Contract.objects.get(pk=signed_v1.pk).state == ContractState.SUPERSEDED
    f = figures(personas["gm"], 2025)
    assert f["totals"] == {"count": 1, "value": Decimal("650000.00"), "signed_count": 1,
                           "signed_value": Decimal("650000.00")}
    assert by_key(f["by_month"])["2025-03"]["value"] == Decimal("650000.00")
    assert by_key(f["signed_by_month"])["2025-04"]["value"] == Decimal("650000.00")
    assert by_key(f["by_state"])["signed"]["count"] == 1
    assert figures(personas["gm"], 2026)["totals"]["count"] == 0


def test_signed_version_still_counts_when_amendment_is_in_review(personas, signed_v1):
    _amend(personas, signed_v1, "650000.00", at(2025, 9, 1))
    f = figures(personas["gm"], 2025)
    assert (f["totals"]["count"], f["totals"]["value"]) == (1, Decimal("500000.00"))
    assert by_key(f["by_state"])["in_review"]["count"] == 0


def test_signed_version_still_counts_when_amendment_is_rejected(personas, signed_v1):
    v2 = _amend(personas, signed_v1, "650000.00", at(2025, 9, 1))
    decide(personas, v2, "regional_review", at(2025, 9, 2), how="reject")
    f = figures(personas["gm"], 2025)
    assert (f["totals"]["count"], f["totals"]["value"]) == (1, Decimal("500000.00"))
    assert by_key(f["by_state"])["rejected"]["count"] == 0
    assert by_key(f["by_state"])["signed"]["count"] == 1
