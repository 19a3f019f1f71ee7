from workflows.expenses.services import claim_submit

from .conftest import EXPENSE_DAY, YEAR

MONITOR = "/api/expenses/monitor/"


def test_month_warns_at_80_when_a_claim_reserves_most_of_it(api, make_budget, make_claim,
                                                            personas):
    make_budget("travel", "12000.00")  # 1000.00 a month, 3000.00 a quarter
    claim = make_claim("east_rep1")
    claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    response = api("finance").get(MONITOR)

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["fiscal_year"], body["currency"]) == (YEAR, "CNY")
    [line] = body["lines"]
    assert (line["department"]["code"], line["category"]) == ("sales", "travel")
    assert [m["period"] for m in line["months"]] == [f"M{m:02d}" for m in range(1, 13)]
    assert [q["period"] for q in line["quarters"]] == ["Q1", "Q2", "Q3", "Q4"]
    month = line["months"][EXPENSE_DAY.month - 1]
    assert month == {"period": f"M{EXPENSE_DAY.month:02d}", "budget": "1000.00",
                     "reserved": "860.00", "spent": "0.00", "remaining": "140.00",
                     "used_pct": "86.0", "warning": "80"}
    quarter = line["quarters"][(EXPENSE_DAY.month - 1) // 3]
    assert (quarter["reserved"], quarter["used_pct"], quarter["warning"]) == (
        "860.00", "28.7", "")
    untouched = line["months"][EXPENSE_DAY.month % 12]
    assert (untouched["used_pct"], untouched["warning"]) == ("0.0", "")


def test_filters_select_the_year_and_category_when_given(api, make_budget):
    make_budget("travel", "12000.00")
    make_budget("other", "1200.00")
    client = api("gm")

    assert [x["category"] for x in client.get(MONITOR).json()["lines"]] == ["travel", "other"]
    assert [x["category"] for x in client.get(MONITOR + "?category=other").json()["lines"]] == [
        "other"]
    assert client.get(MONITOR + f"?fiscal_year={YEAR + 1}").json()["lines"] == []
    assert client.get(MONITOR + "?department=finance").json()["lines"] == []
    assert client.get(MONITOR + "?department=nowhere").status_code == 400


def test_regional_manager_sees_own_department_and_403_for_another(api, make_budget):
    make_budget("travel", "12000.00")
    client = api("east_mgr")

    assert [x["department"]["code"] for x in client.get(MONITOR).json()["lines"]] == ["sales"]
    other = client.get(MONITOR + "?department=finance")
    assert other.status_code == 403
    assert other.json()["code"] == "permission_denied"


def test_403_permission_denied_when_a_rep_asks(api, make_budget):
    make_budget("travel", "12000.00")

    for username in ("east_rep1", "legal"):
        response = api(username).get(MONITOR)
        assert response.status_code == 403, username
        assert response.json()["code"] == "permission_denied"
    for username in ("ceo", "auditor", "admin", "finance_clerk"):
        assert api(username).get(MONITOR).status_code == 200, username
