from datetime import timedelta

import pytest
from django.utils import timezone

from core.inbox.models import Request, WorkItem, WorkItemStatus
from core.org.models import Region
from workflows.risks.models import Risk
from workflows.risks.services import measure_add, plan_submit, risk_create

TODAY = timezone.localdate

# (likelihood, impact) that make each level with the default bands.
LOW, MEDIUM, HIGH, CRITICAL = (2, 2), (3, 3), (4, 4), (5, 5)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def request_of(risk: Risk) -> Request:
    return Request.objects.get(kind="risk", object_id=risk.pk)


def open_items(risk: Risk) -> list[WorkItem]:
    return list(WorkItem.objects.filter(request=request_of(risk), status=WorkItemStatus.OPEN)
                .order_by("pk"))


def open_item(risk: Risk) -> WorkItem:
    (item,) = open_items(risk)
    return item


def holders(item: WorkItem) -> set[int]:
    if item.assignee_id:
        return {item.assignee_id}
    return set(item.candidate_set.values_list("user_id", flat=True))


@pytest.fixture
def make_risk(personas):
    """make_risk(HIGH) -> an assessed east risk owned by east_rep1 (rating None: identified)."""

    def run(rating=MEDIUM, *, owner: str = "east_rep1", type: str = "market",
            title: str = "华东市场价格战", region: str | None = "east", **kwargs) -> Risk:
        likelihood, impact = rating if rating else (None, None)
        risk = risk_create(actor=personas[owner], type=type, title=title,
                           description="竞争对手降价15%", likelihood=likelihood, impact=impact,
                           region=Region.objects.get(code=region) if region else None,
                           **kwargs)
        return fresh(risk)

    return run


@pytest.fixture
def with_plan(personas, make_risk):
    """with_plan(HIGH) -> an assessed risk with one measure due in 14 days, plan submitted."""

    def run(rating=MEDIUM, *, owner: str = "east_rep1", submit: bool = True, due_in: int = 14,
            **kwargs) -> Risk:
        risk = make_risk(rating, owner=owner, **kwargs)
        measure_add(risk_id=risk.pk, actor=personas[owner], description="加强市场调研",
                    owner=personas[owner], due_date=TODAY() + timedelta(days=due_in))
        if submit:
            plan_submit(risk_id=risk.pk, actor=personas[owner])
        return fresh(risk)

    return run
