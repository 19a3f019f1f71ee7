"""Reads for the expense pages: who may see which claims and budgets, the lists, the monitor."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.db.models.functions import Coalesce

from core.inbox import selectors as inbox
from core.inbox.models import Request, WorkItem, WorkItemStatus
from core.org import selectors as org
from core.org.models import Role, User
from workflows.expenses.steps import BUDGET_KIND, CLAIM_KIND

from .models import (
    MONTHS,
    Budget,
    BudgetBalance,
    BudgetState,
    Category,
    ExpenseClaim,
    ReimbursementStandard,
)
from .rules import FINANCE_STEP, pick_standard

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


def claim_request(claim: ExpenseClaim) -> Request | None:
    return Request.objects.filter(kind=CLAIM_KIND, object_id=claim.pk).first()


def visible_claim(user: User, claim_id: int) -> tuple[ExpenseClaim, Request | None] | None:
    """The claim and its request header when the user may see it: its request is visible to
    them (submitter, approvers, their managers, auditors), or they are finance."""
    claim = ExpenseClaim.objects.select_related("submitter", "department").filter(
        pk=claim_id).first()
    if claim is None:
        return None
    if org.has_role(user, Role.FINANCE):
        return claim, claim_request(claim)
    req = inbox.visible_requests(user).filter(kind=CLAIM_KIND,
                                              object_id=claim.pk).first()
    return (claim, req) if req is not None else None


def finance_task(req: Request | None) -> WorkItem | None:
    if req is None:
        return None
    return WorkItem.objects.filter(request=req, step_code=FINANCE_STEP,
                                   status=WorkItemStatus.OPEN).first()


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
                department_id: int | None = None, state: str = "") -> QuerySet[Budget] | None:
    """Budgets the user may read, newest year first; None when budgets are not theirs to see."""
    scope = budget_scope(user)
    if not scope.allowed:
        return None
    qs = Budget.objects.select_related("department", "owner", "prepared_by")
    if scope.department_id is not None:
        qs = qs.filter(department_id=scope.department_id)
    elif department_id:
        qs = qs.filter(department_id=department_id)
    if year:
        qs = qs.filter(fiscal_year=year)
    if category:
        qs = qs.filter(category=category)
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-fiscal_year", "department__code", "category", "-version")


def budget_versions(budget: Budget) -> list[Budget]:
    """Every version of this budget line (year, department, category), oldest first."""
    return list(Budget.objects.filter(
        fiscal_year=budget.fiscal_year, department_id=budget.department_id,
        category=budget.category,
    ).select_related("prepared_by").order_by("version"))


def previous_chain(budget: Budget, versions: list[Budget]) -> list[Budget]:
    """This version and the ones it revised (Budget.previous), newest first."""
    by_pk = {b.pk: b for b in versions}
    chain, current = [], budget
    while current is not None and current not in chain:
        chain.append(current)
        current = by_pk.get(current.previous_id)
    return chain


def last_year_months(*, year: int, department_id: int, category: str) -> list[Decimal] | None:
    """Last year's months of the budget in force, the shape for a new split."""
    prior = Budget.objects.filter(fiscal_year=year - 1, department_id=department_id,
                                  category=category, state=BudgetState.IN_FORCE).first()
    return prior.months() if prior else None


def budget_request(budget: Budget) -> Request | None:
    return Request.objects.filter(kind=BUDGET_KIND, object_id=budget.pk).first()


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


def monitor_rows(year: int, *, department_id: int | None = None,
                 category: str = "") -> dict[str, list[MonitorRow]]:
    """{category: twelve month rows} from the live balances, summed over departments unless one
    is given; one aggregate query."""
    qs = BudgetBalance.objects.filter(fiscal_year=year, period__startswith="M")
    if department_id:
        qs = qs.filter(department_id=department_id)
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
