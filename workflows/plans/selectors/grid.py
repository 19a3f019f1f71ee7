"""The grid as pages and the API show it: the rows a viewer may see, with quarters, years,
running totals and every mismatch marked."""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from core.org.models import Region, User

from .. import rules
from ..models import MONTHS, PersonMonth, Plan, RegionMonth, month_name
from .plans import Scope, plan_scope


def grid_of(plan: Plan) -> rules.Grid:
    """The stored grid, keyed by region code and username (two queries)."""
    regions: dict[str, list[Decimal]] = {}
    for row in RegionMonth.objects.filter(plan=plan).select_related("region").order_by(
            "region__code", "month"):
        regions.setdefault(row.region.code, [rules.ZERO] * 12)[row.month - 1] = row.amount
    people: dict[str, dict[str, list[Decimal]]] = {}
    for row in PersonMonth.objects.filter(plan=plan).select_related(
            "region", "salesperson").order_by("region__code", "salesperson__username", "month"):
        line = people.setdefault(row.region.code, {}).setdefault(row.salesperson.username,
                                                                 [rules.ZERO] * 12)
        line[row.month - 1] = row.amount
    return rules.Grid(target=plan.target, regions=regions, people=people)


# --- the grid as pages show it ----------------------------------------------------------------


@dataclass
class Line:
    kind: str  # "region", "person", "people_total", "company"
    label: str
    months: list[Decimal]
    region: str = ""
    person: str = ""
    bad: set = field(default_factory=set)  # months (1-12) or "year" named in a mismatch

    @property
    def quarters(self) -> list[Decimal]:
        return rules.quarters(self.months) if self.months else []

    @property
    def year(self) -> Decimal | None:
        return rules.year(self.months) if self.months else None

    def cells(self) -> list[tuple[str, Decimal, bool]]:
        """(kind, amount, mismatched) in table order: three months and their quarter, four
        times, then the year."""
        out = []
        for q, amount in enumerate(self.quarters, 1):
            out.extend(("month", self.months[m - 1], m in self.bad)
                       for m in rules.QUARTER_MONTHS[q])
            out.append(("quarter", amount, False))
        out.append(("year", self.year, "year" in self.bad))
        return out


def grid_header() -> list[tuple[str, str]]:
    """(kind, label) of the grid's columns after the name, matching Line.cells()."""
    out = []
    for q in range(1, 5):
        out.extend(("month", month_name(m)) for m in rules.QUARTER_MONTHS[q])
        out.append(("quarter", f"Q{q}"))
    out.append(("year", ""))
    return out


@dataclass
class Block:
    region: Line
    people: list[Line]
    people_total: Line | None


@dataclass
class GridView:
    blocks: list[Block]
    company: Line | None
    target: Decimal
    mismatches: list[rules.Mismatch]

    @property
    def difference(self) -> Decimal:
        return self.company.year - self.target if self.company else Decimal(0)


def grid_view(plan: Plan, scope: Scope, grid: rules.Grid | None = None) -> GridView:
    """The rows the viewer may see, with running totals and every mismatch highlighted."""
    scope = scope.on(plan)
    grid = grid or grid_of(plan)
    mismatches = rules.reconcile(grid)
    regions = {r.code: r for r in Region.objects.filter(code__in=list(grid.regions))}
    usernames = [p for rows in grid.people.values() for p in rows]
    users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    by_cell = {}
    for m in mismatches:
        by_cell.setdefault((m.region, m.person), set()).add(m.month or "year")
    blocks = []
    for code, months in grid.regions.items():
        region = regions.get(code)
        if region is None or not scope.sees_region(region.pk):
            people = [(p, line) for p, line in (grid.people.get(code) or {}).items()
                      if scope.person_id is not None and users.get(p)
                      and users[p].pk == scope.person_id]
            if not people:
                continue
            blocks.append(Block(
                region=Line("region", region.label if region else code, [], region=code),
                people=[Line("person", str(users[p]), line, region=code, person=p)
                        for p, line in people], people_total=None))
            continue
        lines = [Line("person", str(users.get(p, p)), line, region=code, person=p)
                 for p, line in (grid.people.get(code) or {}).items()]
        total = None
        if lines:
            sums = [sum((ln.months[m - 1] for ln in lines), rules.ZERO) for m in MONTHS]
            total = Line("people_total", "", sums, region=code,
                         bad=by_cell.get((code, None), set()))
        blocks.append(Block(region=Line("region", region.label, list(months), region=code,
                                        bad=by_cell.get((code, None), set())),
                            people=lines, people_total=total))
    company = None
    if scope.all_rows:
        sums = [sum((r[m - 1] for r in grid.regions.values()), rules.ZERO) for m in MONTHS]
        company = Line("company", "", sums, bad=by_cell.get((None, None), set()))
    return GridView(blocks=blocks, company=company, target=grid.target, mismatches=mismatches)


def export_scope(user: User, plan: Plan | None = None) -> dict:
    """plan_export_xlsx's arguments for what this user may see of `plan`. Without the plan,
    finance's whole-plan reading counts only for someone who reads nothing else (and so sees
    only plans in force)."""
    scope = plan_scope(user)
    if plan is not None:
        scope = scope.on(plan)
    elif scope.published and (scope.region_ids or scope.person_id is not None):
        scope = replace(scope, published=False)
    if scope.all_rows:
        return {}
    codes = set(Region.objects.filter(pk__in=scope.region_ids).values_list("code", flat=True))
    person = User.objects.filter(pk=scope.person_id).values_list(
        "username", flat=True).first() if scope.person_id else None
    return {"region_codes": codes, "person": person}


def visible_diff(user: User, diff):
    """The diff with only the cells of rows the user may see."""
    scope = plan_scope(user)
    if scope.on(diff.before).all_rows and scope.on(diff.after).all_rows:
        return diff
    seen = set()
    for plan in (diff.before, diff.after):
        for block in grid_view(plan, scope).blocks:
            if block.region.months:
                seen.add((block.region.region, None))
            seen |= {(block.region.region, line.person) for line in block.people}
    diff.cells = [c for c in diff.cells if (c.region, c.person) in seen]
    return diff
