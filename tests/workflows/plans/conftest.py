"""Plans driven through the services and the inbox, as people use them: the sales GM (gm)
drafts, the regional managers (east_mgr, south_mgr, north_mgr) confirm, the CEO signs off."""

from decimal import Decimal

import pytest
from django.utils import timezone

from core.inbox import services as inbox
from core.inbox.models import Request, WorkItem, WorkItemStatus
from workflows.plans import services
from workflows.plans.models import Plan, PlanState
from workflows.plans.services import GridRow
from workflows.plans.services.common import grid_of

YEAR = timezone.localdate().year
NEXT = YEAR + 1
MANAGERS = {"east": "east_mgr", "south": "south_mgr", "north": "north_mgr"}


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def request_of(plan: Plan) -> Request:
    return Request.objects.get(kind="plan", object_id=plan.pk)


def open_items(plan: Plan) -> list[WorkItem]:
    return list(WorkItem.objects.filter(request=request_of(plan), status=WorkItemStatus.OPEN)
                .select_related("task").order_by("pk"))


def confirmation(plan: Plan, region: str) -> WorkItem:
    (item,) = [i for i in open_items(plan) if i.step_code == "confirm_region"
               and i.task.data.get("region") == region]
    return item


def rows_of(plan: Plan) -> tuple[Decimal, list[GridRow]]:
    """The stored grid as input rows (what a page or the API would send back unchanged)."""
    grid = grid_of(plan)
    rows = []
    for code, months in grid.regions.items():
        rows.append(GridRow(region=code, months=list(months)))
        for person, line in (grid.people.get(code) or {}).items():
            rows.append(GridRow(region=code, person=person, months=list(line)))
    return grid.target, rows


def find(rows: list[GridRow], region: str, person: str | None = None) -> GridRow:
    return next(r for r in rows if r.region == region and r.person == person)


@pytest.fixture
def draft(personas):
    """draft("12000000.00") -> next year's plan drafted by the sales GM, spread evenly."""

    def run(target: str = "12000000.00", *, year: int = NEXT, **kwargs) -> Plan:
        return services.plan_create(actor=personas["gm"], fiscal_year=year,
                                    target=Decimal(target), strategy="深耕华东，拓展华南",
                                    **kwargs)

    return run


@pytest.fixture
def submitted(personas, draft):
    """A plan with the regions for confirmation (one open task per region)."""

    def run(*args, **kwargs) -> Plan:
        plan = draft(*args, **kwargs)
        services.plan_submit_for_confirmation(plan_id=plan.pk, actor=personas["gm"])
        return fresh(plan)

    return run


def confirm_all(personas, plan: Plan, regions=("east", "north", "south")) -> None:
    for region in regions:
        inbox.task_approve(task_id=confirmation(plan, region).pk,
                           actor=personas[MANAGERS[region]], comment="同意")


@pytest.fixture
def confirmed(personas, submitted):
    def run(*args, **kwargs) -> Plan:
        plan = submitted(*args, **kwargs)
        confirm_all(personas, plan)
        plan = fresh(plan)
        assert plan.state == PlanState.CONFIRMED
        return plan

    return run


@pytest.fixture
def published(personas, confirmed):
    """A plan through the regions and the CEO: published."""

    def run(*args, **kwargs) -> Plan:
        plan = confirmed(*args, **kwargs)
        services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
        (ceo,) = open_items(plan)
        inbox.task_approve(task_id=ceo.pk, actor=personas["ceo"], comment="同意发布")
        plan = fresh(plan)
        assert plan.state == PlanState.PUBLISHED
        return plan

    return run
