"""Budget balances: reserve on submission, release on reject/withdraw, spend on payment.

Every change locks the month row and the quarter row together (SELECT ... FOR UPDATE, in
period order), so concurrent submissions against one budget line queue up and can never
reserve more than remains (policy 7.2).

Holds: another process (a marketing campaign) holds an amount on a budget line before anyone
claims it (`hold`, `release_hold`); a claim that names a hold is counted on the hold's month
and draws on it first, only the rest being reserved anew. Lock order: the hold, then the rows.
So the rows always say: reserved = the holds' amounts + the claims' reservations less what
they drew from a hold.

Regions: a budget line may be a sales region's (Budget.region). A hold that names a region is
taken on that region's budget line when one exists for its (department, category, year) —
its rows are made when the budget comes into force — else on the department's own line
(`budget_region`). Claims that name no hold count on the department's own line.
"""

from decimal import Decimal

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import engine
from core.exceptions import ApprovalError
from core.money import fmt

from ..models import (
    Budget,
    BudgetBalance,
    BudgetHold,
    BudgetState,
    CategoryPolicy,
    OverBudget,
    Reservation,
)
from ..rules import quarter_of


class OverBudgetError(ApprovalError):
    code = "over_budget"
    status = 409


def period_codes(month: int) -> tuple[str, str]:
    return f"M{month:02d}", f"Q{quarter_of(month)}"


def budget_region(year: int, department_id: int, category: str, month: int,
                  region_id: int | None) -> int | None:
    """The region whose budget line (department, category, region) counts this month: the
    region's own when a budget of that region came into force, else None (the department's
    line)."""
    if region_id is None:
        return None
    exists = BudgetBalance.objects.filter(
        fiscal_year=year, department_id=department_id, category=category, region_id=region_id,
        period=period_codes(month)[0]).exists()
    return region_id if exists else None


def _locked(year: int, department_id: int, category: str, month: int,
            region_id: int | None = None):
    m_code, q_code = period_codes(month)
    key = {"fiscal_year": year, "department_id": department_id, "category": category,
           "region_id": region_id}
    BudgetBalance.objects.bulk_create(
        [BudgetBalance(**key, period=m_code), BudgetBalance(**key, period=q_code)],
        ignore_conflicts=True,
    )
    rows = {b.period: b for b in BudgetBalance.objects.select_for_update()
            .filter(**key, period__in=[m_code, q_code]).order_by("period")}
    return rows[m_code], rows[q_code]


def remaining(year: int, department_id: int, category: str, month: int,
              region_id: int | None = None) -> dict:
    """What is left this month and this quarter (no lock: for showing before submitting), on
    the region's budget line when it has one (`budget_region`), else the department's."""
    m_code, q_code = period_codes(month)
    region_id = budget_region(year, department_id, category, month, region_id)
    rows = {b.period: b for b in BudgetBalance.objects.filter(
        fiscal_year=year, department_id=department_id, category=category,
        region_id=region_id, period__in=[m_code, q_code])}
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
                    category=row.category, region_id=row.region_id,
                    state=BudgetState.IN_FORCE,
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


def _claim_rows(claim, hold: BudgetHold | None):
    """The month and quarter rows a claim is counted on: its hold's, when it draws on one."""
    if hold is not None:
        return _locked(hold.fiscal_year, hold.department_id, hold.category,
                       int(hold.month.period[1:]), hold.region_id)
    return _locked(claim.expense_date.year, claim.department_id, claim.category, claim.month)


def _hold_of(claim, *, lock: bool = True) -> BudgetHold | None:
    if not claim.hold_id:
        return None
    qs = BudgetHold.objects.select_related("month")
    return (qs.select_for_update(of=("self",)) if lock else qs).get(pk=claim.hold_id)


