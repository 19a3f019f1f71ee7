"""Every level reconciles exactly with its parent, to the fen (policy 2.1): salespeople to their
region each month, regions to the company each month and over the year, months to any stated
quarter or year. Each mismatch is reported with its cell, expected, found and difference."""

from decimal import Decimal as D

from workflows.plans import rules
from workflows.plans.rules import Grid, reconcile


def even(total: str) -> list[D]:
    return rules.spread(D(total), 12)


def consistent() -> Grid:
    east, south = even("1200.00"), even("600.00")
    return Grid(target=D("1800.00"), regions={"east": east, "south": south},
                people={"east": {"a": even("840.00"), "b": even("360.00")},
                        "south": {"c": even("600.00")}})


def test_no_mismatch_when_every_level_adds_up():
    assert reconcile(consistent()) == []


def test_the_cell_is_named_when_one_salesperson_month_is_off_by_one_fen():
    grid = consistent()
    grid.people["east"]["a"][2] += D("0.01")  # March

    (m,) = reconcile(grid)

    assert m.level == rules.PEOPLE_TO_REGION
    assert (m.region, m.month, m.person) == ("east", 3, None)
    assert m.cell == "east/3"
    assert m.expected == D("100.00") and m.found == D("100.01")
    assert m.difference == D("0.01")


def test_regions_against_the_target_when_a_region_month_is_off():
    grid = consistent()
    grid.regions["south"][11] -= D("0.01")  # December, people no longer match either

    found = {(m.level, m.cell, m.difference) for m in reconcile(grid)}

    assert found == {(rules.PEOPLE_TO_REGION, "south/12", D("0.01")),
                     (rules.REGIONS_TO_COMPANY, "company/year", D("-0.01"))}


def test_every_mismatch_is_listed_not_only_the_first():
    grid = consistent()
    grid.people["east"]["a"][0] += D("1.00")
    grid.people["south"]["c"][5] -= D("2.00")

    cells = [m.cell for m in reconcile(grid)]

    assert cells == ["east/1", "south/6"]


def test_company_months_are_checked_per_month_when_stated():
    grid = consistent()
    company = [a + b for a, b in zip(grid.regions["east"], grid.regions["south"], strict=True)]
    company[3] += D("0.01")
    company[4] -= D("0.01")
    stated = Grid(target=grid.target, regions=grid.regions, people=grid.people, company=company)

    found = [(m.cell, m.expected - m.found) for m in reconcile(stated)]

    assert found == [("company/4", D("0.01")), ("company/5", D("-0.01"))]


def test_company_months_against_the_target_when_they_add_up_to_another_year():
    grid = consistent()
    company = [a + b for a, b in zip(grid.regions["east"], grid.regions["south"], strict=True)]
    stated = Grid(target=D("1800.01"), regions=grid.regions, people=grid.people,
                  company=company)

    (m,) = reconcile(stated)

    assert (m.level, m.cell, m.difference) == (rules.MONTHS_TO_TOTAL, "company/year",
                                               D("-0.01"))


def test_stated_quarter_and_year_totals_must_match_their_months():
    grid = consistent()
    stated = Grid(target=grid.target, regions=grid.regions, people=grid.people,
                  stated={("east",): {"q1": D("300.00"), "year": D("1200.00")},
                          ("east", "a"): {"q2": D("210.01")}})

    found = [(m.cell, m.expected, m.found) for m in reconcile(stated)]

    assert found == [("east/a/q2", D("210.01"), D("210.00"))]


def test_a_region_without_salespeople_is_checked_only_against_the_company():
    grid = Grid(target=D("120.00"), regions={"north": even("120.00")}, people={})
    assert reconcile(grid) == []


def test_regions_must_reach_the_target_when_no_company_months_are_given():
    grid = Grid(target=D("1000.00"), regions={"north": even("999.99")})

    (m,) = reconcile(grid)

    assert (m.cell, m.expected, m.found) == ("company/year", D("1000.00"), D("999.99"))


def test_quarters_are_sums_of_months():
    months = [D(m) for m in range(1, 13)]
    assert rules.quarters(months) == [D(6), D(15), D(24), D(33)]
    assert rules.year(months) == D(78)
