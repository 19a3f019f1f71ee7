"""Issue 18: the submitter sees the route before the first save — the new-claim form's "Preview
the route" shows, for the lines typed, the stops the claim then takes; nothing is kept."""

import pytest

from core.inbox.models import Request
from core.inbox.route import request_route
from workflows.expenses.models import BudgetBalance, CategoryPolicy, ExpenseClaim, OverBudget

from .helpers import claim_post, line

pytestmark = pytest.mark.django_db


def stops(route) -> list[tuple[str, str]]:
    return [(b.code, b.who) for s in route for b in (s.branches or [s])]


@pytest.mark.parametrize(("budget", "amount", "gm"), [
    ("600000.00", "320.00", False),
    ("500.00", "900.00", True),  # over the budget left: the sales GM approves too
])
def test_preview_is_the_route_the_claim_then_takes(client_for, make_budget, budget, amount, gm):
    CategoryPolicy.objects.update_or_create(category="travel", defaults={
        "over_budget": OverBudget.EXTRA_APPROVAL})
    make_budget(total=budget)
    client = client_for("east_rep1")
    typed = {"lines": [line(amount)]}
    balances = list(BudgetBalance.objects.values())

    preview = client.post("/expenses/claims/new/", claim_post(action="preview", **typed))

    assert preview.status_code == 200
    assert ExpenseClaim.objects.count() == 0
    assert not Request.objects.filter(kind="expense").exists()
    assert list(BudgetBalance.objects.values()) == balances  # nothing reserved either
    route = preview.context["route"]
    assert preview.context["preview"] is True
    assert all(b.state == "upcoming" for s in route for b in (s.branches or [s]))
    shown = stops(route)
    assert ("sales_gm" in {code for code, _who in shown}) is gm
    assert "Route preview: who will be asked" in preview.content.decode()

    client.post("/expenses/claims/new/", claim_post(action="submit", **typed))
    claim = ExpenseClaim.objects.get()
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    assert stops(request_route(req)) == shown


def test_preview_refused_with_the_form_kept_when_a_line_is_wrong(client_for, travel_budget):
    response = client_for("east_rep1").post("/expenses/claims/new/", claim_post(
        action="preview", lines=[line("-3")]))

    assert response.status_code == 400
    assert ExpenseClaim.objects.count() == 0
    assert response.context["route"] is None
