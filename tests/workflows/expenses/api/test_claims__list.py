from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from workflows.expenses.models import ExpenseClaim
from workflows.expenses.services import claim_submit

from .conftest import CLAIMS, EXPENSE_DAY, request_of


def test_submitter_sees_own_claim_with_lines_and_money_as_strings_when_listing(api, make_claim):
    claim = make_claim("east_rep1")

    body = api("east_rep1").get(CLAIMS).json()

    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 1
    row = body["results"][0]
    assert row["id"] == claim.pk
    assert row["total"] == "860.00"
    assert row["currency"] == "CNY"
    assert row["approved_total"] is None
    assert row["state"] == "draft"
    assert row["request_id"] == request_of(claim).pk
    assert row["submitter"]["username"] == "east_rep1"
    assert row["submitter"]["name"] == "赵磊"
    assert [line["amount"] for line in row["lines"]] == ["500.00", "360.00"]
    hotel = row["lines"][1]
    assert hotel["cap"] == "500.00"
    assert hotel["excess"] == "0.00"
    assert set(hotel) == {"id", "date", "item_type", "description", "amount", "city_tier",
                          "units", "travel_class", "allowed_class", "cap", "excess",
                          "approved_amount", "reduction_reason"}


def test_other_rep_sees_nothing_when_claim_is_not_theirs(api, make_claim):
    make_claim("east_rep1")

    assert api("east_rep2").get(CLAIMS).json()["count"] == 0
    assert api("south_rep1").get(CLAIMS).json()["count"] == 0


def test_finance_and_auditor_see_every_claim_when_listing(api, make_claim):
    make_claim("east_rep1")
    make_claim("south_rep1")

    assert api("finance").get(CLAIMS).json()["count"] == 2
    assert api("finance_clerk").get(CLAIMS).json()["count"] == 2
    assert api("auditor").get(CLAIMS).json()["count"] == 2
    assert api("admin").get(CLAIMS).json()["count"] == 2


def test_manager_sees_submitted_claim_when_it_waits_on_them(api, make_claim, make_budget,
                                                             personas):
    make_budget()
    claim = make_claim("east_rep1")
    assert api("east_mgr").get(CLAIMS).json()["count"] == 0  # a draft is the submitter's own

    claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    assert [r["id"] for r in api("east_mgr").get(CLAIMS).json()["results"]] == [claim.pk]


def test_filters_narrow_the_list_when_given(api, make_claim, make_budget, personas):
    make_budget()
    travel = make_claim("east_rep1")
    other = make_claim("east_rep1", category="other", title="办公用品",
                       day=date(EXPENSE_DAY.year - 1, 12, 1))
    south = make_claim("south_rep1")
    claim_submit(claim_id=travel.pk, actor=personas["east_rep1"])
    client = api("finance")

    def ids(query):
        response = client.get(CLAIMS + query)
        assert response.status_code == 200, response.json()
        return {r["id"] for r in response.json()["results"]}

    assert ids("?state=submitted") == {travel.pk}
    assert ids("?category=other") == {other.pk}
    assert ids(f"?submitter={personas['south_rep1'].pk}") == {south.pk}
    assert ids(f"?month={EXPENSE_DAY:%Y-%m}") == {travel.pk, south.pk}
    assert ids(f"?month={EXPENSE_DAY.year - 1}-12") == {other.pk}
    assert ids("?mine=1") == set()
    assert {r["id"] for r in api("east_rep1").get(CLAIMS + "?mine=1").json()["results"]} == {
        travel.pk, other.pk}


def test_400_names_the_field_when_a_filter_is_malformed(api, personas):
    response = api("finance").get(CLAIMS + "?month=2026-13&state=lost&submitter=x")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert set(body["fields"]) == {"month", "state", "submitter"}


def test_401_when_not_logged_in(api, db):
    assert api(None).get(CLAIMS).status_code == 401


def test_list_queries_stay_constant_when_claims_grow_from_3_to_20(api, make_claim):
    for _ in range(3):
        make_claim("east_rep1")

    def count(username):
        client = api(username)
        with CaptureQueriesContext(connection) as queries:
            body = client.get(CLAIMS + "?page_size=50").json()
        return len(queries.captured_queries), body["count"]

    small = {u: count(u) for u in ("east_rep1", "finance")}
    for _ in range(17):
        make_claim("east_rep1")
    large = {u: count(u) for u in ("east_rep1", "finance")}

    for username in ("east_rep1", "finance"):
        assert small[username][1] == 3 and large[username][1] == 20
        assert small[username][0] == large[username][0], username


def test_page_size_is_capped_at_200_when_more_is_asked(api, personas):
    rep = personas["east_rep1"]
    ExpenseClaim.objects.bulk_create(
        ExpenseClaim(submitter=rep, department_id=rep.department_id, category="travel",
                     title=f"c{i}", expense_date=EXPENSE_DAY)
        for i in range(205)
    )

    body = api("finance").get(CLAIMS + "?page_size=1000").json()

    assert body["count"] == 205
    assert len(body["results"]) == 200
    assert body["next"] is not None
