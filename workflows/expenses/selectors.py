"""Reads for the expense pages and API: who may see which claims and budgets, what each user
may do with them (the one source the pages, the API and the services read), the lists, the
monitor."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.db.models.functions import Coalesce

from core import engine
from core.org import selectors as org
from core.org.models import Role, User

from .models import (
    MONTHS,
    Budget,
    BudgetBalance,
    BudgetState,
    Category,
    ClaimState,
    ExpenseClaim,
    ReimbursementStandard,
)
from .rules import pick_standard
from .steps import BUDGET_KIND, CLAIM_KIND, FINANCE_STEP

ZERO = Decimal("0.00")
# Who reads every department's budgets and the monitor; a regional manager reads their own.
BUDGET_READERS = (Role.FINANCE, Role.SALES_GM, Role.CEO, Role.AUDITOR, Role.ADMINISTRATOR)
# Who lists every claim (finance checks vouchers; auditors and administrators read all).
CLAIM_READERS = (Role.FINANCE, Role.AUDITOR, Role.ADMINISTRATOR)


@dataclass(frozen=True)
class Scope:
    allowed: bool
    department_id: int | None = None  # None: every department

    @property
    def everything(self) -> bool:
        return self.allowed and self.department_id is None


def budget_scope(user: User) -> Scope:
    if user.is_superuser or org.has_role(user, *BUDGET_READERS):
        return Scope(True)
    if org.has_role(user, Role.REGIONAL_MANAGER) and user.department_id:
        return Scope(True, user.department_id)
    return Scope(False)


def sees_all_claims(user: User) -> bool:
    return user.is_superuser or org.has_role(user, *CLAIM_READERS)


# --- what a user may do (pages, API and services read these, and only these) -----------------

EDIT, SUBMIT, RESUBMIT, WITHDRAW, UPLOAD = "edit", "submit", "resubmit", "withdraw", "upload"
REDUCE, RETRY_PAYMENT, ADJUST = "reduce", "retry_payment", "adjust"
CLAIM_ACTIONS = (EDIT, SUBMIT, RESUBMIT, WITHDRAW, UPLOAD, REDUCE, RETRY_PAYMENT)
BUDGET_ACTIONS = (EDIT, SUBMIT, RESUBMIT, WITHDRAW, ADJUST)

# The states in which each action can be taken (whoever may take it).
CLAIM_ACTION_STATES = {
    EDIT: (ClaimState.DRAFT, ClaimState.RETURNED),
    SUBMIT: (ClaimState.DRAFT,),
    RESUBMIT: (ClaimState.RETURNED,),
    # Policy 7.2: withdrawn until the final approval, not after it.
    WITHDRAW: (ClaimState.SUBMITTED, ClaimState.RETURNED),
    # Receipts until the approvals are done.
    UPLOAD: (ClaimState.DRAFT, ClaimState.RETURNED, ClaimState.SUBMITTED),
    REDUCE: (ClaimState.APPROVED,),  # during finance's voucher review
    RETRY_PAYMENT: (ClaimState.VOUCHER_APPROVED,),
}
BUDGET_ACTION_STATES = {
    EDIT: (BudgetState.DRAFT, BudgetState.RETURNED),
    SUBMIT: (BudgetState.DRAFT,),
    RESUBMIT: (BudgetState.RETURNED,),
    WITHDRAW: (BudgetState.SUBMITTED, BudgetState.RETURNED),
    ADJUST: (BudgetState.IN_FORCE,),
}
UNDER_WAY = (BudgetState.DRAFT, BudgetState.SUBMITTED, BudgetState.RETURNED)


def claim_permissions(user: User, claim: ExpenseClaim) -> frozenset[str]:
    """What the user's part in the claim lets them do, whatever state it is in: a refusal
    outside this set is a 403; inside it but not in `claim_actions`, a 409."""
    if org.is_read_only(user):
        return frozenset()
    own = claim.submitter_id == user.pk
    finance = org.has_role(user, Role.FINANCE)
    names = {EDIT, SUBMIT, RESUBMIT, WITHDRAW, UPLOAD} if own else set()
    if finance and not own:  # the submitter never reviews their own voucher
        names.add(REDUCE)
    if finance:
        names.add(RETRY_PAYMENT)
    return frozenset(names)


def claim_actions(user: User, claim: ExpenseClaim) -> frozenset[str]:
    """What the user may do with the claim now (review decisions are tasks, not listed)."""
    names = {a for a in claim_permissions(user, claim) if claim.state in CLAIM_ACTION_STATES[a]}
    if not claim.payment_error:  # a retry only after the payment failed
        names.discard(RETRY_PAYMENT)
    return frozenset(names)


def budget_permissions(user: User, budget: Budget) -> frozenset[str]:
    """What the user's part in the budget lets them do, whatever its state (see
    claim_permissions)."""
    if org.is_read_only(user):
        return frozenset()
    names = {EDIT, SUBMIT, RESUBMIT, WITHDRAW} if budget.prepared_by_id == user.pk else set()
    if org.has_role(user, Role.FINANCE):
        names.add(ADJUST)
    return frozenset(names)


def adjustment_under_way(budget: Budget) -> Budget | None:
    """Another version of this budget line still being drafted or approved."""
    return Budget.objects.filter(
        fiscal_year=budget.fiscal_year, department_id=budget.department_id,
        category=budget.category, region_id=budget.region_id,
        state__in=UNDER_WAY).exclude(pk=budget.pk).first()


def budget_actions(user: User, budget: Budget) -> frozenset[str]:
    """What the user may do with the budget now (approvals are tasks, not listed)."""
    names = {a for a in budget_permissions(user, budget)
             if budget.state in BUDGET_ACTION_STATES[a]}
    if ADJUST in names and adjustment_under_way(budget) is not None:
        names.discard(ADJUST)  # one adjustment at a time
    return frozenset(names)


def visible_claims(user: User) -> QuerySet[ExpenseClaim]:
    """Claims whose request the user may see; finance sees every claim (voucher review)."""
    if engine.sees_everything(user) or org.has_role(user, Role.FINANCE):
        return ExpenseClaim.objects.all()
    requests = engine.visible_requests(user).filter(kind=CLAIM_KIND).values("object_id")
    return ExpenseClaim.objects.filter(pk__in=requests)


def visible_budgets(user: User) -> QuerySet[Budget]:
    """Finance, the sales GM, the CEO, auditors and administrators see every budget; a regional
    manager sees their own department's; anyone else none."""
    scope = budget_scope(user)
    if not scope.allowed:
        return Budget.objects.none()
    if scope.department_id is not None:
        return Budget.objects.filter(department_id=scope.department_id)
    return Budget.objects.all()