def reserve(claim, *, allow_over: bool) -> bool:
    """Hold the claim's amount on its month and quarter; returns whether it goes over. A claim
    naming a budget hold takes what the hold has left first; only the rest is new on the rows
    and checked against what remains."""
    amount = claim.amount
    hold = _hold_of(claim)
    month_row, quarter_row = _claim_rows(claim, hold)
    drawn = min(amount, hold.available) if hold is not None else Decimal("0.00")
    rest = amount - drawn
    left = min(month_row.remaining, quarter_row.remaining)
    over = rest > left
    if over and not allow_over:
        raise OverBudgetError(
            _("Over budget: %(amount)s claimed, %(left)s left for %(cat)s this month "
              "(%(month_left)s) and quarter (%(quarter_left)s).")
            % {"amount": fmt(rest), "left": fmt(max(left, Decimal(0))),
               "cat": claim.get_category_display(), "month_left": fmt(month_row.remaining),
               "quarter_left": fmt(quarter_row.remaining)},
            fields={"amount": [_("More than the remaining budget.")]},
        )
    if rest:
        for row in (month_row, quarter_row):
            row.reserved += rest
            row.save(update_fields=["reserved"])
    if drawn:
        hold.drawn += drawn
        hold.save(update_fields=["drawn"])
    Reservation.objects.create(claim=claim, month=month_row, quarter=quarter_row, amount=amount,
                               drawn=drawn)
    _warn((month_row, quarter_row))
    return over


def _live(claim) -> Reservation | None:
    return claim.reservations.filter(state=Reservation.State.RESERVED).first()


def _give_back(hold: BudgetHold | None, drawn: Decimal) -> Decimal:
    """A claim gives `drawn` back to its hold; returns what must also leave the rows (all of
    it when the hold was released meanwhile: nobody holds it any more)."""
    if hold is None or not drawn:
        return Decimal("0.00")
    hold.drawn -= drawn
    if hold.state == BudgetHold.State.RELEASED:
        hold.amount -= drawn
        hold.save(update_fields=["drawn", "amount"])
        return drawn
    hold.save(update_fields=["drawn"])
    return Decimal("0.00")


def release(claim) -> Decimal:
    res = _live(claim)
    if res is None:
        return Decimal("0.00")
    hold = _hold_of(claim) if res.drawn else None
    month_row, quarter_row = _claim_rows(claim, _hold_of(claim, lock=False))
    off = res.amount - res.drawn + _give_back(hold, res.drawn)
    for row in (month_row, quarter_row):
        row.reserved -= off
        row.save(update_fields=["reserved"])
    res.state = Reservation.State.RELEASED
    res.save(update_fields=["state"])
    return res.amount


def resize(claim, amount: Decimal) -> None:
    """Finance reduced the claim: hold only what will be paid (what it drew on a hold first
    goes back to the hold when the claim shrinks below it)."""
    res = _live(claim)
    if res is None or res.amount == amount:
        return
    hold = _hold_of(claim) if res.drawn else None
    month_row, quarter_row = _claim_rows(claim, _hold_of(claim, lock=False))
    new_drawn = min(res.drawn, amount)
    delta = (amount - new_drawn) - (res.amount - res.drawn)
    delta -= _give_back(hold, res.drawn - new_drawn)
    for row in (month_row, quarter_row):
        row.reserved += delta
        row.save(update_fields=["reserved"])
    res.amount, res.drawn = amount, new_drawn
    res.save(update_fields=["amount", "drawn"])


def spend(claim) -> None:
    res = _live(claim)
    if res is None:
        return
    hold = _hold_of(claim) if res.drawn else None
    month_row, quarter_row = _claim_rows(claim, _hold_of(claim, lock=False))
    paid = claim.amount
    for row in (month_row, quarter_row):
        row.reserved -= res.amount
        row.spent += paid
        row.save(update_fields=["reserved", "spent"])
    if hold is not None:
        hold.drawn -= res.drawn
        hold.spent += res.drawn
        hold.amount -= res.drawn  # the drawn share leaves `reserved` with the claim's own
        hold.save(update_fields=["drawn", "spent", "amount"])
    res.state = Reservation.State.SPENT
    res.save(update_fields=["state"])
    _warn((month_row, quarter_row))


# --- holds: budget another process keeps for claims to come (a campaign's lines) -------------


