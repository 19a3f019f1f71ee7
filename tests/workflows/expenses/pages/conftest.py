"""Fixtures for the expense pages: standards, a travel budget in force for sales (through the
services and its approvals), claims driven to a given stage, logged-in clients."""

from decimal import Decimal

import pytest
from django.test import Client

from core.inbox import services as inbox
from core.org.models import Department
from workflows.expenses import services
from workflows.expenses.models import (
    Budget,
    CityTier,
    ExpenseClaim,
    ItemType,
    OverStandard,
    ReimbursementStandard,
)
from workflows.expenses.rules import even_split

from .helpers import line, open_item, today


@pytest.fixture
def client_for(personas):
    def make(username: str) -> Client:
        client = Client(headers={"accept-language": "en"})  # assertions read the source text
        client.force_login(personas[username])
        return client

    return make


@pytest.fixture
def standards(db):
    ReimbursementStandard.objects.create(item_type=ItemType.HOTEL, city_tier=CityTier.TIER1,
                                         min_grade=1, max_grade=5, cap=Decimal("500"),
                                         on_excess=OverStandard.REFUSE, note="一线城市住宿")
    ReimbursementStandard.objects.create(item_type=ItemType.ENTERTAINMENT, city_tier="",
                                         min_grade=1, max_grade=99, cap=Decimal("200"),
                                         on_excess=OverStandard.EXTRA_APPROVAL, note="业务招待/人")


@pytest.fixture
def make_budget(personas):
    """make_budget("travel", "600000.00") -> a budget in force for sales this year."""

    def make(category="travel", total="600000.00", *, year=None, department="sales",
             in_force=True):
        quarters, months = even_split(Decimal(total))
        budget = services.budget_create(
            actor=personas["finance"], fiscal_year=year or today().year,
            department=Department.objects.get(code=department), category=category,
            total=total, quarters=quarters, months=months, owner=personas["gm"])
        if in_force:
            services.budget_submit(budget_id=budget.pk, actor=personas["finance"])
            for approver in ("gm", "ceo"):
                item = open_item("budget", budget.pk)
                inbox.task_approve(task_id=item.pk, actor=personas[approver], comment="同意")
            budget = Budget.objects.get(pk=budget.pk)
        return budget

    return make


@pytest.fixture
def travel_budget(make_budget):
    return make_budget("travel", "600000.00")


@pytest.fixture
def make_claim(personas):
    """make_claim("east_rep1", stage="finance") -> a claim driven to draft / submitted /
    finance (approved, at the voucher review)."""

    def make(username="east_rep1", *, lines=None, stage="draft", category="travel",
             title="杭州客户拜访"):
        claim = services.claim_create(actor=personas[username], category=category, title=title,
                                      expense_date=today(), lines=lines or [line()])
        if stage in ("submitted", "finance"):
            services.claim_submit(claim_id=claim.pk, actor=personas[username])
        if stage == "finance":
            while (item := open_item("expense", claim.pk)) and item.step_code != "finance_review":
                holder = item.assignee or item.candidates.first()
                inbox.task_approve(task_id=item.pk, actor=holder, comment="同意")
        return ExpenseClaim.objects.get(pk=claim.pk)

    return make

