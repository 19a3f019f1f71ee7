from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from core.inbox import services as inbox
from core.inbox.models import Request, WorkItem, WorkItemStatus
from core.org.models import Department, User
from workflows.expenses.models import (
    BudgetState,
    Category,
    CategoryPolicy,
    CityTier,
    ExpenseClaim,
    ItemType,
    OverBudget,
    OverStandard,
    ReimbursementStandard,
)
from workflows.expenses.rules import even_split
from workflows.expenses.services import budget_create, budget_submit, claim_create

TODAY = timezone.localdate()
YEAR = TODAY.year
# The first of this month: never in the future, always in this fiscal year.
EXPENSE_DAY = date(YEAR, TODAY.month, 1)

CLAIMS = "/api/expenses/claims/"
BUDGETS = "/api/expenses/budgets/"

# (item, city tier, grades, cap per unit, on excess)
STANDARDS = [
    (ItemType.HOTEL, CityTier.TIER1, 1, 5, "500.00", OverStandard.REFUSE, "一线城市住宿"),
    (ItemType.HOTEL, CityTier.TIER1, 6, 99, "800.00", OverStandard.REFUSE, "经理级"),
    (ItemType.MEALS, "", 1, 99, "100.00", OverStandard.REFUSE, "伙食补助/天"),
    (ItemType.ENTERTAINMENT, "", 1, 99, "200.00", OverStandard.EXTRA_APPROVAL, "业务招待/人"),
]


def lines_860(day: date = EXPENSE_DAY) -> list[dict]:
    """The 860.00 travel claim of the scenarios: a train ticket and one night in a tier-1 city
    (within the 500.00 standard for grade 3)."""
    return [
        {"date": day.isoformat(), "item_type": "transport", "description": "高铁 上海-杭州",
         "amount": "500.00"},
        {"date": day.isoformat(), "item_type": "hotel", "city_tier": "tier1", "units": 1,
         "description": "酒店一晚", "amount": "360.00"},
    ]


def claim_body(**overrides) -> dict:
    body = {"category": "travel", "title": "杭州客户拜访", "purpose": "季度回访",
            "expense_date": EXPENSE_DAY.isoformat(), "lines": lines_860()}
    body.update(overrides)
    return body


def claim_url(claim_id: int, action: str = "") -> str:
    return f"{CLAIMS}{claim_id}/{action + '/' if action else ''}"


def budget_url(budget_id: int, action: str = "") -> str:
    return f"{BUDGETS}{budget_id}/{action + '/' if action else ''}"


def open_item(kind: str, object_id: int) -> WorkItem:
    return WorkItem.objects.get(request__kind=kind, request__object_id=object_id,
                                status=WorkItemStatus.OPEN)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def api(personas):
    """api("east_mgr") -> an APIClient logged in as that persona (api(None): anonymous).
    Each client gets its own copy of the user, so per-user caches (roles) start cold."""

    def client_for(username: str | None) -> APIClient:
        client = APIClient()
        if username is not None:
            client.force_authenticate(User.objects.get(pk=personas[username].pk))
        return client

    return client_for


@pytest.fixture
def standards(db):
    return [
        ReimbursementStandard.objects.create(item_type=item, city_tier=tier, min_grade=lo,
                                             max_grade=hi, cap=Decimal(cap), on_excess=action,
                                             note=note)
        for item, tier, lo, hi, cap, action, note in STANDARDS
    ]


@pytest.fixture
def travel_blocks(db):
    CategoryPolicy.objects.update_or_create(category=Category.TRAVEL,
                                            defaults={"over_budget": OverBudget.BLOCK})


@pytest.fixture
def sales(personas):
    return Department.objects.get(code="sales")


@pytest.fixture
def make_budget(personas, sales):
    """make_budget("travel", "120000.00") -> a budget in force (finance prepares, the sales GM
    and the CEO approve), split evenly unless `months` is given; in_force=False: a draft."""

    def run(category: str = Category.TRAVEL, total: str = "120000.00", *, year: int = YEAR,
            department: Department | None = None, months=None, in_force: bool = True):
        if months is None:
            quarters, months = even_split(Decimal(total))
        else:
            months = [Decimal(m) for m in months]
            quarters = [sum(months[i:i + 3], Decimal(0)) for i in range(0, 12, 3)]
            total = sum(months, Decimal(0))
        budget = budget_create(actor=personas["finance"], fiscal_year=year,
                               department=department or sales, category=category, total=total,
                               quarters=quarters, months=months, owner=personas["gm"])
        if not in_force:
            return budget
        budget_submit(budget_id=budget.pk, actor=personas["finance"])
        for approver in ("gm", "ceo"):
            inbox.task_approve(task_id=open_item("budget", budget.pk).pk,
                               actor=personas[approver], comment="同意")
        budget = fresh(budget)
        assert budget.state == BudgetState.IN_FORCE
        return budget

    return run


@pytest.fixture
def make_claim(personas, standards):
    """make_claim("east_rep1") -> a draft claim made by the service (860.00 travel)."""

    def run(username: str = "east_rep1", *, category: str = Category.TRAVEL,
            lines: list[dict] | None = None, day: date = EXPENSE_DAY,
            title: str = "杭州客户拜访") -> ExpenseClaim:
        raw = lines if lines is not None else lines_860(day)
        return claim_create(actor=personas[username], category=category, title=title,
                            expense_date=day, lines=raw, purpose="")

    return run


def request_of(claim: ExpenseClaim) -> Request:
    return Request.objects.get(kind="expense", object_id=claim.pk)
