import pytest

from .conftest import BUDGETS, CLAIMS, EXPENSE_DAY, claim_body, claim_url

ODD_QUERIES = [
    CLAIMS + "?month=9999-12", CLAIMS + "?month=0000-01", CLAIMS + "?month=%00",
    CLAIMS + "?submitter=99999999999999999999999", CLAIMS + "?ordering=nonsense",
    CLAIMS + "?page=999", CLAIMS + "?page_size=-1",
    BUDGETS + "?department=%00", BUDGETS + "?department=99999999999999999999999",
    BUDGETS + "?fiscal_year=99999", BUDGETS + "split/?total=NaN",
    BUDGETS + "split/?total=1&mode=last_year&department=%00&category=x&fiscal_year=0",
    "/api/expenses/monitor/?fiscal_year=-1", "/api/expenses/monitor/?department=%00",
]


@pytest.mark.parametrize("url", ODD_QUERIES)
def test_4xx_or_200_never_500_when_queries_are_odd(api, personas, url):
    response = api("finance").get(url)

    assert response.status_code in (200, 400, 404), response.content
    if response.status_code != 200:
        assert set(response.json()) == {"detail", "code", "fields"}


@pytest.mark.parametrize("body", [
    [], "text", {"lines": "abc"}, {"lines": [None]}, {"lines": [{"amount": {"x": 1}}]},
    claim_body(title="\x00"), claim_body(expense_date="2026-02-30"),
    claim_body(lines=[{"date": EXPENSE_DAY.isoformat(), "description": "x", "amount": "NaN"}]),
    claim_body(lines=[{"date": EXPENSE_DAY.isoformat(), "description": "x",
                       "amount": "9999999999999.00"}]),
    claim_body(lines=[{"date": EXPENSE_DAY.isoformat(), "description": "x", "amount": "1"}] * 51),
])
def test_400_with_the_error_shape_when_a_claim_body_is_odd(api, standards, body):
    response = api("east_rep1").post(CLAIMS, body, format="json")

    assert response.status_code == 400, response.content
    assert set(response.json()) == {"detail", "code", "fields"}


def test_400_names_lines_plainly_when_lines_is_not_a_list(api, standards):
    response = api("east_rep1").post(CLAIMS, claim_body(lines="abc"), format="json")

    assert set(response.json()["fields"]) == {"lines"}


@pytest.mark.parametrize("body", [
    {"department": "\x00"}, {"department": True}, {"quarters": "abc"},
    {"total": {"a": 1}}, {"owner": "nobody"}, {"fiscal_year": 1_000_000},
])
def test_400_when_a_budget_body_is_odd(api, personas, body):
    base = {"fiscal_year": 2030, "department": "sales", "category": "travel", "total": "12",
            "quarters": ["3"] * 4, "months": ["1"] * 12}

    response = api("finance").post(BUDGETS, {**base, **body}, format="json")

    assert response.status_code == 400, response.content


def test_404_when_ids_in_paths_are_beyond_bigint(api, personas):
    client = api("finance")
    huge = 2**64

    assert client.get(claim_url(huge)).status_code == 404
    assert client.post(claim_url(1, f"lines/{huge}/reduce"), {}).status_code == 404
    assert client.get(claim_url(huge, f"attachments/{huge}")).status_code == 404
    assert client.get(f"{BUDGETS}{huge}/").status_code == 404
