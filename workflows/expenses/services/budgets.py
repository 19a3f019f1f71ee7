"""Budgets: prepared by finance, approved by the sales GM and the CEO (authority matrix kind
`budget`), then in force; a change is a new version with its own approval (policy 7.1)."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StateConflictError,
)
from core.money import to_money
from core.org import selectors as org
from core.org.models import Department, Region, Role, User

from .. import selectors
from ..models import MONTHS, QUARTERS, Budget, BudgetState, Category
from ..rules import split_errors
from ..selectors import EDIT, SUBMIT
from ..steps import BUDGET_KIND
from . import ledger


def _amounts(total, quarters, months) -> tuple[Decimal, list[Decimal], list[Decimal]]:
    errors = {}
    try:
        total = to_money(total)
    except ValueError:
        errors["total"] = [_("Enter an amount.")]
    if len(quarters or []) != 4:
        errors["quarters"] = [_("Give four quarters.")]
    if len(months or []) != 12:
        errors["months"] = [_("Give twelve months.")]
    parsed_q, parsed_m = [], []
    for name, values, out in (("q", quarters or [], parsed_q), ("m", months or [], parsed_m)):
        for i, value in enumerate(values, 1):
            try:
                out.append(to_money(value))
            except ValueError:
                errors[f"{name}{i}"] = [_("Enter an amount.")]
    if errors:
        raise InvalidInputError(_("Some amounts are not valid."), fields=errors)
    problems = split_errors(total, parsed_q, parsed_m)
    if problems:
        raise InvalidInputError(
            _("The split does not add up: %(details)s") % {"details": " ".join(problems.values())},
            fields={k: [v] for k, v in problems.items()},
        )
    return total, parsed_q, parsed_m


def _next_version(fiscal_year, department, category, region=None) -> int:
    """One above every version ever drafted, rejected and withdrawn ones included."""
    last = Budget.objects.filter(fiscal_year=fiscal_year, department=department,
                                 category=category, region=region
                                 ).aggregate(v=Max("version"))["v"]
    return (last or 0) + 1


def _lock(budget_id) -> Budget:
    budget = Budget.objects.select_for_update().filter(pk=budget_id).first()
    if budget is None:
        raise NotFoundError()
    return budget


def _ensure_finance(actor: User) -> None:
    if not org.has_role(actor, Role.FINANCE):
        raise PermissionDeniedError(_("Budgets are prepared by finance."))


def _number(budget: Budget) -> str:
    where = (f"{budget.department.code}-{budget.region.code}" if budget.region_id
             else budget.department.code)
    return f"YS-{budget.fiscal_year}-{where}-{budget.category}-v{budget.version}"[:40]


def _fill(budget: Budget, total, quarters, months) -> None:
    budget.total = total
    for q in QUARTERS:
        setattr(budget, f"q{q}", quarters[q - 1])
    for m in MONTHS:
        setattr(budget, f"m{m}", months[m - 1])


@transaction.atomic
def budget_create(*, actor: User, fiscal_year: int, department: Department, category: str,
                  total, quarters, months, owner: User | None = None,
                  region: Region | None = None) -> Budget:
    """A new budget line's first version; with `region`, the line of that sales region of the
    department (campaigns naming the region reserve on it), else the department's own."""
    _ensure_finance(actor)
    if category not in Category.values:
        raise InvalidInputError(_("Choose a category."), fields={"category": [_("Unknown.")]})
    live = Budget.objects.filter(fiscal_year=fiscal_year, department=department,
                                 category=category, region=region).exclude(
        state__in=[BudgetState.REJECTED, BudgetState.WITHDRAWN])
    if live.exists():
        raise StateConflictError(
            _("A budget for %(year)s, %(dept)s, %(cat)s exists: revise it instead.")
            % {"year": fiscal_year,
               "dept": f"{department} · {region}" if region else department,
               "cat": Category(category).label})
    version = _next_version(fiscal_year, department, category, region)
    total, quarters, months = _amounts(total, quarters, months)
    budget = Budget(fiscal_year=fiscal_year, department=department, category=category,
                    region=region, owner=owner or actor, prepared_by=actor, version=version)
    _fill(budget, total, quarters, months)
    budget.number = _number(budget)
    budget.full_clean(exclude=["state"])  # the FSM owns `state`; protected fields refuse set
    budget.save()
    audit.record(actor=actor, subject=budget, event="budget.drafted", to_state=budget.state)
    return budget


