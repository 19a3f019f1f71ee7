"""The allocation grid: saved whole or not at all, only when every level reconciles to the fen;
and the changed cells between two versions."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.exceptions import InvalidInputError, StateConflictError
from core.money import fmt, to_money
from core.org.models import Region, Role, RoleAssignment, User

from .. import rules
from ..models import MONTHS, PersonMonth, Plan, PlanState, RegionMonth
from ..selectors import actions as access
from ..steps import KIND
from .common import (
    AMOUNT_LIMIT,
    ensure_may,
    grid_of,
    lock_plan,
    month_name,
    refuse_mismatches,
)

PERIODS = ("q1", "q2", "q3", "q4", "year")


@dataclass
class GridRow:
    """One input row: a region's months (person None) or a salesperson's within a region.
    `label` is how the input names the row in errors ("row 7", "regions.0.people.1")."""

    region: str
    months: list
    person: str | None = None
    stated: dict = field(default_factory=dict)
    label: str = ""


def parse_amount(value) -> Decimal:
    """A cell: blank is zero; anything else a non-negative amount the columns can hold."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return rules.ZERO
    if isinstance(value, bool):
        raise ValueError(value)
    try:
        amount = to_money(value)
    except (ValueError, ArithmeticError):
        raise ValueError(value) from None
    if amount < 0 or amount >= AMOUNT_LIMIT:
        raise ValueError(value)
    return amount


def _amount_error(value) -> str:
    try:
        amount = to_money(value)
    except (ValueError, ArithmeticError):
        return _("Enter an amount, e.g. 125000.00.")
    if amount < 0:
        return _("A target cannot be negative.")
    return _("This amount is too large.")


def build_grid(*, target, rows: list[GridRow], company_months=None,
               company_stated: dict | None = None) -> rules.Grid:
    """Parse and check the rows (every problem at once, by row); the reconciliation is separate.
    Raises InvalidInputError naming each bad row or cell."""
    errors: dict[str, list[str]] = {}
    try:
        parsed_target = parse_amount(target)
        if target is None or (isinstance(target, str) and not target.strip()):
            raise ValueError(target)
    except ValueError:
        errors["target"] = [_("Enter the company target, e.g. 12000000.00.")]
        parsed_target = rules.ZERO
    codes = {r.code: r for r in Region.objects.filter(code__in={row.region for row in rows
                                                                if isinstance(row.region, str)})}
    usernames = {row.person for row in rows if isinstance(row.person, str)}
    users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    sellers = set(RoleAssignment.objects.filter(
        role=Role.SALESPERSON, user__username__in=usernames).values_list("user__username",
                                                                        flat=True))
    regions: dict[str, list[Decimal]] = {}
    people: dict[str, dict[str, list[Decimal]]] = {}
    stated: dict = {}
    person_rows: list[GridRow] = []
    for index, row in enumerate(rows, 1):
        label = row.label = row.label or _("row %(n)d") % {"n": index}
        problems = []
        if row.region not in codes:
            problems.append(_("No region with the code “%(code)s”.") % {"code": row.region})
        if row.person is not None:
            user = users.get(row.person)
            if user is None or not user.is_active:
                problems.append(_("No active user “%(name)s”.") % {"name": row.person})
            elif row.person not in sellers:
                problems.append(_("%(who)s is not a salesperson.") % {"who": user})
        if not isinstance(row.months, list | tuple) or len(row.months) != 12:
            problems.append(_("Give twelve months."))
            months = None
        else:
            months = []
            for m, value in zip(MONTHS, row.months, strict=True):
                try:
                    months.append(parse_amount(value))
                except ValueError:
                    errors[f"{label}.{m}"] = [f"{month_name(m)}: {_amount_error(value)}"]
        totals = {}
        for period, value in (row.stated or {}).items():
            if period not in PERIODS or value is None or value == "":
                continue
            try:
                totals[period] = parse_amount(value)
            except ValueError:
                errors[f"{label}.{period}"] = [_amount_error(value)]
        if problems:
            errors[label] = problems
            continue
        if months is None or len(months) != 12:
            continue
        if row.person is None:
            if row.region in regions:
                errors[label] = [_("The region %(region)s appears twice.")
                                 % {"region": codes[row.region]}]
                continue
            regions[row.region] = months
            if totals:
                stated[(row.region,)] = totals
        else:
            if any(row.person in rows_ for rows_ in people.values()):
                errors[label] = [_("%(who)s appears twice; a salesperson has one line.")
                                 % {"who": users[row.person]}]
                continue
            people.setdefault(row.region, {})[row.person] = months
            person_rows.append(row)
            if totals:
                stated[(row.region, row.person)] = totals
    for row in person_rows:
        if row.region not in regions:
            errors.setdefault(row.label, []).append(
                _("%(who)s is planned in %(region)s, which has no region row.")
                % {"who": users[row.person], "region": codes[row.region]})
    company = None
    if company_months is not None:
        try:
            company = [parse_amount(v) for v in company_months]
            if len(company) != 12:
                raise ValueError(company_months)
        except (ValueError, TypeError):
            errors["company_months"] = [_("Give twelve company months, or none.")]
    for period, value in (company_stated or {}).items():
        if period in PERIODS and value not in (None, ""):
            try:
                stated.setdefault("company", {})[period] = parse_amount(value)
            except ValueError:
                errors[f"company.{period}"] = [_amount_error(value)]
    if not regions and not errors:
        errors["regions"] = [_("Plan at least one region.")]
    if errors:
        raise InvalidInputError(_("Some rows of the plan are not valid: %(first)s")
                                % {"first": next(iter(errors.values()))[0]}, fields=errors)
    return rules.Grid(target=parsed_target, regions=regions, people=people, company=company,
                      stated=stated)


