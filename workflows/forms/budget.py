"""A template's budget (the shipped 培训计划): a request's money field held against the
submitter's department budget of one category, for the month of one date field, through
expenses' budget holds (the way a campaign holds its lines: `ledger.hold` locks the month and
quarter rows, so concurrent approvals can never hold more than remains).

The definition names it: `"budget": {"amount_field": key, "category": code, "date_field":
key}` (a required, always shown money field; an expenses category; a required, always shown
date or date range field, whose first day gives the month). Over what remains when it is
submitted, the category's rule decides (CategoryPolicy): refused, or the sales GM's approval
added as a last step. On the last approval the amount is held (refused with the figures, the
task left open, if it no longer fits and the rule refuses); released on cancellation (and on
any rejection or withdrawal that finds a hold)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from core.money import fmt
from core.org.models import Role, User
from workflows.expenses.models import Category
from workflows.expenses.services import ledger

from . import rules

OverBudgetError = ledger.OverBudgetError
OVER_BUDGET_ROLE = Role.SALES_GM  # the expenses rule's extra approval ("the sales GM's")


def setting(definition: dict) -> dict | None:
    value = definition.get("budget") if isinstance(definition, dict) else None
    return value if isinstance(value, dict) else None


def check(definition: dict) -> list[str]:
    """The editor's checks of the budget setting."""
    if "budget" not in definition or definition.get("budget") is None:
        return []
    spec = setting(definition)
    if spec is None:
        return [_("budget is an object with amount_field, category and date_field.")]
    fields = rules.field_map(definition)
    errors = []
    f = fields.get(str(spec.get("amount_field", "")))
    if f is None or f.get("type") != rules.MONEY or not f.get("required") or f.get(
            "visible_when"):
        errors.append(_("budget.amount_field names a required, always shown money field."))
    if spec.get("category") not in Category.values:
        errors.append(_("budget.category is one of %(codes)s.")
                      % {"codes": ", ".join(Category.values)})
    f = fields.get(str(spec.get("date_field", "")))
    if f is None or f.get("type") not in (rules.DATE, rules.DATE_RANGE) or not f.get(
            "required") or f.get("visible_when"):
        errors.append(_("budget.date_field names a required, always shown date or date "
                        "range field."))
    unknown = set(spec) - {"amount_field", "category", "date_field"}
    if unknown:
        errors.append(_("budget: unknown keys %(keys)s.") % {"keys": ", ".join(sorted(unknown))})
    return errors


def _day(value) -> date | None:
    if isinstance(value, dict):
        value = value.get("from")
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def figures(definition: dict, values: dict, submitter: User) -> dict | None:
    """What this request would hold: amount, category, year, month and department (None when
    the template keeps no budget or the request has no amount yet)."""
    spec = setting(definition)
    if spec is None:
        return None
    key = str(spec.get("amount_field", ""))
    amount = rules._number(values.get(key))
    day = _day(values.get(str(spec.get("date_field", ""))))
    if amount is None or day is None:
        return None
    return {"amount": amount.quantize(Decimal("0.01")), "category": spec["category"],
            "year": day.year, "month": day.month, "department_id": submitter.department_id,
            "field": key}


def remaining(fig: dict) -> Decimal:
    left = ledger.remaining(fig["year"], fig["department_id"], fig["category"], fig["month"])
    return min(left["month"], left["quarter"])


def over_at_submit(definition: dict, values: dict, submitter: User) -> bool:
    """Whether the request is over what remains now (a check before the approvals; the last
    approval checks again under lock): refused here when the category's rule refuses."""
    fig = figures(definition, values, submitter)
    if fig is None or not fig["amount"]:
        return False
    if fig["department_id"] is None:
        raise ledger.OverBudgetError(
            _("You belong to no department, so there is no budget to hold this against."),
            fields={fig["field"]: [_("No department budget to hold this against.")]})
    left = remaining(fig)
    if fig["amount"] <= left:
        return False
    if not ledger.over_budget_allowed(fig["category"]):
        raise ledger.OverBudgetError(
            _("Over budget: %(amount)s for %(cat)s in %(period)s, %(left)s left.")
            % {"amount": fmt(fig["amount"]), "cat": Category(fig["category"]).label,
               "period": f"{fig['year']}-{fig['month']:02d}",
               "left": fmt(max(left, Decimal(0)))},
            fields={fig["field"]: [_("More than the remaining budget.")]})
    return True


def allows_over(category: str) -> bool:
    """The category's rule: True when going over budget adds the sales GM's approval."""
    return ledger.over_budget_allowed(category)


def ref_of(submission_id: int) -> str:
    return f"form:{submission_id}"


def hold(obj, *, allow_over: bool):
    """Hold the request's amount (on its last approval); None when it keeps no budget."""
    fig = figures(obj.version.definition, obj.values, obj.submitter)
    if fig is None or not fig["amount"] or fig["department_id"] is None:
        return None
    try:
        return ledger.hold(ref=ref_of(obj.pk), label=f"{obj.number} {obj.title}",
                           year=fig["year"], department_id=fig["department_id"],
                           category=fig["category"], month=fig["month"], amount=fig["amount"],
                           allow_over=allow_over
                           and ledger.over_budget_allowed(fig["category"]))
    except ledger.OverBudgetError as exc:  # the figures stay; the field is the form's
        raise ledger.OverBudgetError(
            exc.message, fields={fig["field"]: [_("More than the remaining budget.")]}) from None


def release(submission_id: int) -> Decimal:
    return ledger.release_hold(ref_of(submission_id))


def held(submission_id: int):
    return ledger.holds([ref_of(submission_id)]).get(ref_of(submission_id))
