"""Pure rules of the plan decomposition (policy 2.1, 4.1): every level reconciles exactly, to the
fen, with its parent, and the spread helpers round so that the parts still add up.

A grid is keyed by whatever the caller uses for regions and people (ids, codes): salespeople sum
to their region in every month, regions sum to the company in every month and over the year,
and months sum to any quarter or year total a row states.
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import floor

from core.money import CENT, to_money

MONTHS = range(1, 13)
QUARTER_MONTHS = {1: (1, 2, 3), 2: (4, 5, 6), 3: (7, 8, 9), 4: (10, 11, 12)}
ZERO = Decimal("0.00")

# Levels of a mismatch: which parts failed to add up to which parent.
PEOPLE_TO_REGION = "people_to_region"  # salespeople of a region, one month
REGIONS_TO_COMPANY = "regions_to_company"  # regions, one month (month None: the year)
MONTHS_TO_TOTAL = "months_to_total"  # a row's months to its stated quarter or year


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def quarters(months: Sequence[Decimal]) -> list[Decimal]:
    return [sum((months[m - 1] for m in QUARTER_MONTHS[q]), ZERO) for q in range(1, 5)]


def year(months: Sequence[Decimal]) -> Decimal:
    return sum(months, ZERO)


@dataclass(frozen=True)
class Grid:
    """target: the company's year; regions: {region: 12 months}; people: {region: {person: 12
    months}}. `company` (12 months) and `stated` ({row: {"q1".."q4"|"year": amount}}, row being
    "company", (region,) or (region, person)) are totals the input states and must match."""

    target: Decimal
    regions: Mapping[Hashable, Sequence[Decimal]]
    people: Mapping[Hashable, Mapping[Hashable, Sequence[Decimal]]] = field(default_factory=dict)
    company: Sequence[Decimal] | None = None
    stated: Mapping[Hashable, Mapping[str, Decimal]] = field(default_factory=dict)


@dataclass(frozen=True)
class Mismatch:
    """A parent figure (`expected`) and the sum of its parts (`found`) that differ."""

    level: str
    expected: Decimal
    found: Decimal
    region: Hashable | None = None
    person: Hashable | None = None
    month: int | None = None  # None: the year (or the quarter in `period`)
    period: str = ""  # "q1".."q4" or "year" for MONTHS_TO_TOTAL

    @property
    def difference(self) -> Decimal:
        return self.found - self.expected

    @property
    def cell(self) -> str:
        """A stable name of the cell or total: "east/3", "east/rep1/year", "company/3"."""
        parts = ["company" if self.region is None else str(self.region)]
        if self.person is not None:
            parts.append(str(self.person))
        parts.append(self.period or (str(self.month) if self.month else "year"))
        return "/".join(parts)


def reconcile(grid: Grid) -> list[Mismatch]:
    """Every mismatch in the grid, in a stable order; an empty list means it reconciles."""
    found: list[Mismatch] = []
    for region, months in grid.regions.items():
        people = grid.people.get(region) or {}
        if not people:
            continue  # a region not decomposed to people has nothing to reconcile below it
        for m in MONTHS:
            total = sum((p[m - 1] for p in people.values()), ZERO)
            if total != months[m - 1]:
                found.append(Mismatch(PEOPLE_TO_REGION, months[m - 1], total, region=region,
                                      month=m))
    by_month = [sum((r[m - 1] for r in grid.regions.values()), ZERO) for m in MONTHS]
    if grid.company is not None:
        for m in MONTHS:
            if by_month[m - 1] != grid.company[m - 1]:
                found.append(Mismatch(REGIONS_TO_COMPANY, grid.company[m - 1],
                                      by_month[m - 1], month=m))
        if year(grid.company) != grid.target:
            found.append(Mismatch(MONTHS_TO_TOTAL, grid.target, year(grid.company),
                                  period="year"))
    elif year(by_month) != grid.target:
        found.append(Mismatch(REGIONS_TO_COMPANY, grid.target, year(by_month)))
    for row, totals in grid.stated.items():
        months = _row_months(grid, row)
        if months is None:
            continue
        region, person = (None, None) if row == "company" else (row[0], row[1] if len(row) > 1
                                                                 else None)
        sums = dict(zip(("q1", "q2", "q3", "q4"), quarters(months), strict=True))
        sums["year"] = year(months)
        for period in ("q1", "q2", "q3", "q4", "year"):
            if period in totals and totals[period] != sums[period]:
                found.append(Mismatch(MONTHS_TO_TOTAL, totals[period], sums[period],
                                      region=region, person=person, period=period))
    return found


def _row_months(grid: Grid, row) -> Sequence[Decimal] | None:
    if row == "company":
        return grid.company if grid.company is not None else [
            sum((r[m - 1] for r in grid.regions.values()), ZERO) for m in MONTHS]
    if len(row) == 1:
        return grid.regions.get(row[0])
    return (grid.people.get(row[0]) or {}).get(row[1])


# --- spreading ------------------------------------------------------------------------------


def spread(total: Decimal, parts: int | Sequence[Decimal]) -> list[Decimal]:
    """Split `total` into `parts` equal shares, or in proportion to the weights given, to the fen
    (largest remainder): the shares always add up to the total exactly. All-zero weights split
    evenly."""
    cents = int(to_money(total) / CENT)
    if cents < 0:
        raise ValueError("a negative total cannot be spread")
    weights = [Fraction(1)] * parts if isinstance(parts, int) else [
        Fraction(to_money(w)) if not isinstance(w, int) else Fraction(w) for w in parts]
    if not weights:
        raise ValueError("nothing to spread over")
    if any(w < 0 for w in weights):
        raise ValueError("weights cannot be negative")
    weight = sum(weights)
    if weight == 0:
        weights, weight = [Fraction(1)] * len(weights), Fraction(len(weights))
    raw = [cents * w / weight for w in weights]
    shares = [floor(r) for r in raw]
    left = cents - sum(shares)
    # The fen left over go one each to the shares that lost most by rounding down (the earlier
    # share first on a tie), so the result is the same every time.
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    return [Decimal(s) * CENT for s in shares]


@dataclass(frozen=True)
class Basis:
    """Weights for spreading a plan: by region (a year), by region per month, by person within a
    region. Missing or all-zero weights mean "evenly"."""

    regions: Mapping[Hashable, Decimal] = field(default_factory=dict)
    region_months: Mapping[Hashable, Sequence[Decimal]] = field(default_factory=dict)
    people: Mapping[Hashable, Mapping[Hashable, Decimal]] = field(default_factory=dict)


def spread_plan(target: Decimal, layout: Mapping[Hashable, Sequence[Hashable]],
                basis: Basis | None = None,
                region_years: Mapping[Hashable, Decimal] | None = None) -> Grid:
    """A whole grid from the company target that reconciles by construction: the target to the
    regions (or the region years given, when they add up to it), each region's year to its
    months, each region's month to its people. `layout` is {region: [people]} in order."""
    basis = basis or Basis()
    target = to_money(target)
    regions = list(layout)
    if not regions:
        return Grid(target=target, regions={}, people={})
    if region_years is not None and set(region_years) == set(regions) and sum(
            (to_money(v) for v in region_years.values()), ZERO) == target:
        years = {r: to_money(region_years[r]) for r in regions}
    else:
        shares = spread(target, [basis.regions.get(r, ZERO) for r in regions])
        years = dict(zip(regions, shares, strict=True))
    region_rows, people_rows = {}, {}
    for r in regions:
        months = spread(years[r], list(basis.region_months.get(r) or [ZERO] * 12))
        region_rows[r] = months
        people = list(layout[r])
        if not people:
            continue
        weights = [(basis.people.get(r) or {}).get(p, ZERO) for p in people]
        people_rows[r] = dict(zip(people, _spread_rows(months, weights), strict=True))
    return Grid(target=target, regions=region_rows, people=people_rows)


