"""Last year's actuals as a spread basis, the actuals a viewer may read, and attainment per
month, quarter and year for the company, the regions and the salespeople."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from core.org.models import User

from .. import rules
from ..models import MONTHS, Actual, ActualBasis, Plan
from .business import business_rows
from .grid import grid_of, grid_view
from .plans import plan_scope

# --- last year's actuals, the spread basis ----------------------------------------------------


def last_year_basis(year: int, layout: dict) -> rules.Basis:
    """Weights from `year`'s actuals: per region, per region and month, per salesperson."""
    rows = (Actual.objects.filter(year=year)
            .values_list("region__code", "salesperson__username", "month")
            .annotate(total=Sum("amount")))
    regions, months, people = {}, {}, {}
    for code, username, month, total in rows:
        regions[code] = regions.get(code, rules.ZERO) + total
        line = months.setdefault(code, [rules.ZERO] * 12)
        line[month - 1] += total
        people.setdefault(code, {})
        people[code][username] = people[code].get(username, rules.ZERO) + total
    return rules.Basis(regions={c: v for c, v in regions.items() if c in layout},
                       region_months={c: v for c, v in months.items() if c in layout},
                       people=people)


def has_actuals(year: int) -> bool:
    return Actual.objects.filter(year=year).exists()


# --- actuals and attainment -------------------------------------------------------------------


def actuals_for(user: User, year: int) -> QuerySet[Actual]:
    scope = plan_scope(user)
    qs = Actual.objects.filter(year=year).select_related("salesperson", "region",
                                                          "recorded_by")
    if scope.all_rows:
        return qs
    q = Q(region_id__in=scope.region_ids)
    if scope.person_id is not None:
        q |= Q(salesperson_id=scope.person_id)
    return qs.filter(q)


@dataclass
class Attained:
    kind: str  # company / region / person
    label: str
    target: list[Decimal]
    actual: list[Decimal]
    through: int  # months with actuals so far (0-12)
    region: str = ""
    person: str = ""
    # With a business basis: of `actual`, what was entered by hand as adjustments
    adjustments: list[Decimal] | None = None

    @property
    def year_adjustments(self) -> Decimal:
        return rules.year(self.adjustments) if self.adjustments else rules.ZERO

    @property
    def year_business(self) -> Decimal:
        return self.year_actual - self.year_adjustments

    @property
    def year_target(self) -> Decimal:
        return rules.year(self.target)

    @property
    def year_actual(self) -> Decimal:
        return rules.year(self.actual)

    @property
    def pct(self) -> Decimal | None:
        return rules.attainment_pct(self.year_actual, self.year_target)

    @property
    def to_date_target(self) -> Decimal:
        return rules.year(self.target[: self.through])

    @property
    def to_date_pct(self) -> Decimal | None:
        return rules.attainment_pct(self.year_actual, self.to_date_target)

    @property
    def quarters(self) -> list[tuple[Decimal, Decimal, Decimal | None]]:
        return [(t, a, rules.attainment_pct(a, t))
                for t, a in zip(rules.quarters(self.target), rules.quarters(self.actual),
                                strict=True)]

    @property
    def months(self) -> list[tuple[int, Decimal, Decimal, Decimal | None]]:
        return [(m, self.target[m - 1], self.actual[m - 1],
                 rules.attainment_pct(self.actual[m - 1], self.target[m - 1])) for m in MONTHS]


@dataclass
class Attainment:
    plan: Plan
    through: int
    company: Attained | None
    regions: list[Attained]
    people: list[Attained]


def attainment(plan: Plan, user: User) -> Attainment:
    """Targets against actuals per month, quarter and year, for the company, each region and
    each salesperson the viewer may see."""
    scope = plan_scope(user)
    grid = grid_of(plan)
    view = grid_view(plan, scope, grid)
    by_region, by_person = {}, {}
    adj_region: dict[str, list[Decimal]] = {}
    adj_person: dict[str, list[Decimal]] = {}
    business = plan.actual_basis != ActualBasis.ENTERED
    last = 0
    for row in business_rows(plan.actual_basis, plan.fiscal_year):
        by_region.setdefault(row.region, [rules.ZERO] * 12)[row.month - 1] += row.amount
        by_person.setdefault(row.person, [rules.ZERO] * 12)[row.month - 1] += row.amount
        last = max(last, row.month)
    for code, username, month, total in (
            Actual.objects.filter(year=plan.fiscal_year)
            .values_list("region__code", "salesperson__username", "month")
            .annotate(total=Sum("amount"))):
        by_region.setdefault(code, [rules.ZERO] * 12)[month - 1] += total
        by_person.setdefault(username, [rules.ZERO] * 12)[month - 1] += total
        if business:  # typed by hand: an adjustment of what the business recorded
            adj_region.setdefault(code, [rules.ZERO] * 12)[month - 1] += total
            adj_person.setdefault(username, [rules.ZERO] * 12)[month - 1] += total
        last = max(last, month)
    today = timezone.localdate()
    if plan.fiscal_year < today.year:
        last = 12
    regions, people = [], []
    for block in view.blocks:
        if block.region.months:
            regions.append(Attained("region", block.region.label, block.region.months,
                                    by_region.get(block.region.region, [rules.ZERO] * 12),
                                    last, region=block.region.region,
                                    adjustments=adj_region.get(block.region.region)))
        for line in block.people:
            people.append(Attained("person", line.label, line.months,
                                   by_person.get(line.person, [rules.ZERO] * 12), last,
                                   region=line.region, person=line.person,
                                   adjustments=adj_person.get(line.person)))
    company = None
    if view.company is not None:
        actual = [sum((r[m - 1] for r in by_region.values()), rules.ZERO) for m in MONTHS]
        adjusted = [sum((r[m - 1] for r in adj_region.values()), rules.ZERO) for m in MONTHS]
        company = Attained("company", "", view.company.months, actual, last,
                           adjustments=adjusted if business else None)
    return Attainment(plan=plan, through=last, company=company, regions=regions, people=people)
