from decimal import Decimal

import pytest

from core.inbox import services as inbox
from core.org.models import Department
from workflows.expenses.models import (
    BudgetState,
    Category,
    CategoryPolicy,
    CityTier,
    ItemType,
    OverBudget,
    OverStandard,
    ReimbursementStandard,
)
from workflows.expenses.rules import even_split
from workflows.expenses.services import budget_create, budget_submit, claim_create, claim_submit

from .helpers import MARCH, YEAR, fresh, open_item

# (item, city tier, grades, cap per unit, on excess)
STANDARDS = [
    (ItemType.HOTEL, CityTier.TIER1, 1, 5, "500.00", OverStandard.REFUSE),
    (ItemType.HOTEL, CityTier.TIER1, 6, 99, "800.00", OverStandard.REFUSE),
    (ItemType.MEALS, "", 1, 99, "100.00", OverStandard.REFUSE),
    (ItemType.ENTERTAINMENT, "", 1, 99, "200.00", OverStandard.EXTRA_APPROVAL),
]


@pytest.fixture
def standards(db):
    return [
        ReimbursementStandard.objects.create(item_type=item, city_tier=tier, min_grade=lo,
                                             max_grade=hi, cap=Decimal(cap), on_excess=action)
        for item, tier, lo, hi, cap, action in STANDARDS
    ]


@pytest.fixture
def policies(db):
    """Travel blocks over budget; entertainment and marketing add the sales GM instead."""
    for category, rule in [(Category.TRAVEL, OverBudget.BLOCK),
                           (Category.ENTERTAINMENT, OverBudget.EXTRA_APPROVAL),
                           (Category.MARKETING, OverBudget.EXTRA_APPROVAL)]:
        CategoryPolicy.objects.update_or_create(category=category,
                                                defaults={"over_budget": rule})


@pytest.fixture
def approve_budget(personas):
    """Walk a submitted budget through its chain (sales GM, then CEO)."""

    def run(budget):
        for approver in ("gm", "ceo"):
            inbox.task_approve(task_id=open_item(budget, "budget").pk,
                               actor=personas[approver], comment="agreed")
        budget = fresh(budget)
        assert budget.state == BudgetState.IN_FORCE
        return budget

    return run


@pytest.fixture
def make_budget(personas, approve_budget):
    """make_budget("travel", "1200000.00") -> a budget in force, split evenly by month (or
    by the `months` given, the total then being their sum)."""

    def run(category: str = Category.TRAVEL, total: str = "1200000.00", *,
            department: str = "sales", months=None, owner: str = "gm", year: int = YEAR):
        if months is None:
            quarters, months = even_split(Decimal(total))
        else:
            months = [Decimal(m) for m in months]
            quarters = [sum(months[i:i + 3], Decimal(0)) for i in (0, 3, 6, 9)]
            total = sum(months, Decimal(0))
        budget = budget_create(actor=personas["finance"], fiscal_year=year,
                               department=Department.objects.get(code=department),
                               category=category, total=total, quarters=quarters,
                               months=months, owner=personas[owner])
        budget_submit(budget_id=budget.pk, actor=personas["finance"])
        return approve_budget(budget)

    return run


@pytest.fixture
def travel_budget(make_budget, standards, policies):
    """Sales travel for the year: 100,000.00 a month, 300,000.00 a quarter."""
    return make_budget(Category.TRAVEL, "1200000.00")


@pytest.fixture
def draft(personas):
    """draft("east_rep1", "860.00") -> a draft claim with one transport line of that amount."""

    def run(username: str = "east_rep1", amount: str = "860.00", *,
            category: str = Category.TRAVEL, lines=None, when=MARCH,
            title: str = "杭州客户拜访"):
        if lines is None:
            lines = [{"date": when, "item_type": ItemType.TRANSPORT, "amount": amount,
                      "description": "高铁往返"}]
        return claim_create(actor=personas[username], category=category, title=title,
                            expense_date=when, lines=lines)

    return run


@pytest.fixture
def submitted(draft):
    def run(*args, **kwargs):
        claim = draft(*args, **kwargs)
        claim_submit(claim_id=claim.pk, actor=claim.submitter)
        return fresh(claim)

    return run


@pytest.fixture
def through_chain(personas):
    """Approve every chain step of a submitted claim as its holder: it reaches finance."""

    def run(claim):
        while True:
            item = open_item(claim)
            if item.step_code == "finance_review":
                return item
            holder = item.assignee or item.candidates.order_by("pk").first()
            inbox.task_approve(task_id=item.pk, actor=holder, comment="ok")

    return run
