"""The sales GM drafts next year's plan; the draft is spread so that it already adds up."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.inbox.models import RequestStatus
from workflows.plans import rules, services
from workflows.plans.models import Actual, PersonMonth, Plan, PlanState, RegionMonth
from workflows.plans.services.common import grid_of

from .conftest import NEXT, YEAR, request_of

pytestmark = pytest.mark.django_db


def test_draft_covers_every_region_and_salesperson_and_adds_up_when_created(personas, draft):
    plan = draft("12000000.00")

    assert plan.state == PlanState.DRAFT
    assert plan.number == f"JH-{NEXT}-001" and plan.version == 1
    grid = grid_of(plan)
    assert set(grid.regions) == {"east", "north", "south"}
    assert set(grid.people["east"]) == {"east_rep1", "east_rep2", "east_rep3"}
    assert rules.reconcile(grid) == []
    assert RegionMonth.objects.filter(plan=plan).count() == 36
    assert PersonMonth.objects.filter(plan=plan).count() == 7 * 12
    req = request_of(plan)
    assert req.status == RequestStatus.DRAFT and req.amount == Decimal("12000000.00")
    assert AuditEvent.objects.filter(subject_kind="plan", subject_id=str(plan.pk),
                                     event="plan.drafted").count() == 1


def test_draft_is_spread_like_last_years_actuals_when_asked(personas, draft):
    gm = personas["gm"]
    for username, amount in (("east_rep1", "300"), ("north_rep1", "100")):
        Actual.objects.create(salesperson=personas[username], region=personas[username].region,
                              year=NEXT - 1, month=1, amount=Decimal(amount), recorded_by=gm)

    plan = draft("4000.00", spread="last_year", region_codes=["east", "north"])

    grid = grid_of(plan)
    assert rules.year(grid.regions["east"]) == Decimal("3000.00")
    assert grid.regions["east"][0] == Decimal("3000.00")  # all in January, like last year
    assert grid.people["east"]["east_rep1"][0] == Decimal("3000.00")
    assert grid.people["east"]["east_rep2"] == [Decimal("0.00")] * 12
    assert set(grid.regions) == {"east", "north"}


@pytest.mark.parametrize("who", ["east_mgr", "ceo", "finance", "east_rep1", "auditor"])
def test_refused_when_not_the_sales_gm(personas, who):
    with pytest.raises(PermissionDeniedError):
        services.plan_create(actor=personas[who], fiscal_year=NEXT, target="100.00")
    assert not Plan.objects.exists()


def test_refused_when_a_plan_for_the_year_exists(personas, draft):
    draft(year=YEAR)
    with pytest.raises(StateConflictError):
        draft(year=YEAR)
    assert Plan.objects.filter(fiscal_year=YEAR).count() == 1


@pytest.mark.parametrize("field, kwargs", [
    ("target", {"target": "abc"}), ("target", {"target": "-5"}),
    ("target", {"target": "1e20"}), ("fiscal_year", {"fiscal_year": 1999}),
    ("fiscal_year", {"fiscal_year": "next"}), ("regions", {"region_codes": ["atlantis"]}),
    ("spread", {"spread": "random"}),
])
def test_refused_with_the_field_named_when_input_is_bad(personas, field, kwargs):
    args = {"fiscal_year": NEXT, "target": "100.00", **kwargs}
    with pytest.raises(InvalidInputError) as exc:
        services.plan_create(actor=personas["gm"], **args)
    assert field in exc.value.fields
    assert not Plan.objects.exists()


def test_title_and_strategy_can_be_edited_while_a_draft(personas, draft):
    plan = draft()
    services.plan_update(plan_id=plan.pk, actor=personas["gm"], strategy="新策略",
                         title="2027 计划")
    plan = Plan.objects.get(pk=plan.pk)
    assert (plan.title, plan.strategy) == ("2027 计划", "新策略")
    assert request_of(plan).title == "2027 计划"
