"""What the plan services share: locking, who may change a plan, and the grid as the
rules see it (keyed by region code and username), with mismatches described for people."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ReadOnlyRoleError,
)
from core.money import fmt
from core.org import selectors as org
from core.org.models import Region, Role, RoleAssignment, User

from .. import rules
from ..models import MONTH_NAMES, Plan, month_name
from ..selectors import actions as access
from ..selectors.grid import grid_of

__all__ = ["AMOUNT_LIMIT", "MONTH_NAMES", "describe", "ensure_author", "ensure_may",
           "ensure_sales_gm", "ensure_writer", "grid_of", "lock_plan", "month_name", "names_for",
           "planned_regions", "refuse_mismatches", "salespeople_by_region"]

# The money columns hold 12 digits before the point: bigger figures are refused as input.
AMOUNT_LIMIT = Decimal("1000000000000")

def lock_plan(plan_id) -> Plan:
    plan = Plan.objects.select_for_update().filter(pk=plan_id).first() if isinstance(
        plan_id, int) and 0 < plan_id < 2**63 else None
    if plan is None:
        raise NotFoundError()
    return plan


def ensure_writer(actor: User) -> None:
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()


def ensure_sales_gm(actor: User) -> None:
    ensure_writer(actor)
    if not access.is_planner(actor):
        raise PermissionDeniedError(_("Only the sales general manager drafts and revises the "
                                      "sales plan."))


def ensure_may(plan: Plan, actor: User, action: str) -> None:
    """Who may (selectors.plan_actions, whatever the plan's state): a read-only role is refused
    as such, anyone else the rule does not name with why. The caller checks the state."""
    ensure_writer(actor)
    if action in access.plan_actions(actor, plan, any_state=True):
        return
    if action == access.SEND_TO_CEO:
        raise PermissionDeniedError(_("Only the sales general manager sends the plan to the "
                                      "CEO."))
    raise PermissionDeniedError(_("Only %(who)s, who drafted this plan, can change or submit "
                                  "it.") % {"who": plan.author})


def ensure_author(plan: Plan, actor: User) -> None:
    """The plan's author may change it (and send it on)."""
    ensure_may(plan, actor, access.EDIT)


def salespeople_by_region(region_ids=None) -> dict[int, list[User]]:
    """Active salespeople per region (their salesperson role's region), by username."""
    rows = RoleAssignment.objects.filter(role=Role.SALESPERSON, region__isnull=False,
                                         user__is_active=True).select_related("user")
    if region_ids is not None:
        rows = rows.filter(region_id__in=list(region_ids))
    out: dict[int, list[User]] = {}
    for ra in sorted(rows, key=lambda a: a.user.username):
        people = out.setdefault(ra.region_id, [])
        if all(p.pk != ra.user_id for p in people):
            people.append(ra.user)
    return out


def planned_regions() -> list[Region]:
    """The regions a new plan covers: those with a regional manager or salespeople."""
    ids = RoleAssignment.objects.filter(
        role__in=[Role.REGIONAL_MANAGER, Role.SALESPERSON], region__isnull=False,
        user__is_active=True).values("region_id")
    return list(Region.objects.filter(pk__in=ids).order_by("code"))


def names_for(grid: rules.Grid) -> dict:
    """Display names of the grid's region codes and usernames."""
    codes = set(grid.regions) | set(grid.people)
    usernames = {p for rows in grid.people.values() for p in rows}
    names = {("region", r.code): str(r) for r in Region.objects.filter(code__in=codes)}
    names.update({("person", u.username): str(u)
                  for u in User.objects.filter(username__in=usernames)})
    return names


def _where(m: rules.Mismatch, names: dict) -> str:
    parts = [_("Company") if m.region is None else names.get(("region", m.region), m.region)]
    if m.person is not None:
        parts.append(names.get(("person", m.person), m.person))
    if m.period == "year" or (not m.period and m.month is None):
        parts.append(_("year"))
    elif m.period:
        parts.append(m.period.upper())
    else:
        parts.append(month_name(m.month))
    return " · ".join(str(p) for p in parts)


def describe(m: rules.Mismatch, names: dict) -> str:
    values = {"where": _where(m, names), "found": fmt(m.found), "expected": fmt(m.expected),
              "diff": ("+" if m.difference > 0 else "") + fmt(m.difference)}
    if m.level == rules.PEOPLE_TO_REGION:
        text = _("%(where)s: the salespeople add up to %(found)s, the region's target is "
                 "%(expected)s (difference %(diff)s).")
    elif m.level == rules.REGIONS_TO_COMPANY and m.month is not None:
        text = _("%(where)s: the regions add up to %(found)s, the company's month is "
                 "%(expected)s (difference %(diff)s).")
    elif m.level == rules.REGIONS_TO_COMPANY:
        text = _("%(where)s: the regions add up to %(found)s, the company target is "
                 "%(expected)s (difference %(diff)s).")
    else:
        text = _("%(where)s: the months add up to %(found)s, the stated total is %(expected)s "
                 "(difference %(diff)s).")
    return text % values


def refuse_mismatches(mismatches: list[rules.Mismatch], grid: rules.Grid) -> None:
    """Raise with every mismatch named (cell → message); nothing has been saved."""
    if not mismatches:
        return
    names = names_for(grid)
    fields = {m.cell: [describe(m, names)] for m in mismatches}
    raise InvalidInputError(
        ngettext("The plan does not add up (%(n)d mismatch): %(first)s",
                 "The plan does not add up (%(n)d mismatches): %(first)s", len(mismatches))
        % {"n": len(mismatches), "first": " ".join(v[0] for v in list(fields.values())[:5])},
        fields=fields,
    )
