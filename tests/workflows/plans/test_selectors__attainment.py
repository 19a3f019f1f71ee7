"""Attainment per salesperson, region, quarter and year; who sees which plans and which lines:
the sales GM, the CEO and auditors everything, a regional manager their region, a salesperson
their own line."""

from decimal import Decimal

import pytest

from core.org.models import Region
from workflows.plans import selectors, services
from workflows.plans.models import Actual

from .conftest import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_year(personas, published, draft):
    """This year's published plan: 1,200,000.00 a region (100,000.00 a month), people even;
    actuals for January and February."""
    plan = published("3600000.00", year=YEAR)
    gm = personas["gm"]
    for username, month, amount in [("east_rep1", 1, "40000.00"), ("east_rep2", 1, "30000.00"),
                                    ("east_rep3", 1, "50000.00"), ("east_rep1", 2, "20000.00"),
                                    ("south_rep1", 1, "50000.00"),
                                    ("north_rep2", 2, "100000.00")]:
        user = personas[username]
        Actual.objects.create(salesperson=user, region=user.region, year=YEAR, month=month,
                              amount=Decimal(amount), recorded_by=gm)
    return plan


def test_company_region_and_salesperson_figures_for_the_sales_gm(personas, this_year):
    a = selectors.attainment(this_year, personas["gm"])

    assert a.through == 2
    assert a.company.year_target == Decimal("3600000.00")
    assert a.company.year_actual == Decimal("290000.00")
    assert a.company.pct == Decimal("8.1")
    assert a.company.to_date_target == Decimal("600000.00")
    assert a.company.to_date_pct == Decimal("48.3")
    east = next(r for r in a.regions if r.region == "east")
    assert east.actual[:2] == [Decimal("120000.00"), Decimal("20000.00")]
    assert east.quarters[0] == (Decimal("300000.00"), Decimal("140000.00"), Decimal("46.7"))
    assert east.months[0][3] == Decimal("120.0")
    rep1 = next(p for p in a.people if p.person == "east_rep1")
    assert rep1.year_actual == Decimal("60000.00")
    assert rep1.year_target == Decimal("400000.00")
    assert rep1.pct == Decimal("15.0")
    assert {p.person for p in a.people} == {"east_rep1", "east_rep2", "east_rep3",
                                            "south_rep1", "south_rep2", "north_rep1",
                                            "north_rep2"}


def test_regional_manager_sees_their_region_only(personas, this_year):
    a = selectors.attainment(this_year, personas["south_mgr"])
    assert a.company is None
    assert [r.region for r in a.regions] == ["south"]
    assert {p.person for p in a.people} == {"south_rep1", "south_rep2"}
    assert a.regions[0].year_actual == Decimal("50000.00")


def test_salesperson_sees_their_own_line_only(personas, this_year):
    a = selectors.attainment(this_year, personas["east_rep2"])
    assert a.company is None and a.regions == []
    (line,) = a.people
    assert line.person == "east_rep2" and line.year_actual == Decimal("30000.00")


@pytest.mark.parametrize("who", ["ceo", "auditor", "gm"])
def test_sales_gm_ceo_and_auditor_see_every_plan_and_line(personas, this_year, draft, who):
    nxt = draft()
    assert set(selectors.visible_plans(personas[who])) == {this_year, nxt}
    view = selectors.grid_view(this_year, selectors.plan_scope(personas[who]))
    assert len(view.blocks) == 3 and view.company is not None


def test_regional_manager_sees_submitted_plans_of_their_region_not_drafts(personas, this_year,
                                                                          draft):
    nxt = draft()
    assert list(selectors.visible_plans(personas["east_mgr"])) == [this_year]
    services.plan_submit_for_confirmation(plan_id=nxt.pk, actor=personas["gm"])
    assert set(selectors.visible_plans(personas["east_mgr"])) == {this_year, nxt}
    view = selectors.grid_view(nxt, selectors.plan_scope(personas["east_mgr"]))
    assert [b.region.region for b in view.blocks] == ["east"] and view.company is None


def test_salesperson_sees_published_plans_with_their_line(personas, this_year, draft):
    nxt = draft()
    services.plan_submit_for_confirmation(plan_id=nxt.pk, actor=personas["gm"])
    assert list(selectors.visible_plans(personas["north_rep1"])) == [this_year]
    view = selectors.grid_view(this_year, selectors.plan_scope(personas["north_rep1"]))
    (block,) = view.blocks
    assert [p.person for p in block.people] == ["north_rep1"] and block.region.months == []
    assert list(selectors.visible_plans(personas["legal"])) == []


def test_actuals_listed_within_the_readers_scope(personas, this_year):
    assert selectors.actuals_for(personas["gm"], YEAR).count() == 6
    assert {a.region.code for a in selectors.actuals_for(personas["east_mgr"], YEAR)} == {
        "east"}
    assert [a.salesperson.username for a in selectors.actuals_for(personas["east_rep1"],
                                                                   YEAR)] == ["east_rep1"] * 2
    assert selectors.actuals_for(personas["legal"], YEAR).count() == 0


def test_last_years_actuals_give_the_spread_basis(personas, this_year):
    basis = selectors.last_year_basis(YEAR, {"east": [], "south": []})
    assert basis.regions == {"east": Decimal("140000.00"), "south": Decimal("50000.00")}
    assert basis.people["east"]["east_rep1"] == Decimal("60000.00")
    assert Region.objects.count() == 3
