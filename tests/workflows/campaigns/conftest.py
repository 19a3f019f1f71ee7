from datetime import date
from decimal import Decimal

import pytest

from core import engine
from core.org.models import Department, Region
from workflows.campaigns import services
from workflows.campaigns.steps import KIND
from workflows.expenses.models import (
    BudgetBalance,
    BudgetState,
    Category,
    CategoryPolicy,
    OverBudget,
)
from workflows.expenses.rules import even_split
from workflows.expenses.services import budget_create, budget_submit

YEAR = 2026
MAY = date(YEAR, 5, 1)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def balance(period: str, *, category: str = Category.MARKETING,
            department: str = "marketing", region: str | None = None) -> BudgetBalance:
    """A period row of the department's own budget line, or of one region's."""
    return BudgetBalance.objects.get(fiscal_year=YEAR, department__code=department,
                                     category=category, period=period,
                                     region=Region.objects.get(code=region) if region else None)


def open_item(kind: str, obj_id: int):
    return engine.open_items(engine.request_for(kind, obj_id)).first()


def chain_codes(kind: str, obj_id: int) -> list[str]:
    return [s["code"] for s in engine.request_for(kind, obj_id).chain]


@pytest.fixture
def policies(db):
    """Marketing adds an approval when over budget; travel refuses."""
    for category, rule in [(Category.TRAVEL, OverBudget.BLOCK),
                           (Category.MARKETING, OverBudget.EXTRA_APPROVAL),
                           (Category.ENTERTAINMENT, OverBudget.BLOCK)]:
        CategoryPolicy.objects.update_or_create(category=category,
                                                defaults={"over_budget": rule})


@pytest.fixture
def make_budget(personas):
    def run(category=Category.MARKETING, total="1200000.00", department="marketing",
            region=None):
        quarters, months = even_split(Decimal(total))
        budget = budget_create(actor=personas["finance"], fiscal_year=YEAR,
                               department=Department.objects.get(code=department),
                               category=category, total=Decimal(total), quarters=quarters,
                               months=months, owner=personas["marketing"],
                               region=Region.objects.get(code=region) if region else None)
        budget_submit(budget_id=budget.pk, actor=personas["finance"])
        for who in ("gm", "ceo"):
            engine.task_approve(task_id=open_item("budget", budget.pk).pk, actor=personas[who],
                                comment="ok")
        assert fresh(budget).state == BudgetState.IN_FORCE
        return budget

    return run


@pytest.fixture
def draft(personas):
    """draft("marketing2", ("marketing", "30000.00"), ...) -> a draft campaign in May."""

    def run(who="marketing2", *lines, start=date(YEAR, 5, 10), end=date(YEAR, 5, 12),
            theme="华东新品发布会", regions=()):
        """A line is (category, amount) or (category, amount, region code)."""
        lines = lines or (("marketing", "30000.00"),)
        codes = {r.code: r.pk for r in Region.objects.all()}
        return services.campaign_create(
            actor=personas[who], theme=theme, type="launch", start=start, end=end,
            place="上海", expected_leads=50, regions=[codes[r] for r in regions],
            lines=[{"category": x[0], "month": start.replace(day=1), "description": f"line {i}",
                    "amount": Decimal(x[1]), "region": codes[x[2]] if len(x) > 2 else None}
                   for i, x in enumerate(lines)])

    return run


@pytest.fixture
def approved(draft, personas):
    """A campaign submitted and approved along its whole chain."""

    def run(*args, **kwargs):
        campaign = draft(*args, **kwargs)
        services.campaign_submit(campaign_id=campaign.pk, actor=campaign.owner)
        approve_chain(campaign, personas)
        return fresh(campaign)

    return run


def approve_chain(campaign, personas, kind=KIND, obj_id=None):
    people = [personas[u] for u in ("marketing", "marketing2", "gm", "ceo")]
    for _i in range(6):
        item = open_item(kind, obj_id or campaign.pk)
        if item is None:
            return
        eligible = set(item.eligible_ids or []) | {item.assignee_id}
        who = next(p for p in people if p.pk in eligible and p.pk != campaign.owner_id)
        engine.task_approve(task_id=item.pk, actor=who, comment="同意")


# signed contracts to attribute, made as the contracts tests make them
from tests.workflows.contracts.conftest import (  # noqa: E402, F401
    customer,
    in_parallel,
    signed,
    submitted,
)