def _spread_rows(months: Sequence[Decimal], weights: Sequence[Decimal]) -> list[list[Decimal]]:
    """Each month split over the people by weight, exactly; the fen rounded off in one month is
    carried into the next, so each person's year also lands within a fen of their share."""
    ws = [Fraction(to_money(w)) for w in weights]
    if any(w < 0 for w in ws):
        raise ValueError("weights cannot be negative")
    if sum(ws) == 0:
        ws = [Fraction(1)] * len(ws)
    total_w = sum(ws)
    carry = [Fraction(0)] * len(ws)
    rows: list[list[Decimal]] = [[] for _ in ws]
    for amount in months:
        cents = int(to_money(amount) / CENT)
        wanted = [max(cents * w / total_w + c, Fraction(0)) for w, c in zip(ws, carry,
                                                                            strict=True)]
        shares = _round_to(cents, wanted)
        for i, share in enumerate(shares):
            carry[i] = cents * ws[i] / total_w + carry[i] - share
            rows[i].append(Decimal(share) * CENT)
    return rows


def _round_to(cents: int, wanted: list[Fraction]) -> list[int]:
    """Whole fen close to `wanted` that add up to `cents` exactly."""
    shares = [floor(x) for x in wanted]
    left = cents - sum(shares)
    up = sorted(range(len(wanted)), key=lambda i: (-(wanted[i] - shares[i]), i))
    i = 0
    while left > 0:
        shares[up[i % len(up)]] += 1
        left -= 1
        i += 1
    down = sorted(range(len(wanted)), key=lambda i: (wanted[i] - shares[i], i))
    i = 0
    while left < 0:
        j = down[i % len(down)]
        if shares[j] > 0:
            shares[j] -= 1
            left += 1
        i += 1
    return shares


# --- attainment -----------------------------------------------------------------------------


def attainment_pct(actual: Decimal, target: Decimal) -> Decimal | None:
    """Actual as a percentage of target, one decimal; None when there is no target."""
    if not target:
        return None
    return (Decimal(actual) * 100 / Decimal(target)).quantize(Decimal("0.1"))
