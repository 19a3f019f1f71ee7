"""The Django admin: finance maintains standards and policies; budgets and claims read-only."""

import pytest

pytestmark = pytest.mark.django_db

MODELS = ("reimbursementstandard", "categorypolicy", "budget", "expenseclaim")


def test_admin_lists_every_expense_model_when_the_user_is_an_administrator(
        client_for, standards, travel_budget, make_claim):
    claim = make_claim("east_rep1")
    client = client_for("admin")

    for model in MODELS:
        assert client.get(f"/admin/expenses/{model}/").status_code == 200, model
    assert client.get(f"/admin/expenses/expenseclaim/{claim.pk}/change/").status_code == 200


def test_budgets_and_claims_cannot_be_added_in_the_admin(client_for):
    client = client_for("admin")

    assert client.get("/admin/expenses/budget/add/").status_code == 403
    assert client.get("/admin/expenses/expenseclaim/add/").status_code == 403
    assert client.get("/admin/expenses/reimbursementstandard/add/").status_code == 200


def test_finance_staff_edits_standards_without_model_permissions(client_for, personas,
                                                                 standards):
    finance = personas["finance"]
    finance.is_staff = True
    finance.save(update_fields=["is_staff"])
    client = client_for("finance")

    assert client.get("/admin/expenses/reimbursementstandard/add/").status_code == 200
    assert client.get("/admin/expenses/categorypolicy/").status_code == 200
    assert client.get("/admin/expenses/budget/add/").status_code == 403
    assert client_for("gm").get("/admin/expenses/reimbursementstandard/").status_code == 302
