"""A budget of one sales region of a department beside the department's own: prepared, listed
and filtered by region in the API and on the budget pages; versions counted per line."""

from workflows.expenses.models import Budget

from .conftest import BUDGETS, YEAR


def _body(**overrides) -> dict:
    body = {"fiscal_year": YEAR, "department": "sales", "category": "marketing",
            "total": "1200.00", "quarters": ["300.00"] * 4, "months": ["100.00"] * 12}
    body.update(overrides)
    return body


def test_a_regions_budget_lives_beside_the_departments_and_is_listed_by_region(api, personas):
    finance = api("finance")
    own = finance.post(BUDGETS, _body(), format="json")
    east = finance.post(BUDGETS, _body(region="east"), format="json")
    assert (own.status_code, east.status_code) == (201, 201), east.json()
    assert own.json()["region"] is None
    assert east.json()["region"]["code"] == "east"
    budget = Budget.objects.get(pk=east.json()["id"])
    assert (budget.version, budget.number) == (1, f"YS-{YEAR}-sales-east-marketing-v1")
    assert [v["id"] for v in east.json()["versions"]] == [budget.pk]  # not the department's

    again = finance.post(BUDGETS, _body(region="east"), format="json")
    assert again.status_code == 409
    unknown = finance.post(BUDGETS, _body(region="atlantis"), format="json")
    assert unknown.status_code == 400 and "region" in unknown.json()["fields"]

    listed = finance.get(BUDGETS, {"region": "east"}).json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [r["id"] for r in rows] == [budget.pk]


def test_the_budget_pages_name_the_region(api, personas, client):
    api("finance").post(BUDGETS, _body(region="east"), format="json")
    budget = Budget.objects.get()
    client.force_login(personas["finance"])
    listing = client.get("/expenses/budgets/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # in the reader's language: the English page names the region and department in English
    assert "East China" in listing and "whole department" not in listing
    assert "Sales" in listing and "华东" not in listing and "销售部" not in listing
    page = client.get(f"/expenses/budgets/{budget.pk}/",
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "East China" in page and "华东" not in page
    zh = client.get(f"/expenses/budgets/{budget.pk}/",
                    HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "华东" in zh and "销售部" in zh
    new = client.get("/expenses/budgets/new/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="region"' in new
