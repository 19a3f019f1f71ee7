"""Real threads, each with its own PostgreSQL connection, committing for real: campaigns whose
last approval comes at the same moment queue on the budget rows (SELECT ... FOR UPDATE), so
exactly as many are approved as the marketing budget affords and none goes over it."""

import threading
import time
from decimal import Decimal

import pytest

from core import engine
from core.audit.verify import verify_all
from core.org.models import User
from workflows.campaigns import services
from workflows.campaigns.models import Campaign, CampaignState
from workflows.campaigns.steps import KIND
from workflows.expenses.models import BudgetHold, Category, CategoryPolicy, OverBudget
from workflows.expenses.services.ledger import OverBudgetError

from .conftest import balance, open_item

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 16


def _race(make_budget, draft, personas, figure, *, campaigns: int, month_budget: str,
          amount: str) -> None:
    CategoryPolicy.objects.update_or_create(category=Category.MARKETING,
                                            defaults={"over_budget": OverBudget.BLOCK})
    make_budget(total=str(Decimal(month_budget) * 12))
    started = time.perf_counter()
    tasks = []
    for i in range(campaigns):
        c = draft("marketing2", ("marketing", amount), theme=f"活动 {i}")
        services.campaign_submit(campaign_id=c.pk, actor=personas["marketing2"])
        engine.task_approve(task_id=open_item(KIND, c.pk).pk, actor=personas["marketing"],
                            comment="ok")
        tasks.append(open_item(KIND, c.pk).pk)  # the sales GM's, the last step
    prepared = time.perf_counter() - started
    todo = list(enumerate(tasks))
    taken = threading.Lock()
    outcomes: list = [None] * len(tasks)
    barrier = threading.Barrier(THREADS)
    from django.db import connection

    def worker():
        gm = User.objects.get(username="gm")
        try:
            barrier.wait(timeout=30)
            while True:
                with taken:
                    if not todo:
                        return
                    i, task_id = todo.pop()
                try:
                    outcomes[i] = engine.task_approve(task_id=task_id, actor=gm, comment="ok")
                except Exception as exc:  # counted below
                    outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(THREADS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    elapsed = time.perf_counter() - started
    assert not any(t.is_alive() for t in threads)

    affordable = int(Decimal(month_budget) // Decimal(amount))
    refused = [o for o in outcomes if isinstance(o, OverBudgetError)]
    others = [o for o in outcomes if isinstance(o, Exception) and
              not isinstance(o, OverBudgetError)]
    month, quarter = balance("M05"), balance("Q2")
    figure(f"{campaigns} campaigns x {amount} racing for {month_budget}, {THREADS} threads",
           f"{campaigns - len(refused)} approved, {len(refused)} refused (OverBudgetError), "
           f"reserved {month.reserved} of {month.budget}; approving took {elapsed:.1f} s "
           f"(preparing {prepared:.1f} s)")
    assert others == []
    assert len(refused) == campaigns - affordable
    approved = Campaign.objects.filter(state=CampaignState.APPROVED)
    assert approved.count() == affordable
    assert Campaign.objects.filter(state=CampaignState.SUBMITTED).count() == len(refused)
    assert month.reserved == Decimal(amount) * affordable <= month.budget
    assert quarter.reserved == month.reserved
    holds = BudgetHold.objects.filter(state=BudgetHold.State.HELD)
    assert holds.count() == affordable
    assert sum(holds.values_list("amount", flat=True)) == month.reserved
    # The refused approvals left their tasks open for the GM to reject or return.
    assert all(open_item(KIND, c.pk) is not None
               for c in Campaign.objects.filter(state=CampaignState.SUBMITTED))
    assert verify_all(save=False).ok


def test_exactly_the_affordable_campaigns_are_approved_when_40_race(
        make_budget, draft, personas, figure):
    _race(make_budget, draft, personas, figure, campaigns=40, month_budget="100000.00",
          amount="4000.00")  # 25 affordable


@pytest.mark.slow
def test_exactly_the_affordable_campaigns_are_approved_when_200_race(
        make_budget, draft, personas, figure):
    _race(make_budget, draft, personas, figure, campaigns=200, month_budget="100000.00",
          amount="1500.00")  # 66 affordable


def test_two_regions_budgets_are_independent_when_their_campaigns_race(
        make_budget, draft, personas, figure):
    """East's and south's marketing budgets of one department: campaigns of both regions
    approved at once each take only their own region's rows, so each region approves exactly
    what it affords, whatever the other does, and the department's own line is untouched."""
    CategoryPolicy.objects.update_or_create(category=Category.MARKETING,
                                            defaults={"over_budget": OverBudget.BLOCK})
    make_budget()  # the department's own line: 100,000.00 a month, not to be used
    make_budget(total="480000.00", region="east")  # 40,000.00 a month: 10 of 4,000.00
    make_budget(total="240000.00", region="south")  # 20,000.00 a month: 5 of 4,000.00
    tasks = []
    for i in range(30):
        region = "east" if i % 2 else "south"
        c = draft("marketing2", ("marketing", "4000.00"), theme=f"活动 {i}", regions=(region,))
        services.campaign_submit(campaign_id=c.pk, actor=personas["marketing2"])
        engine.task_approve(task_id=open_item(KIND, c.pk).pk, actor=personas["marketing"],
                            comment="ok")
        tasks.append((region, open_item(KIND, c.pk).pk))
    todo = list(enumerate(tasks))
    taken = threading.Lock()
    outcomes: list = [None] * len(tasks)
    barrier = threading.Barrier(THREADS)
    from django.db import connection

    def worker():
        gm = User.objects.get(username="gm")
        try:
            barrier.wait(timeout=30)
            while True:
                with taken:
                    if not todo:
                        return
                    i, (_region, task_id) = todo.pop()
                try:
                    outcomes[i] = engine.task_approve(task_id=task_id, actor=gm, comment="ok")
                except Exception as exc:  # counted below
                    outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not any(t.is_alive() for t in threads)
    others = [o for o in outcomes if isinstance(o, Exception)
              and not isinstance(o, OverBudgetError)]
    assert others == []
    refused = {r: sum(1 for (region, _t), o in zip(tasks, outcomes, strict=True)
                      if region == r and isinstance(o, OverBudgetError))
               for r in ("east", "south")}
    figure("30 campaigns of two regions racing for their own budgets, 16 threads",
           f"east refused {refused['east']} of 15, south {refused['south']} of 15")
    assert refused == {"east": 5, "south": 10}
    assert balance("M05", region="east").reserved == Decimal("40000.00")
    assert balance("M05", region="south").reserved == Decimal("20000.00")
    assert balance("Q2", region="east").reserved == Decimal("40000.00")
    assert balance("M05").reserved == 0
    held = BudgetHold.objects.filter(state=BudgetHold.State.HELD)
    assert held.filter(region__code="east").count() == 10
    assert held.filter(region__code="south").count() == 5
    assert Campaign.objects.filter(state=CampaignState.APPROVED).count() == 15
    assert verify_all(save=False).ok