# --- claims ---------------------------------------------------------------------------------


def claims_for(user: User, *, mine: bool = True, state: str = "", category: str = "",
               submitter_id: int | None = None, month: date | None = None
               ) -> QuerySet[ExpenseClaim]:
    """The user's own claims, or every claim for those who read them all (else none)."""
    qs = ExpenseClaim.objects.select_related("submitter", "department")
    if mine:
        qs = qs.filter(submitter=user)
    elif not sees_all_claims(user):
        return qs.none()
    if state:
        qs = qs.filter(state=state)
    if category:
        qs = qs.filter(category=category)
    if submitter_id:
        qs = qs.filter(submitter_id=submitter_id)
    if month:
        start = month.replace(day=1)
        end = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        qs = qs.filter(expense_date__gte=start, expense_date__lt=end)
    return qs.order_by("-created", "-pk")


def claims_total(qs: QuerySet[ExpenseClaim]) -> Decimal:
    return qs.order_by().aggregate(t=Coalesce(Sum("total"), ZERO))["t"]


def claim_request(claim: ExpenseClaim) -> engine.Request | None:
    return engine.request_for(CLAIM_KIND, claim.pk)


def visible_claim(user: User, claim_id: int
                  ) -> tuple[ExpenseClaim, engine.Request | None] | None:
    """The claim and its request header when the user may see it: its request is visible to
    them (submitter, approvers, their managers, auditors), or they are finance."""
    claim = visible_claims(user).select_related("submitter", "department").filter(
        pk=claim_id).first()
    return (claim, claim_request(claim)) if claim is not None else None


def finance_task(req: engine.Request | None) -> engine.WorkItem | None:
    if req is None:
        return None
    return engine.open_items(req, step_code=FINANCE_STEP).first()


def standards_for_grade(grade: int) -> list[ReimbursementStandard]:
    """Every standard that applies to an employee grade (a small table: one query)."""
    return list(ReimbursementStandard.objects.filter(min_grade__lte=grade, max_grade__gte=grade))


def standards_by_line(lines, grade: int) -> dict[int, ReimbursementStandard]:
    """The standard each line is held to, in one query (the same match as the claim service)."""
    standards = standards_for_grade(grade)
    result = {}
    for line in lines:
        match = pick_standard(standards, line.item_type, line.city_tier)
        if match is not None:
            result[line.pk] = match
    return result