def over_budget_allowed(category: str) -> bool:
    """The category's rule for going over budget: True when it adds an approval instead of
    refusing (CategoryPolicy)."""
    policy = CategoryPolicy.objects.filter(category=category).first()
    return policy is not None and policy.over_budget == OverBudget.EXTRA_APPROVAL


def hold(*, ref: str, label: str, year: int, department_id: int, category: str, month: int,
         amount: Decimal, allow_over: bool, region_id: int | None = None) -> BudgetHold:
    """Hold `amount` on a budget line's month and quarter, race-proof like a claim (the rows
    are locked; over what remains it is refused unless `allow_over`). Several holds of one
    caller are taken in (category, month) order so that two callers never deadlock. With a
    region: on that region's budget line when it has one, else the department's."""
    region_id = budget_region(year, department_id, category, month, region_id)
    month_row, quarter_row = _locked(year, department_id, category, month, region_id)
    left = min(month_row.remaining, quarter_row.remaining)
    over = amount > left
    if over and not allow_over:
        raise OverBudgetError(
            _("Over budget: %(amount)s to reserve, %(left)s left for %(cat)s in %(period)s "
              "(month %(month_left)s, quarter %(quarter_left)s).")
            % {"amount": fmt(amount), "left": fmt(max(left, Decimal(0))),
               "cat": BudgetBalance(category=category).get_category_display(),
               "period": f"{year}-{month:02d}", "month_left": fmt(month_row.remaining),
               "quarter_left": fmt(quarter_row.remaining)},
            fields={"lines": [_("More than the remaining budget.")]},
        )
    for row in (month_row, quarter_row):
        row.reserved += amount
        row.save(update_fields=["reserved"])
    held = BudgetHold.objects.create(
        ref=ref, label=label[:200], fiscal_year=year, department_id=department_id,
        category=category, region_id=region_id, month=month_row, quarter=quarter_row, amount=amount,
        over_budget=over)
    _warn((month_row, quarter_row))
    return held


def release_hold(ref: str) -> Decimal:
    """Let go of what a hold still keeps free (claims drawing on it keep their share until they
    are paid or released). Returns the amount given back; 0 for an unknown or released hold."""
    held = BudgetHold.objects.select_for_update().filter(ref=ref).first()
    if held is None or held.state == BudgetHold.State.RELEASED:
        return Decimal("0.00")
    month_row, quarter_row = _locked(held.fiscal_year, held.department_id, held.category,
                                     int(BudgetBalance.objects.get(pk=held.month_id)
                                         .period[1:]), held.region_id)
    free = held.amount - held.drawn
    for row in (month_row, quarter_row):
        row.reserved -= free
        row.save(update_fields=["reserved"])
    held.amount = held.drawn
    held.state = BudgetHold.State.RELEASED
    held.save(update_fields=["amount", "state"])
    return free


def holds(refs) -> dict[str, BudgetHold]:
    return {h.ref: h for h in BudgetHold.objects.filter(ref__in=list(refs))}


def open_holds(category: str | None = None):
    """Holds claims may still draw on (for a claim form's choice)."""
    qs = BudgetHold.objects.filter(state=BudgetHold.State.HELD, amount__gt=models.F("drawn"))
    return qs.filter(category=category) if category else qs


@transaction.atomic
def apply_budget(budget) -> None:
    """A budget version came into force: its months and quarters become the periods' budgets."""
    key = {"fiscal_year": budget.fiscal_year, "department_id": budget.department_id,
           "category": budget.category, "region_id": budget.region_id}
    values = {f"M{m:02d}": getattr(budget, f"m{m}") for m in range(1, 13)}
    values.update({f"Q{q}": getattr(budget, f"q{q}") for q in range(1, 5)})
    BudgetBalance.objects.bulk_create(
        [BudgetBalance(**key, period=p) for p in values], ignore_conflicts=True
    )
    for row in BudgetBalance.objects.select_for_update().filter(**key).order_by("period"):
        row.budget = values[row.period]
        row.warned_80 = row.warned_100 = False
        row.save(update_fields=["budget", "warned_80", "warned_100"])
