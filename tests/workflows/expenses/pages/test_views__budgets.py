"""Budget pages: who reads them, the grid and versions, create / adjust with split helpers."""

from decimal import Decimal

import pytest

from core.inbox.models import Request
from workflows.expenses.models import Budget, BudgetState

from .helpers import today

pytestmark = pytest.mark.django_db


def grid(total="1200.00", quarters=None, months=None, **fields) -> dict:
    quarters = quarters or ["300.00"] * 4
    months = months or ["100.00"] * 12
    data = {"total": total, **{f"q{i}": v for i, v in enumerate(quarters, 1)},
            **{f"m{i}": v for i, v in enumerate(months, 1)}, "action": "save", **fields}
    return data


def new_budget(personas, **fields) -> dict:
    return grid(fiscal_year=str(today().year), department=str(personas["gm"].department_id),
                category="travel", owner=str(personas["gm"].pk), **fields)


@pytest.mark.parametrize(("username", "status"), [
    ("finance", 200), ("gm", 200), ("ceo", 200), ("auditor", 200), ("admin", 200),
    ("east_mgr", 200), ("east_rep1", 404), ("legal", 404),
])
def test_budget_pages_are_open_only_to_budget_readers(client_for, travel_budget, username,
                                                      status):
    client = client_for(username)

    assert client.get("/expenses/budgets/").status_code == status
    assert client.get(f"/expenses/budgets/{travel_budget.pk}/").status_code == status


def test_regional_manager_sees_only_their_own_departments_budgets(client_for, make_budget):
    sales = make_budget("travel", in_force=False)
    marketing = make_budget("marketing", in_force=False, department="marketing")
    client = client_for("east_mgr")

    body = client.get("/expenses/budgets/").content.decode()

    assert f'href="/expenses/budgets/{sales.pk}/"' in body
    assert f'href="/expenses/budgets/{marketing.pk}/"' not in body
    assert client.get(f"/expenses/budgets/{marketing.pk}/").status_code == 404


def test_budget_page_shows_quarters_months_and_the_approval_link(client_for, travel_budget):
    body = client_for("finance").get(f"/expenses/budgets/{travel_budget.pk}/").content.decode()

    for label in ("Q1", "Q4", "Jan", "Dec"):
        assert label in body
    assert "¥150,000.00" in body and "¥50,000.00" in body
    req = Request.objects.get(kind="budget", object_id=travel_budget.pk)
    assert f'href="/requests/{req.pk}/"' in body
    assert f'href="/expenses/budgets/{travel_budget.pk}/adjust/"' in body


def test_create_with_a_bad_split_shows_each_cells_error_and_keeps_the_input(client_for,
                                                                            personas):
    months = ["100.00"] * 12
    months[1] = "150.00"  # Q1's months add up to 350.00, not 300.00
    data = new_budget(personas, total="1300.00", months=months)

    response = client_for("finance").post("/expenses/budgets/new/", data)

    assert response.status_code == 400
    body = response.content.decode()
    assert "Q1 is ¥300.00 but its months add up to ¥350.00 (off by ¥50.00)." in body
    assert "The quarters add up to ¥1,200.00, not the annual total ¥1,300.00" in body
    assert 'value="150.00"' in body and 'value="1300.00"' in body
    assert Budget.objects.count() == 0


def test_split_evenly_prefills_the_grid_without_saving(client_for, personas):
    data = new_budget(personas, total="1000.00", action="even")
    for key in [k for k in data if k[0] in "qm" and k[1:].isdigit()]:
        data[key] = ""

    response = client_for("finance").post("/expenses/budgets/new/", data)

    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="m1" value="83.34"' in body  # remainder fen go to the first months
    assert 'name="m12" value="83.33"' in body
    assert 'name="q1" value="250.02"' in body
    assert Budget.objects.count() == 0


def test_same_shape_as_last_year_follows_last_years_months(client_for, make_budget,
                                                           personas):
    last = make_budget("travel", "1200.00", year=today().year - 1)
    assert last.state == BudgetState.IN_FORCE

    response = client_for("finance").post("/expenses/budgets/new/",
                                          new_budget(personas, total="2400.00",
                                                     action="shape"))

    assert response.status_code == 200
    assert 'name="m7" value="200.00"' in response.content.decode()


def test_budget_is_created_then_submitted_through_the_pages(client_for, personas):
    client = client_for("finance")

    response = client.post("/expenses/budgets/new/", new_budget(personas))

    budget = Budget.objects.get()
    assert response.status_code == 302
    assert budget.state == BudgetState.DRAFT
    assert budget.total == Decimal("1200.00")
    assert "Submit for approval" in client.get(response["Location"]).content.decode()

    response = client.post(f"/expenses/budgets/{budget.pk}/submit/")

    assert response.status_code == 302
    assert Budget.objects.get().state == BudgetState.SUBMITTED
    assert Request.objects.filter(kind="budget", object_id=budget.pk).exists()


def test_create_and_adjust_are_404_when_the_user_is_not_finance(client_for, personas,
                                                                travel_budget):
    gm = client_for("gm")

    assert gm.get("/expenses/budgets/new/").status_code == 404
    assert gm.post("/expenses/budgets/new/", new_budget(personas)).status_code == 404
    assert gm.get(f"/expenses/budgets/{travel_budget.pk}/adjust/").status_code == 404
    assert gm.post(f"/expenses/budgets/{travel_budget.pk}/submit/").status_code == 302
    assert Budget.objects.count() == 1  # the GM's submit was refused with a message


def test_adjust_requires_a_reason_and_keeps_the_input(client_for, travel_budget):
    data = grid(total="600000.00", quarters=["150000.00"] * 4, months=["50000.00"] * 12,
                reason="")
    data["m1"] = "60000.00"

    response = client_for("finance").post(f"/expenses/budgets/{travel_budget.pk}/adjust/",
                                          data)

    assert response.status_code == 400
    body = response.content.decode()
    assert "A reason is required." in body
    assert 'value="60000.00"' in body


def test_adjustment_drafts_a_new_version_shown_with_its_diff(client_for, travel_budget):
    months = ["50000.00"] * 12
    months[0], months[1] = "40000.00", "60000.00"
    data = grid(total="600000.00", quarters=["150000.00"] * 4, months=months,
                reason="一月少出差")
    client = client_for("finance")

    response = client.post(f"/expenses/budgets/{travel_budget.pk}/adjust/", data)

    new = Budget.objects.get(version=2)
    assert response["Location"] == f"/expenses/budgets/{new.pk}/"
    assert new.previous_id == travel_budget.pk
    body = client.get(response["Location"]).content.decode()
    assert "Changes from version 1" in body
    assert "一月少出差" in body
    assert "¥-10,000.00" in body and "+¥10,000.00" in body
    old = client.get(f"/expenses/budgets/{travel_budget.pk}/").content.decode()
    assert "An adjustment is under way" in old
    assert "/adjust/" not in old