# --- budgets --------------------------------------------------------------------------------


def budgets_for(user: User, *, year: int | None = None, category: str = "",
                department_id: int | None = None, state: str = "",
                region_id: int | None = None) -> QuerySet[Budget] | None:
    """Budgets the user may read, newest year first; None when budgets are not theirs to see."""
    scope = budget_scope(user)
    if not scope.allowed:
        return None
    qs = visible_budgets(user).select_related("department", "region", "owner", "prepared_by")
    if scope.department_id is None and department_id:
        qs = qs.filter(department_id=department_id)
    if region_id:
        qs = qs.filter(region_id=region_id)
    if year:
        qs = qs.filter(fiscal_year=year)
    if category:
        qs = qs.filter(category=category)
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-fiscal_year", "department__code", "category", "region__code",
                       "-version")


def budget_versions(budget: Budget) -> list[Budget]:
    """Every version of this budget line (year, department, category, region), oldest
    first."""
    return list(Budget.objects.filter(
        fiscal_year=budget.fiscal_year, department_id=budget.department_id,
        category=budget.category, region_id=budget.region_id,
    ).select_related("prepared_by").order_by("version"))


def previous_chain(budget: Budget, versions: list[Budget]) -> list[Budget]:
    """This version and the ones it revised (Budget.previous), newest first."""
    by_pk = {b.pk: b for b in versions}
    chain, current = [], budget
    while current is not None and current not in chain:
        chain.append(current)
        current = by_pk.get(current.previous_id)
    return chain


def last_year_months(*, year: int, department_id: int, category: str,
                     region_id: int | None = None) -> list[Decimal] | None:
    """Last year's months of the budget in force, the shape for a new split."""
    prior = Budget.objects.filter(fiscal_year=year - 1, department_id=department_id,
                                  category=category, region_id=region_id,
                                  state=BudgetState.IN_FORCE).first()
    return prior.months() if prior else None


def budget_request(budget: Budget) -> engine.Request | None:
    return engine.request_for(BUDGET_KIND, budget.pk)


# --- monitor (实时监控) ------------------------------------------------------------------------


@dataclass
class MonitorRow:
    category: str
    month: int
    budget: Decimal = ZERO
    reserved: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def used(self) -> Decimal:
        return self.reserved + self.spent

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.used

    @property
    def used_pct(self) -> Decimal:
        # Same rule as BudgetBalance.used_pct: nothing budgeted but something used is 100 %.
        if not self.budget:
            return Decimal("0") if not self.used else Decimal("100")
        return (self.used * 100 / self.budget).quantize(Decimal("0.1"))

    @property
    def level(self) -> str:
        """'over' from 100 %, 'warn' from 80 % (policy 8.3's two warnings)."""
        pct = self.used_pct
        return "over" if pct >= 100 else "warn" if pct >= 80 else ""

    @property
    def category_label(self) -> str:
        return Category(self.category).label


def monitor_rows(year: int, *, department_id: int | None = None, category: str = "",
                 region_id: int | None = None) -> dict[str, list[MonitorRow]]:
    """{category: twelve month rows} from the live balances, summed over departments (and a
    department's own and regional budget lines) unless one is given; one aggregate query."""
    qs = BudgetBalance.objects.filter(fiscal_year=year, period__startswith="M")
    if department_id:
        qs = qs.filter(department_id=department_id)
    if region_id:
        qs = qs.filter(region_id=region_id)
    if category:
        qs = qs.filter(category=category)
    sums = qs.values("category", "period").annotate(
        b=Sum("budget"), r=Sum("reserved"), s=Sum("spent")).order_by()
    categories = [category] if category else list(Category.values)
    result = {c: [MonitorRow(c, m) for m in MONTHS] for c in categories}
    for row in sums:
        rows = result.get(row["category"])
        month = int(row["period"][1:])
        if rows is None or month not in MONTHS:
            continue
        rows[month - 1] = MonitorRow(row["category"], month, row["b"] or ZERO,
                                     row["r"] or ZERO, row["s"] or ZERO)
    return result


def monitor_total(rows: list[MonitorRow], category: str = "") -> MonitorRow:
    return MonitorRow(category, 0, sum((r.budget for r in rows), ZERO),
                      sum((r.reserved for r in rows), ZERO), sum((r.spent for r in rows), ZERO))
