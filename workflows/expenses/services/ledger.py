"""Budget balances: reserve on submission, release on reject/withdraw, spend on payment.

Every change locks the month row and the quarter row together (SELECT ... FOR UPDATE, in
period order), so concurrent submissions against one budget line queue up and can never
reserve more than remains (policy 7.2).
"""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import engine
from core.exceptions import ApprovalError
from core.money import fmt

from ..models import Budget, BudgetBalance, BudgetState, Reservation
from ..rules import quarter_of


class OverBudgetError(ApprovalError):
    code = "over_budget"
    status = 409


def period_codes(month: int) -> tuple[str, str]:
    return f"M{month:02d}", f"Q{quarter_of(month)}"


def _locked(year: int, department_id: int, category: str, month: int):
    m_code, q_code = period_codes(month)
    key = {"fiscal_year": year, "department_id": department_id, "category": category}
    BudgetBalance.objects.bulk_create(
        [BudgetBalance(**key, period=m_code), BudgetBalance(**key, period=q_code)],
        ignore_conflicts=True,
    )
    rows = {b.period: b for b in BudgetBalance.objects.select_for_update()
            .filter(**key, period__in=[m_code, q_code]).order_by("period")}
    return rows[m_code], rows[q_code]


def remaining(year: int, department_id: int, category: str, month: int) -> dict:
    """What is left this month and this quarter (no lock: for showing before submitting)."""
    m_code, q_code = period_codes(month)
    rows = {b.period: b for b in BudgetBalance.objects.filter(
        fiscal_year=year, department_id=department_id, category=category,
        period__in=[m_code, q_code])}
    month_row, quarter_row = rows.get(m_code), rows.get(q_code)
    return {
        "month": month_row.remaining if month_row else Decimal("0.00"),
        "quarter": quarter_row.remaining if quarter_row else Decimal("0.00"),
    }


def _warn(rows) -> None:
    """Tell the budget owner once per period when use crosses 80 % and 100 % (policy 8.3)."""
    for row in rows:
        for threshold, flag in ((100, "warned_100"), (80, "warned_80")):
            used = row.reserved + row.spent
            crossed = used * 100 >= threshold * row.budget if row.budget else used > 0
            if crossed and not getattr(row, flag):
                # Crossing 100 % also passes 80 %: arm both so no late 80 % warning follows.
                flags = ["warned_100", "warned_80"] if threshold == 100 else [flag]
                for name in flags:
                    setattr(row, name, True)
                row.save(update_fields=flags)
                budget = (Budget.objects.filter(
                    fiscal_year=row.fiscal_year, department_id=row.department_id,
                    category=row.category, state=BudgetState.IN_FORCE,
                ).values_list("pk", "owner_id").first())
                if budget:
                    # Per budget version: a revised budget may warn again for the period.
                    engine.notify(
                        [budget[1]], kind="decided", request=None,
                        key=f"budget-warn:{row.pk}:{threshold}:{budget[0]}",
                        message=gettext_noop(
                            "Budget %(year)s %(cat)s %(period)s is %(pct)s%% used"),
                        params={"year": row.fiscal_year, "cat": str(row.get_category_display()),
                                "period": row.period, "pct": str(row.used_pct)},
                        target=("expenses:monitor", {}),
                    )
                break


def reserve(claim, *, allow_over: bool) -> bool:
    """Hold the claim's amount on its month and quarter; returns whether it goes over."""
    amount = claim.amount
    month_row, quarter_row = _locked(claim.expense_date.year, claim.department_id,
                                     claim.category, claim.month)
    left = min(month_row.remaining, quarter_row.remaining)
    over = amount > left
    if over and not allow_over:
        raise OverBudgetError(
            _("Over budget: %(amount)s claimed, %(left)s left for %(cat)s this month "
              "(%(month_left)s) and quarter (%(quarter_left)s).")
            % {"amount": fmt(amount), "left": fmt(max(left, Decimal(0))),
               "cat": claim.get_category_display(), "month_left": fmt(month_row.remaining),
               "quarter_left": fmt(quarter_row.remaining)},
            fields={"amount": [_("More than the remaining budget.")]},
        )
    for row in (month_row, quarter_row):
        row.reserved += amount
        row.save(update_fields=["reserved"])
    Reservation.objects.create(claim=claim, month=month_row, quarter=quarter_row, amount=amount)
    _warn((month_row, quarter_row))
    return over


def _live(claim) -> Reservation | None:
    return claim.reservations.filter(state=Reservation.State.RESERVED).first()


def release(claim) -> Decimal:
    res = _live(claim)
    if res is None:
        return Decimal("0.00")
    month_row, quarter_row = _locked(claim.expense_date.year, claim.department_id,
                                     claim.category, claim.month)
    for row in (month_row, quarter_row):
        row.reserved -= res.amount
        row.save(update_fields=["reserved"])
    res.state = Reservation.State.RELEASED
    res.save(update_fields=["state"])
    return res.amount


def resize(claim, amount: Decimal) -> None:
    """Finance reduced the claim: hold only what will be paid."""
    res = _live(claim)
    if res is None or res.amount == amount:
        return
    month_row, quarter_row = _locked(claim.expense_date.year, claim.department_id,
                                     claim.category, claim.month)
    delta = amount - res.amount
    for row in (month_row, quarter_row):
        row.reserved += delta
        row.save(update_fields=["reserved"])
    res.amount = amount
    res.save(update_fields=["amount"])


def spend(claim) -> None:
    res = _live(claim)
    if res is None:
        return
    month_row, quarter_row = _locked(claim.expense_date.year, claim.department_id,
                                     claim.category, claim.month)
    paid = claim.amount
    for row in (month_row, quarter_row):
        row.reserved -= res.amount
        row.spent += paid
        row.save(update_fields=["reserved", "spent"])
    res.state = Reservation.State.SPENT
    res.save(update_fields=["state"])
    _warn((month_row, quarter_row))


@transaction.atomic
def apply_budget(budget) -> None:
    """A budget version came into force: its months and quarters become the periods' budgets."""
    key = {"fiscal_year": budget.fiscal_year, "department_id": budget.department_id,
           "category": budget.category}
    values = {f"M{m:02d}": getattr(budget, f"m{m}") for m in range(1, 13)}
    values.update({f"Q{q}": getattr(budget, f"q{q}") for q in range(1, 5)})
    BudgetBalance.objects.bulk_create(
        [BudgetBalance(**key, period=p) for p in values], ignore_conflicts=True
    )
    for row in BudgetBalance.objects.select_for_update().filter(**key).order_by("period"):
        row.budget = values[row.period]
        row.warned_80 = row.warned_100 = False
        row.save(update_fields=["budget", "warned_80", "warned_100"])
