"""Issue 18: the sales GM sees who signs the plan off before drafting it — "Preview the route"
on the new-plan form, for the target typed, nothing saved."""

import pytest

from core.inbox.models import Request
from core.inbox.route import request_route
from workflows.plans.models import Plan

from ..conftest import NEXT, request_of

pytestmark = pytest.mark.django_db


def stops(route) -> list[tuple[str, str]]:
    return [(b.code, b.who) for s in route for b in (s.branches or [s])]


def test_preview_is_the_route_the_plan_then_takes(client_for, submitted):
    response = client_for("gm").post("/plans/new/", {
        "fiscal_year": NEXT, "target": "12000000.00", "regions": ["east", "north", "south"],
        "spread": "even", "strategy": "稳", "action": "preview"})

    assert response.status_code == 200
    assert Plan.objects.count() == 0 and not Request.objects.filter(kind="plan").exists()
    shown = stops(response.context["route"])
    assert shown and "Route preview: who will be asked" in response.content.decode()

    plan = submitted("12000000.00")
    after = stops(request_route(request_of(plan)))
    # the regions confirm first (their managers are named once the tasks open), then the chain
    assert shown[0] == ("confirm_region", "")
    assert [code for code, _who in after[:3]] == ["confirm_region"] * 3
    assert after[3:] == shown[1:] == [("ceo", str(plan.author.__class__.objects.get(
        username="ceo")))]
