from core.org.models import Department
from workflows.expenses.models import Budget

from .conftest import BUDGETS, YEAR, budget_url


def test_budget_rows_carry_split_and_people_when_finance_lists(api, make_budget, sales):
    budget = make_budget("travel", "120000.00")

    body = api("finance").get(BUDGETS).json()

    assert body["count"] == 1
    row = body["results"][0]
    assert row["id"] == budget.pk
    assert row["department"] == {"id": sales.pk, "code": "sales", "name": "销售部"}
    assert (row["category"], row["version"], row["previous"], row["state"]) == (
        "travel", 1, None, "in_force")
    assert row["total"] == "120000.00" and row["currency"] == "CNY"
    assert row["quarters"] == ["30000.00"] * 4
    assert row["months"] == ["10000.00"] * 12
    assert row["owner"]["username"] == "gm"
    assert row["prepared_by"]["username"] == "finance"
    assert row["in_force_at"] is not None
    assert row["number"] == f"YS-{YEAR}-sales-travel-v1"


def test_each_role_sees_its_budgets_when_listing(api, make_budget):
    make_budget("travel", in_force=False)
    make_budget("travel", department=Department.objects.get(code="finance"), in_force=False)

    counts = {u: api(u).get(BUDGETS).json()["count"]
              for u in ("finance", "gm", "ceo", "auditor", "admin", "east_mgr", "east_rep1",
                        "legal")}

    assert counts == {"finance": 2, "gm": 2, "ceo": 2, "auditor": 2, "admin": 2,
                      "east_mgr": 1, "east_rep1": 0, "legal": 0}
    only = api("east_mgr").get(BUDGETS).json()["results"][0]
    assert only["department"]["code"] == "sales"


def test_filters_narrow_the_budgets_when_given(api, make_budget):
    travel = make_budget("travel")
    other = make_budget("other", "1200.00", in_force=False)
    last = make_budget("travel", year=YEAR - 1, in_force=False)
    client = api("finance")

    def ids(query):
        response = client.get(BUDGETS + query)
        assert response.status_code == 200, response.json()
        return {r["id"] for r in response.json()["results"]}

    assert ids(f"?fiscal_year={YEAR}") == {travel.pk, other.pk}
    assert ids("?category=travel") == {travel.pk, last.pk}
    assert ids("?state=draft") == {other.pk, last.pk}
    assert ids("?department=sales") == {travel.pk, other.pk, last.pk}
    assert ids(f"?department={travel.department_id}&state=in_force") == {travel.pk}
    assert ids("?department=finance") == set()


def test_400_when_a_budget_filter_is_unknown(api, personas):
    response = api("finance").get(BUDGETS + "?department=nowhere&state=lost&fiscal_year=x")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"department", "state", "fiscal_year"}


def test_404_when_the_budget_is_not_visible(api, make_budget):
    budget = make_budget("travel", department=Department.objects.get(code="finance"),
                         in_force=False)

    assert api("east_rep1").get(budget_url(budget.pk)).status_code == 404
    assert api("east_mgr").get(budget_url(budget.pk)).status_code == 404
    assert api("finance").get(budget_url(budget.pk)).status_code == 200
    assert api("finance").get(budget_url(10**20)).status_code == 404


def test_versions_and_diff_to_previous_when_a_revision_exists(api, make_budget, personas):
    from workflows.expenses.services import budget_revise

    v1 = make_budget("travel", "120000.00")
    months = ["10000.00"] * 12
    months[0] = "15000.00"
    v2 = budget_revise(budget_id=v1.pk, actor=personas["finance"], total="125000.00",
                       quarters=["35000.00", "30000.00", "30000.00", "30000.00"],
                       months=months, reason="春节促销")

    body = api("gm").get(budget_url(v2.pk)).json()

    assert body["previous"] == v1.pk
    assert [(v["version"], v["state"]) for v in body["versions"]] == [
        (1, "in_force"), (2, "draft")]
    assert body["diff_to_previous"] == {
        "total": ["120000.00", "125000.00"], "q1": ["30000.00", "35000.00"],
        "m1": ["10000.00", "15000.00"]}
    assert body["reason"] == "春节促销"
    assert body["history"][0]["event"] == "budget.drafted"
    assert api("gm").get(budget_url(v1.pk)).json()["diff_to_previous"] == {}
    assert Budget.objects.count() == 2
