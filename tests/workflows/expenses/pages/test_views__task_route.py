"""The task and request pages show the claim's whole route, each step where it stands: the
chain's approvals, finance's voucher review, payment (issue 18, defect 3: the finance task
showed one step, the line manager's)."""

import re

import pytest

from core.inbox.models import Request

from .helpers import open_item

pytestmark = pytest.mark.django_db


def _route(html: str) -> list[str]:
    block = re.search(r'<ol class="route">(.*?)</ol>', html, re.S)
    assert block, "no route on the page"
    items = re.findall(r"<li[^>]*>(.*?)</li>", block.group(1), re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", i)).strip() for i in items]


def test_finance_task_shows_the_whole_route_when_the_chain_is_done(client_for, make_claim,
                                                                   travel_budget, personas):
    claim = make_claim("east_rep1", stage="finance")
    item = open_item("expense", claim.pk)
    assert item.step_code == "finance_review"

    route = _route(client_for("finance").get(f"/inbox/tasks/{item.pk}/").content.decode())

    assert len(route) == 3, route
    assert route[0].startswith("Line manager") and "approved" in route[0]
    assert str(personas["east_mgr"]) in route[0]
    assert route[1].startswith("Finance voucher review") and "waiting here" in route[1]
    assert route[2].startswith("Payment") and "to come" in route[2]


def test_request_page_shows_the_route_while_the_first_step_waits(client_for, make_claim,
                                                                 travel_budget):
    claim = make_claim("east_rep1", stage="submitted")
    req = Request.objects.get(kind="expense", object_id=claim.pk)

    route = _route(client_for("east_rep1").get(f"/requests/{req.pk}/").content.decode())

    assert [r.split(" ")[0] for r in route] == ["Line", "Finance", "Payment"]
    assert "waiting here" in route[0]
    assert "to come" in route[1] and "to come" in route[2]