@transaction.atomic
def budget_revise(*, budget_id: int, actor: User, total, quarters, months,
                  reason: str) -> Budget:
    """A budget adjustment: the next version, drafted from the one in force."""
    _ensure_finance(actor)
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the budget changes."),
                                fields={"reason": [_("A reason is required.")]})
    current = _lock(budget_id)
    if current.state != BudgetState.IN_FORCE:
        raise StateConflictError(_("Only the budget in force can be adjusted."))
    if selectors.adjustment_under_way(current) is not None:
        raise StateConflictError(_("An adjustment of this budget is already under way."))
    total, quarters, months = _amounts(total, quarters, months)
    nxt = Budget(fiscal_year=current.fiscal_year, department=current.department,
                 category=current.category, region=current.region, owner=current.owner,
                 prepared_by=actor,
                 version=_next_version(current.fiscal_year, current.department,
                                       current.category, current.region),
                 previous=current, reason=reason.strip())
    _fill(nxt, total, quarters, months)
    nxt.number = _number(nxt)
    nxt.full_clean(exclude=["state"])
    nxt.save()
    before = {f: str(getattr(current, f)) for f in ["total", *[f"m{m}" for m in MONTHS]]}
    after = {f: str(getattr(nxt, f)) for f in ["total", *[f"m{m}" for m in MONTHS]]}
    audit.record(actor=actor, subject=nxt, event="budget.drafted", to_state=nxt.state,
                 changes=audit.diff(before, after), comment=reason,
                 data={"previous_version": current.pk})
    return nxt


AMOUNT_FIELDS = ["total", *[f"q{q}" for q in QUARTERS], *[f"m{m}" for m in MONTHS]]


@transaction.atomic
def budget_update(*, budget_id: int, actor: User, total, quarters, months,
                  reason: str = "") -> Budget:
    """Correct a draft, or a budget returned for revision (then resubmit it)."""
    budget = _lock(budget_id)
    if EDIT not in selectors.budget_permissions(actor, budget):
        raise PermissionDeniedError(_("Only the person who prepared the budget can change it."))
    if EDIT not in selectors.budget_actions(actor, budget):
        raise StateConflictError(_("Only a draft or a returned budget can be changed."))
    total, quarters, months = _amounts(total, quarters, months)
    before = {f: str(getattr(budget, f)) for f in AMOUNT_FIELDS}
    _fill(budget, total, quarters, months)
    budget.full_clean(exclude=["state"])
    budget.save()
    engine.update_request(kind=BUDGET_KIND, object_id=budget.pk, amount=total)
    after = {f: str(getattr(budget, f)) for f in AMOUNT_FIELDS}
    audit.record(actor=actor, subject=budget, event="budget.edited", comment=reason,
                 changes=audit.diff(before, after))
    return budget


@transaction.atomic
def budget_submit(*, budget_id: int, actor: User, cc=()) -> Budget:
    budget = _lock(budget_id)
    if SUBMIT not in selectors.budget_permissions(actor, budget):
        raise PermissionDeniedError(_("Only the person who prepared the budget can submit it."))
    if SUBMIT not in selectors.budget_actions(actor, budget):
        raise StateConflictError(_("This budget was already submitted."))
    budget.submit()
    budget.save()
    engine.submit(
        kind=BUDGET_KIND, obj=budget, submitter=actor,
        title=f"{budget.fiscal_year} {budget.department}"
              + (f" · {budget.region}" if budget.region_id else "")
              + f" {budget.get_category_display()} v{budget.version}",
        amount=budget.total, number=budget.number, cc=cc,
    )
    audit.record(actor=actor, subject=budget, event="budget.submitted",
                 from_state=BudgetState.DRAFT, to_state=budget.state)
    return budget


def on_decision(request, item, decision, decider, comment) -> engine.Transition | None:
    budget = Budget.objects.select_for_update().get(pk=request.object_id)
    before = budget.state
    if decision == engine.Decision.APPROVED and request.step_index >= len(request.chain):
        if budget.previous_id:
            previous = Budget.objects.select_for_update().get(pk=budget.previous_id)
            if previous.state == BudgetState.IN_FORCE:
                previous.supersede()
                previous.save(update_fields=["state"])
                audit.record(actor=decider.actor, subject=previous, event="budget.superseded",
                             from_state=BudgetState.IN_FORCE, to_state=previous.state,
                             data={"by_version": budget.pk})
        budget.bring_into_force()
        budget.save(update_fields=["state", "in_force_at"])
        ledger.apply_budget(budget)
    elif decision == engine.Decision.REJECTED:
        budget.reject()
        budget.save(update_fields=["state"])
    elif decision == engine.Decision.RETURNED and request.return_to_step is None:
        budget.return_for_revision()
        budget.save(update_fields=["state"])
    else:
        return None
    return engine.Transition(from_state=before, to_state=budget.state)


def on_withdraw(request, actor, reason) -> engine.Transition:
    budget = Budget.objects.select_for_update().get(pk=request.object_id)
    before = budget.state
    budget.withdraw()
    budget.save(update_fields=["state"])
    return engine.Transition(from_state=before, to_state=budget.state)


def on_resubmit(request, actor) -> engine.Transition:
    budget = Budget.objects.select_for_update().get(pk=request.object_id)
    before = budget.state
    budget.resubmit()
    budget.save(update_fields=["state"])
    return engine.Transition(from_state=before, to_state=budget.state)
