"""Customers over the API: who sees which, filters, creation with the credit code check, and
the detail's credit facts."""

from decimal import Decimal

from core.inbox.models import IdempotencyRecord
from core.org.models import Region
from workflows.contracts.models import Customer
from workflows.contracts.services import credit_limit_request

from ..conftest import EAST_CODE, OTHER_CODE, make_customer
from .conftest import CUSTOMERS, SOUTH_CODE, customer_url


def _body(**overrides) -> dict:
    body = {"name": "江南电子科技股份有限公司", "credit_code": OTHER_CODE, "region": "east",
            "rating": "B", "contacts": "王经理 138-0000-0000"}
    body.update(overrides)
    return body


def _names(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [row["name"] for row in response.json()["results"]]


def test_rows_carry_region_rating_and_money_as_strings_when_listing(api, customer):
    body = api("east_rep1").get(CUSTOMERS).json()

    assert set(body) == {"count", "next", "previous", "results"}
    (row,) = body["results"]
    assert row["id"] == customer.pk
    assert row["credit_code"] == EAST_CODE
    assert row["region"]["code"] == "east"
    assert row["rating"] == "A"
    assert (row["credit_limit"], row["open_receivables"], row["currency"]) == (
        "3000000.00", "0.00", "CNY")
    assert row["account_owner"]["username"] == "east_rep1"


def test_region_sees_own_customers_and_readers_see_all_when_listing(api, personas, customer):
    make_customer(personas["south_rep1"], code=SOUTH_CODE, region="south", name="深圳华南贸易")

    assert _names(api("east_rep2").get(CUSTOMERS)) == [customer.name]
    assert _names(api("east_mgr").get(CUSTOMERS)) == [customer.name]
    assert _names(api("south_mgr").get(CUSTOMERS)) == ["深圳华南贸易"]
    assert _names(api("north_rep1").get(CUSTOMERS)) == []
    for reader in ("finance", "legal", "gm", "auditor"):
        assert api(reader).get(CUSTOMERS).json()["count"] == 2, reader


def test_filters_and_ordering_narrow_the_list_when_given(api, personas, customer):
    make_customer(personas["south_rep1"], code=SOUTH_CODE, region="south", name="深圳华南贸易",
                  rating="C", limit="100.00")
    client = api("finance")
    south = Region.objects.get(code="south")

    assert _names(client.get(CUSTOMERS + "?region=south")) == ["深圳华南贸易"]
    assert _names(client.get(f"{CUSTOMERS}?region={south.pk}")) == ["深圳华南贸易"]
    assert _names(client.get(CUSTOMERS + "?rating=A")) == [customer.name]
    assert _names(client.get(CUSTOMERS + "?q=华南")) == ["深圳华南贸易"]
    assert _names(client.get(CUSTOMERS + "?q=" + SOUTH_CODE[:8].lower())) == ["深圳华南贸易"]
    assert _names(client.get(CUSTOMERS + "?ordering=credit_limit")) == [
        "深圳华南贸易", customer.name]
    assert _names(client.get(CUSTOMERS + "?ordering=-credit_limit")) == [
        customer.name, "深圳华南贸易"]


def test_400_naming_the_field_when_a_filter_value_is_unknown(api, customer):
    for query in ("?region=atlantis", "?rating=Z", "?region=99999999999"):
        response = api("finance").get(CUSTOMERS + query)
        assert response.status_code == 400, query
        assert set(response.json()["fields"]) == {query[1:].split("=")[0]}


def test_201_with_the_detail_when_a_rep_creates_a_customer(api, personas):
    response = api("east_rep1").post(CUSTOMERS, _body(credit_code=OTHER_CODE.lower()),
                                     format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    customer = Customer.objects.get(pk=body["id"])
    assert customer.credit_code == OTHER_CODE
    assert customer.account_owner == personas["east_rep1"]
    assert body["credit_limit"] == "0.00"
    assert body["contacts"] == "王经理 138-0000-0000"
    assert body["pending_limit_change"] is None
    assert body["contracts_count"] == 0
    assert [e["event"] for e in body["history"]] == ["customer.created"]


def test_400_on_the_rating_when_a_rep_chooses_one_and_201_when_finance_does(api, personas):
    refused = api("east_rep1").post(CUSTOMERS, _body(rating="A"), format="json")

    assert refused.status_code == 400, refused.json()
    assert "rating" in refused.json()["fields"]
    assert not Customer.objects.filter(credit_code=OTHER_CODE).exists()

    made = api("finance").post(CUSTOMERS, _body(rating="A"), format="json")
    assert made.status_code == 201, made.json()
    assert Customer.objects.get(credit_code=OTHER_CODE).rating == "A"


def test_limit_and_receivables_are_not_typed_in_when_creating(api):
    body = _body(credit_limit="99999999.00", open_receivables="-5")

    response = api("east_rep1").post(CUSTOMERS, body, format="json")

    assert response.status_code == 201
    customer = Customer.objects.get(pk=response.json()["id"])
    assert (customer.credit_limit, customer.open_receivables) == (0, 0)


def test_400_with_the_check_character_message_when_the_credit_code_is_wrong(api):
    response = api("east_rep1").post(CUSTOMERS, _body(credit_code=EAST_CODE[:17] + "4"),
                                     format="json")

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "credit_code": ["The check character is 4 but should be 3: a typo?"]}
    assert not Customer.objects.exists()


def test_400_with_the_length_message_when_the_credit_code_is_too_long(api):
    response = api("east_rep1").post(CUSTOMERS, _body(credit_code=EAST_CODE + "0"),
                                     format="json")

    assert response.status_code == 400
    assert ("A unified social credit code has 18 characters; this one has 19."
            in response.json()["fields"]["credit_code"])


def test_400_when_the_credit_code_is_already_a_customers(api, customer):
    response = api("east_rep2").post(CUSTOMERS, _body(credit_code=EAST_CODE), format="json")

    assert response.status_code == 400
    assert "credit_code" in response.json()["fields"]
    assert Customer.objects.count() == 1


def test_same_customer_returned_when_the_idempotency_key_repeats(api):
    client = api("east_rep1")
    first = client.post(CUSTOMERS, _body(), format="json", HTTP_IDEMPOTENCY_KEY="cust-1")
    second = client.post(CUSTOMERS, _body(), format="json", HTTP_IDEMPOTENCY_KEY="cust-1")

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Customer.objects.count() == 1
    assert IdempotencyRecord.objects.filter(key="cust-1").count() == 1


def test_detail_shows_limit_receivables_pending_change_and_contracts_count(
    api, personas, customer, signed, draft
):
    signed("500000.00")
    draft()
    Customer.objects.filter(pk=customer.pk).update(open_receivables=Decimal("120000.50"))
    credit_limit_request(customer_id=customer.pk, actor=personas["east_rep1"],
                         new_limit="4000000", reason="业务扩大")

    body = api("east_rep1").get(customer_url(customer.pk)).json()

    assert (body["credit_limit"], body["open_receivables"]) == ("3000000.00", "120000.50")
    pending = body["pending_limit_change"]
    assert (pending["old_limit"], pending["new_limit"], pending["state"]) == (
        "3000000.00", "4000000.00", "pending")
    assert pending["requested_by"]["username"] == "east_rep1"
    assert body["contracts_count"] == 2
    assert [e["event"] for e in body["history"]] == [
        "customer.created", "customer.limit_change_requested"]


def test_404_when_the_customer_is_in_another_region(api, customer):
    assert api("south_rep1").get(customer_url(customer.pk)).status_code == 404
    assert api("south_mgr").get(customer_url(customer.pk)).status_code == 404
    assert api("east_rep2").get(customer_url(customer.pk)).status_code == 200
