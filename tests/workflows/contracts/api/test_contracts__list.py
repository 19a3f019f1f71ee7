"""The contract list: each row's fields, who sees which contracts, filters and ordering."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from workflows.contracts.models import Customer

from ..conftest import make_customer, request_of
from .conftest import CONTRACTS, SOUTH_CODE, contract_url

ROW_FIELDS = {"id", "number", "version", "title", "customer", "value", "currency",
              "payment_terms_days", "state", "state_label", "credit_breach", "owner", "created",
              "submitted_at", "signed_at", "request_id"}


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def test_row_has_the_listed_fields_with_money_as_a_string_when_listing(api, submitted,
                                                                        customer):
    contract = submitted("1234.50", terms=45)

    body = api("east_rep1").get(CONTRACTS).json()

    assert set(body) == {"count", "next", "previous", "results"}
    (row,) = body["results"]
    assert set(row) == ROW_FIELDS
    assert row["id"] == contract.pk
    assert row["number"] == contract.number and row["number"].startswith("HT-")
    assert row["version"] == 1
    assert row["customer"] == {"id": customer.pk, "name": customer.name}
    assert (row["value"], row["currency"]) == ("1234.50", "CNY")
    assert row["payment_terms_days"] == 45
    assert (row["state"], row["credit_breach"]) == ("in_review", False)
    assert row["owner"]["username"] == "east_rep1"
    assert row["submitted_at"] is not None and row["signed_at"] is None
    assert row["request_id"] == request_of(contract).pk


def test_a_user_of_another_region_lists_none_and_gets_404_when_contracts_are_east(
    api, submitted, draft
):
    contracts = [submitted(), draft()]

    for username in ("south_rep1", "south_mgr", "north_mgr"):
        client = api(username)
        assert client.get(CONTRACTS).json()["count"] == 0, username
        for contract in contracts:
            assert client.get(contract_url(contract.pk)).status_code == 404, username


def test_region_manager_and_readers_see_every_east_contract_when_listing(api, submitted, draft):
    in_review, mine = submitted(), draft()
    other = draft("east_rep2")

    assert sorted(_ids(api("east_mgr").get(CONTRACTS))) == sorted(
        [in_review.pk, mine.pk, other.pk])
    for reader in ("legal", "finance", "gm", "ceo", "auditor"):
        assert api(reader).get(CONTRACTS).json()["count"] == 3, reader
    # east_rep2 sees their own draft and the contracts of customers they own: none of rep1's
    assert _ids(api("east_rep2").get(CONTRACTS)) == [other.pk]


def test_filters_narrow_the_list_when_given(api, personas, submitted, draft, customer):
    south = make_customer(personas["south_rep1"], code=SOUTH_CODE, region="south",
                          name="深圳华南贸易")
    Customer.objects.filter(pk=customer.pk).update(credit_limit=Decimal("600000.00"))
    breach = submitted("700000.00")
    plain = submitted("100000.00")
    own_draft = draft(title="华东备件采购")
    southern = draft("south_rep1", on=south, title="深圳门店")
    client = api("gm")

    assert _ids(client.get(CONTRACTS + "?state=draft")) == [southern.pk, own_draft.pk]
    assert _ids(client.get(CONTRACTS + "?credit_breach=true")) == [breach.pk]
    assert set(_ids(client.get(CONTRACTS + "?credit_breach=false"))) == {
        plain.pk, own_draft.pk, southern.pk}
    assert _ids(client.get(CONTRACTS + "?region=south")) == [southern.pk]
    assert _ids(client.get(f"{CONTRACTS}?customer={south.pk}")) == [southern.pk]
    assert _ids(client.get(CONTRACTS + "?q=备件")) == [own_draft.pk]
    assert _ids(client.get(CONTRACTS + "?q=华南")) == [southern.pk]
    assert _ids(client.get(CONTRACTS + "?q=" + plain.number)) == [plain.pk]
    assert _ids(api("south_rep1").get(CONTRACTS + "?mine=1")) == [southern.pk]
    assert _ids(client.get(CONTRACTS + "?mine=1")) == []


def test_ordering_by_value_when_asked(api, submitted):
    small, big, middle = submitted("1000.00"), submitted("900000.00"), submitted("5000.00")
    client = api("east_rep1")

    assert _ids(client.get(CONTRACTS)) == [middle.pk, big.pk, small.pk]  # newest first
    assert _ids(client.get(CONTRACTS + "?ordering=value")) == [small.pk, middle.pk, big.pk]
    assert _ids(client.get(CONTRACTS + "?ordering=-value")) == [big.pk, middle.pk, small.pk]


def test_400_naming_the_field_when_a_filter_value_is_bad(api, customer):
    client = api("gm")
    for query, field in [("?state=lost", "state"), ("?region=mars", "region"),
                         ("?customer=abc", "customer"), ("?credit_breach=perhaps",
                                                         "credit_breach"),
                         ("?customer=99999999999999999999999", "customer")]:
        response = client.get(CONTRACTS + query)
        assert response.status_code == 400, query
        assert set(response.json()["fields"]) == {field}, query


def test_list_runs_the_same_number_of_queries_when_it_has_more_rows(api, submitted):
    submitted()
    with CaptureQueriesContext(connection) as one:
        assert api("east_mgr").get(CONTRACTS).status_code == 200
    for _ in range(4):
        submitted()
    with CaptureQueriesContext(connection) as five:
        assert api("east_mgr").get(CONTRACTS).json()["count"] == 5

    assert len(five) == len(one)


def test_blank_text_filters_mean_any_and_blank_numbers_are_refused(api, submitted):
    contract = submitted()
    client = api("east_rep1")

    assert _ids(client.get(CONTRACTS + "?state=&region=&q=")) == [contract.pk]
    for query, field in [("?customer=", "customer"), ("?credit_breach=", "credit_breach"),
                         ("?mine=", "mine")]:
        response = client.get(CONTRACTS + query)
        assert response.status_code == 400, query
        assert set(response.json()["fields"]) == {field}, query
