"""The editable grid of the plan page: one input per region month and salesperson month, read
back from the POST as typed (so a refused grid is shown again as typed, with the bad cells
marked), turned into the service's GridRows, and shown with running totals.

Input names: `target`; `r-<region>-<month>` a region's month and `ry-<region>` its year (used
only by the spread helpers); `p-<region>-<username>-<month>` a salesperson's month; `rows`
lists the rows in order ("east", "east:east_rep1"); `remove` the salesperson rows to drop;
`add` a row to add ("east:east_rep4")."""

from dataclasses import dataclass, field
from decimal import Decimal

from core.money import to_money
from core.org.models import Region, User

from . import rules
from .models import MONTHS
from .services import GridRow
from .services.common import month_name

ZERO = rules.ZERO


def parse(raw) -> Decimal | None:
    if raw is None or str(raw).strip() == "":
        return ZERO
    try:
        value = to_money(raw)
    except (ValueError, ArithmeticError):
        return None
    return value if abs(value) < Decimal("1e13") else None


def _fmt(amount: Decimal) -> str:
    return f"{amount:.2f}"


@dataclass
class Cell:
    name: str
    raw: str
    month: int
    error: str = ""
    mismatch: bool = False

    @property
    def value(self) -> Decimal:
        return parse(self.raw) or ZERO

    @property
    def label(self) -> str:
        return month_name(self.month)


@dataclass
class EditRow:
    kind: str  # region / person / people_total / company
    key: str
    region: str
    label: str
    person: str = ""
    cells: list[Cell] = field(default_factory=list)
    year_raw: str = ""
    errors: list[str] = field(default_factory=list)
    bad_year: bool = False

    @property
    def months(self) -> list[Decimal]:
        return [c.value for c in self.cells]

    @property
    def quarters(self) -> list[Decimal]:
        return rules.quarters(self.months)

    @property
    def year(self) -> Decimal:
        return rules.year(self.months)

    def by_quarter(self):
        """[(cells of the quarter, its sum)] for the table's column order."""
        return [(self.cells[(q - 1) * 3: q * 3], amount)
                for q, amount in enumerate(self.quarters, 1)]


def key_of(region: str, person: str | None) -> str:
    return f"{region}:{person}" if person else region


def from_grid(grid: rules.Grid) -> tuple[str, list[EditRow]]:
    rows = []
    for code, months in grid.regions.items():
        rows.append(_row("region", code, None, [_fmt(m) for m in months],
                         _fmt(rules.year(months))))
        for person, line in (grid.people.get(code) or {}).items():
            rows.append(_row("person", code, person, [_fmt(m) for m in line]))
    return _fmt(grid.target), _named(rows)


def _row(kind, region, person, raws, year_raw="") -> EditRow:
    prefix = f"p-{region}-{person}" if person else f"r-{region}"
    return EditRow(kind=kind, key=key_of(region, person), region=region, person=person or "",
                   label=person or region, year_raw=year_raw,
                   cells=[Cell(f"{prefix}-{m}", raws[m - 1], m) for m in MONTHS])


def _named(rows: list[EditRow]) -> list[EditRow]:
    regions = {r.code: r.label for r in Region.objects.filter(code__in={r.region for r in rows})}
    people = {u.username: str(u) for u in User.objects.filter(
        username__in={r.person for r in rows if r.person})}
    for r in rows:
        r.label = people.get(r.person, r.person) if r.person else regions.get(r.region, r.region)
    return rows


def from_post(data) -> tuple[str, list[EditRow]]:
    """The rows as typed, in the order posted, less those ticked for removal, plus one added."""
    keys = [k for k in data.getlist("rows") if k and len(k) < 200]
    removed = set(data.getlist("remove"))
    added = (data.get("add") or "").strip()
    if added and ":" in added and added not in keys and len(added) < 200:
        region = added.split(":", 1)[0]
        at = max((i for i, k in enumerate(keys) if k.split(":", 1)[0] == region), default=None)
        if at is None:
            keys.append(region)
            keys.append(added)
        else:
            keys.insert(at + 1, added)
    rows, seen = [], set()
    for key in keys:
        if key in removed or key in seen:
            continue
        seen.add(key)
        region, _, person = key.partition(":")
        prefix = f"p-{region}-{person}" if person else f"r-{region}"
        raws = [str(data.get(f"{prefix}-{m}", "")).strip()[:40] for m in MONTHS]
        rows.append(_row("person" if person else "region", region, person or None, raws,
                         str(data.get(f"ry-{region}", "")).strip()[:40] if not person else ""))
    return str(data.get("target", "")).strip()[:40], _named(rows)


