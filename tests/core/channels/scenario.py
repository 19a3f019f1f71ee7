"""A claim to decide: a travel budget in force and a claim by east_rep1 (line manager
east_mgr), built with the services as the expense tests do."""

from datetime import date
from decimal import Decimal

YEAR = 2026
MARCH = date(YEAR, 3, 10)


def travel_budget(personas):
    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem, WorkItemStatus
    from core.org.models import Department
    from workflows.expenses.models import Category, CategoryPolicy, OverBudget
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import budget_create, budget_submit

    CategoryPolicy.objects.update_or_create(category=Category.TRAVEL,
                                            defaults={"over_budget": OverBudget.BLOCK})
    quarters, months = even_split(Decimal("1200000.00"))
    budget = budget_create(actor=personas["finance"], fiscal_year=YEAR,
                           department=Department.objects.get(code="sales"),
                           category=Category.TRAVEL, total=Decimal("1200000.00"),
                           quarters=quarters, months=months, owner=personas["gm"])
    budget_submit(budget_id=budget.pk, actor=personas["finance"])
    req = Request.objects.get(kind="budget", object_id=budget.pk)
    for approver in ("gm", "ceo"):
        item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
        inbox.task_approve(task_id=item.pk, actor=personas[approver], comment="agreed")
    return budget


def submit_claim(personas, title: str = "杭州客户拜访", amount: str = "860.00"):
    from core.inbox.models import Request
    from workflows.expenses.models import Category, ItemType
    from workflows.expenses.services import claim_create, claim_submit

    claim = claim_create(actor=personas["east_rep1"], category=Category.TRAVEL, title=title,
                         expense_date=MARCH,
                         lines=[{"date": MARCH, "item_type": ItemType.TRANSPORT,
                                 "amount": amount, "description": "高铁往返"}])
    claim_submit(claim_id=claim.pk, actor=claim.submitter)
    return Request.objects.get(kind="expense", object_id=claim.pk)
