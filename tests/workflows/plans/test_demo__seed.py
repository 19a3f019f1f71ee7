"""The demo: this year's plan published (a revision of version 1) with actuals to date, next
year's plan with the regions, two of three confirmed; seeding twice changes nothing."""

import pytest
from django.utils import timezone

from core.audit.verify import verify_all
from workflows.plans import demo, rules
from workflows.plans.models import Actual, Plan, PlanState
from workflows.plans.services.common import grid_of

from .conftest import open_items

pytestmark = pytest.mark.django_db


def test_demo_plans_and_actuals_when_seeded_twice(personas):
    demo.seed()
    demo.seed()

    year = timezone.localdate().year
    states = {(p.fiscal_year, p.version): p.state for p in Plan.objects.all()}
    assert states == {(year, 1): PlanState.SUPERSEDED, (year, 2): PlanState.PUBLISHED,
                      (year + 1, 1): PlanState.CONFIRMING}
    for plan in Plan.objects.all():
        assert rules.reconcile(grid_of(plan)) == []
    nxt = Plan.objects.get(fiscal_year=year + 1)
    assert [i.task.data["region"] for i in open_items(nxt)] == ["south"]
    assert Actual.objects.filter(year=year).count() == 7 * (timezone.localdate().month - 1)
    assert verify_all(save=False).ok