def to_grid_rows(rows: list[EditRow]) -> list[GridRow]:
    return [GridRow(region=r.region, person=r.person or None, months=[c.raw for c in r.cells],
                    label=r.key) for r in rows if r.kind in ("region", "person")]


def layout(rows: list[EditRow]) -> dict:
    out: dict = {}
    for r in rows:
        if r.kind == "region":
            out.setdefault(r.region, [])
        elif r.kind == "person":
            out.setdefault(r.region, []).append(r.person)
    return out


def region_years(rows: list[EditRow]) -> dict | None:
    """The region years typed, when every region has one that parses."""
    years = {}
    for r in rows:
        if r.kind == "region":
            value = parse(r.year_raw) if r.year_raw else None
            if value is None:
                return None
            years[r.region] = value
    return years


def apply_grid(rows: list[EditRow], grid: rules.Grid) -> None:
    """Fill the rows' cells from a spread grid (the helpers), keeping the rows as they are."""
    for r in rows:
        line = grid.people.get(r.region, {}).get(r.person) if r.person else grid.regions.get(
            r.region)
        if line is None:
            continue
        for cell, amount in zip(r.cells, line, strict=True):
            cell.raw = _fmt(amount)
        if r.kind == "region":
            r.year_raw = _fmt(rules.year(line))


def mark(rows: list[EditRow], fields: dict) -> list[str]:
    """Put the service's errors on their cells and rows; return those that fit nowhere.

    Keys: "east.3" / "east:rep1.3" (a bad cell), "east" (a bad row), "east/3" / "east/rep1/q2" /
    "company/year" (a mismatch)."""
    by_key = {r.key: r for r in rows}
    loose = []
    for key, messages in fields.items():
        text = " ".join(str(m) for m in messages)
        if "/" in key:
            parts = key.split("/")
            period = parts[-1]
            row = by_key.get(key_of(parts[0], parts[1] if len(parts) == 3 else None))
            if parts[0] == "company" or row is None:
                loose.append(text)
                continue
            row.errors.append(text)
            if period.isdigit():
                row.cells[int(period) - 1].mismatch = True
            elif period == "year":
                row.bad_year = True
            continue
        base, _, month = key.partition(".")
        row = by_key.get(base)
        if row is None:
            loose.append(text)
        elif month.isdigit() and 1 <= int(month) <= 12:
            row.cells[int(month) - 1].error = text
        else:
            row.errors.append(text)
    return loose


def with_totals(rows: list[EditRow]) -> list[EditRow]:
    """The rows with a salespeople-total row after each region's people (running totals), the
    region rows' months marked where their people do not add up to them."""
    out, i = [], 0
    while i < len(rows):
        row = rows[i]
        out.append(row)
        i += 1
        if row.kind != "region":
            continue
        people = []
        while i < len(rows) and rows[i].kind == "person" and rows[i].region == row.region:
            people.append(rows[i])
            out.append(rows[i])
            i += 1
        if people:
            sums = [sum((p.cells[m - 1].value for p in people), ZERO) for m in MONTHS]
            total = EditRow(kind="people_total", key=f"{row.key}:total", region=row.region,
                            label="", cells=[Cell("", _fmt(s), m) for m, s in
                                             zip(MONTHS, sums, strict=True)])
            for m in MONTHS:
                if sums[m - 1] != row.cells[m - 1].value:
                    total.cells[m - 1].mismatch = True
            out.append(total)
    return out


def company_row(rows: list[EditRow]) -> EditRow:
    sums = [sum((r.cells[m - 1].value for r in rows if r.kind == "region"), ZERO)
            for m in MONTHS]
    return EditRow(kind="company", key="company", region="", label="",
                   cells=[Cell("", _fmt(s), m) for m, s in zip(MONTHS, sums, strict=True)])