def _cells(grid: rules.Grid) -> dict[tuple, Decimal]:
    cells = {}
    for region, months in grid.regions.items():
        for m in MONTHS:
            cells[(region, None, m)] = months[m - 1]
    for region, rows in grid.people.items():
        for person, months in rows.items():
            for m in MONTHS:
                cells[(region, person, m)] = months[m - 1]
    return cells


def grid_changes(before: rules.Grid, after: rules.Grid) -> dict:
    """{"east/3": ["100.00", "120.00"], "east/rep1/3": [...], "target": [...]} for the audit."""
    old, new = _cells(before), _cells(after)
    out = {}
    for key in sorted(set(old) | set(new), key=lambda k: (k[0], k[1] or "", k[2])):
        a, b = old.get(key), new.get(key)
        if a != b:
            name = "/".join(str(p) for p in key if p is not None)
            out[name] = [None if a is None else str(a), None if b is None else str(b)]
    if before.target != after.target:
        out["target"] = [str(before.target), str(after.target)]
    return out


def _store(plan: Plan, grid: rules.Grid) -> None:
    regions = {r.code: r for r in Region.objects.filter(code__in=list(grid.regions))}
    users = {u.username: u for u in User.objects.filter(
        username__in=[p for rows in grid.people.values() for p in rows])}
    RegionMonth.objects.filter(plan=plan).delete()
    PersonMonth.objects.filter(plan=plan).delete()
    RegionMonth.objects.bulk_create([
        RegionMonth(plan=plan, region=regions[code], month=m, amount=months[m - 1])
        for code, months in grid.regions.items() for m in MONTHS])
    PersonMonth.objects.bulk_create([
        PersonMonth(plan=plan, region=regions[code], salesperson=users[person], month=m,
                    amount=months[m - 1])
        for code, rows in grid.people.items() for person, months in rows.items()
        for m in MONTHS])


def store_new_grid(plan: Plan, grid: rules.Grid) -> None:
    """The first grid of a plan just created (by the services that create plans)."""
    _store(plan, grid)


@transaction.atomic
def allocations_save(*, plan_id: int, actor: User, target, rows: list[GridRow],
                     company_months=None, company_stated: dict | None = None,
                     source: str = "grid", comment: str = "") -> Plan:
    """Replace the whole grid of a draft (or returned) plan, or refuse with every mismatch
    named; nothing is half-saved."""
    plan = lock_plan(plan_id)
    ensure_may(plan, actor, access.EDIT)
    if plan.state not in access.ACTION_STATES[access.EDIT]:
        if plan.state == PlanState.PUBLISHED:
            raise StateConflictError(_("A published plan is read-only; draft a revision to "
                                       "change it."))
        raise StateConflictError(_("The plan is %(state)s; it can be changed only as a draft or "
                                   "when returned for revision.")
                                 % {"state": plan.get_state_display()})
    grid = build_grid(target=target, rows=rows, company_months=company_months,
                      company_stated=company_stated)
    refuse_mismatches(rules.reconcile(grid), grid)
    before = grid_of(plan)
    changes = grid_changes(before, grid)
    _store(plan, grid)
    if plan.target != grid.target:
        plan.target = grid.target
        plan.save(update_fields=["target"])
        engine.update_request(kind=KIND, object_id=plan.pk, amount=plan.target)
    audit.record(actor=actor, subject=plan, event="plan.allocations_saved", changes=changes,
                 comment=comment, data={"source": source, "cells_changed": len(changes),
                                        "target": fmt(plan.target)})
    return plan


@dataclass(frozen=True)
class CellChange:
    region: str
    person: str | None
    month: int
    before: Decimal | None
    after: Decimal | None

    @property
    def change(self) -> Decimal:
        return (self.after or rules.ZERO) - (self.before or rules.ZERO)


@dataclass
class VersionDiff:
    before: Plan
    after: Plan
    target: tuple[Decimal, Decimal] | None
    strategy_changed: bool
    cells: list[CellChange]


def version_diff(before: Plan, after: Plan) -> VersionDiff:
    """The cells that differ between two versions of one plan (any two, either order)."""
    if before.number != after.number:
        raise InvalidInputError(_("Compare two versions of the same plan."),
                                fields={"against": [_("Choose a version of %(number)s.")
                                                    % {"number": after.number}]})
    old, new = _cells(grid_of(before)), _cells(grid_of(after))
    cells = [CellChange(k[0], k[1], k[2], old.get(k), new.get(k))
             for k in sorted(set(old) | set(new), key=lambda k: (k[0], k[1] or "", k[2]))
             if old.get(k) != new.get(k)]
    return VersionDiff(before=before, after=after,
                       target=(before.target, after.target) if before.target != after.target
                       else None,
                       strategy_changed=before.strategy != after.strategy, cells=cells)
