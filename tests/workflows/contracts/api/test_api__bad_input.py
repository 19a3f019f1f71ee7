"""Bad input never gives a 500: odd queries, odd bodies and ids beyond any row are 400 or 404
with the error shape {"detail", "code", "fields"}."""

import pytest

from workflows.contracts.models import Contract
from workflows.contracts.services import credit_limit_request

from .conftest import CONTRACTS, CUSTOMERS, LIMIT_CHANGES, contract_body, contract_url

HUGE_IDS = [99999999999, 2**63, 2**64]

ODD_QUERIES = [
    CONTRACTS + "?state=%00", CONTRACTS + "?customer=99999999999999999999999",
    CONTRACTS + "?customer=-1", CONTRACTS + "?region=%00", CONTRACTS + "?region=99999999999",
    CONTRACTS + "?q=%00", CONTRACTS + "?q=" + "x" * 500, CONTRACTS + "?ordering=nonsense",
    CONTRACTS + "?ordering=owner__password", CONTRACTS + "?page=999", CONTRACTS + "?page=abc",
    CONTRACTS + "?page_size=-1", CONTRACTS + "?credit_breach=2", CONTRACTS + "?mine=maybe",
    CUSTOMERS + "?region=%00", CUSTOMERS + "?rating=%00", CUSTOMERS + "?q=%00",
    CUSTOMERS + "?ordering=account_owner__password", LIMIT_CHANGES + "?customer=abc",
    LIMIT_CHANGES + "?customer=99999999999999999999999", LIMIT_CHANGES + "?state=%00",
]


def _is_error(response, *statuses) -> bool:
    return (response.status_code in statuses
            and set(response.json()) == {"detail", "code", "fields"})


@pytest.mark.parametrize("url", ODD_QUERIES)
def test_200_or_4xx_never_500_when_queries_are_odd(api, customer, url):
    response = api("gm").get(url)

    assert response.status_code == 200 or _is_error(response, 400, 404), response.content


@pytest.mark.parametrize("body", [
    [], "text", {}, {"customer": None}, {"customer": [1]}, {"customer": {"id": 1}},
    {"customer": "abc"}, {"customer": 99999999999}, {"customer": 2**70}, {"customer": -1},
    {"value": "abc"}, {"value": "NaN"}, {"value": "Infinity"}, {"value": "-5.00"},
    {"value": "0"}, {"value": "1e40"}, {"value": "1000000000000"}, {"value": "1.234"},
    {"value": {"a": 1}}, {"value": [1]}, {"value": True}, {"value": None},
    {"title": "\x00"}, {"title": ""}, {"title": "x" * 201}, {"title": None},
    {"payment_terms_days": "abc"}, {"payment_terms_days": -1}, {"payment_terms_days": 99999},
    {"payment_terms_days": 1.5}, {"key_clauses": "x" * 5000},
], ids=repr)
def test_400_with_the_error_shape_when_a_contract_body_is_odd(api, customer, body):
    data = {**contract_body(customer.pk), **body} if isinstance(body, dict) and body else body

    response = api("east_rep1").post(CONTRACTS, data, format="json")

    assert _is_error(response, 400), response.content
    assert not Contract.objects.exists()


def test_400_naming_every_bad_field_at_once_when_several_are_wrong(api, customer):
    body = {"customer": "abc", "value": "-1", "payment_terms_days": "x"}

    response = api("east_rep1").post(CONTRACTS, body, format="json")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"customer", "title", "value",
                                              "payment_terms_days"}


@pytest.mark.parametrize("body", [
    [], {"value": "abc"}, {"value": "-1"}, {"payment_terms_days": "x"}, {"title": ""},
])
def test_400_and_unchanged_when_an_edit_is_odd(api, draft, body):
    contract = draft()

    response = api("east_rep1").patch(contract_url(contract.pk), body, format="json")

    assert _is_error(response, 400), response.content
    assert Contract.objects.get(pk=contract.pk).value == 500000


@pytest.mark.parametrize("url, body", [
    (CUSTOMERS, {"name": "x", "credit_code": "x", "region": "%00"}),
    (CUSTOMERS, {"name": "x", "credit_code": None, "region": "east"}),
    (CUSTOMERS, {"name": "x", "credit_code": "x", "region": True}),
    (CUSTOMERS, {"name": "x", "credit_code": "x", "region": "east", "rating": "Z"}),
    (CUSTOMERS, {"name": "x", "credit_code": "x", "region": "east", "account_owner": 2**70}),
    (CUSTOMERS, {"name": "", "credit_code": "", "region": "east"}),
])
def test_400_when_a_customer_body_is_odd(api, personas, url, body):
    response = api("east_rep1").post(url, body, format="json")

    assert _is_error(response, 400), response.content


def test_400_when_a_decision_is_not_a_boolean(api, personas, customer):
    change = credit_limit_request(customer_id=customer.pk, actor=personas["east_rep1"],
                                  new_limit="1", reason="x")
    for approve in ("maybe", None, [], {"a": 1}):
        response = api("finance").post(f"{LIMIT_CHANGES}{change.pk}/decide/",
                                       {"approve": approve}, format="json")
        assert _is_error(response, 400), approve


@pytest.mark.parametrize("huge", HUGE_IDS)
def test_404_when_ids_in_paths_are_beyond_any_row(api, personas, huge):
    client = api("gm")
    gets = [contract_url(huge), contract_url(huge, "milestones"), contract_url(huge, "problems"),
            contract_url(huge, "attachments"), contract_url(huge, f"attachments/{huge}"),
            contract_url(huge, "diff") + "?against=1", f"{CUSTOMERS}{huge}/"]
    posts = [contract_url(huge, "submit"), contract_url(huge, "amend"),
             contract_url(huge, "milestones"), contract_url(huge, "problems"),
             f"{CUSTOMERS}{huge}/credit-limit/", f"{LIMIT_CHANGES}{huge}/decide/",
             f"/api/contracts/milestones/{huge}/done/", f"/api/contracts/problems/{huge}/resolve/"]

    for url in gets:
        assert _is_error(client.get(url), 404), url
    for url in posts:
        assert _is_error(client.post(url, {}, format="json"), 404), url
    assert _is_error(client.patch(contract_url(huge), {}, format="json"), 404)


def test_401_when_not_logged_in(api, customer):
    anonymous = api(None)

    for url in (CONTRACTS, CUSTOMERS, LIMIT_CHANGES, contract_url(1)):
        assert anonymous.get(url).status_code == 401, url
    assert anonymous.post(CONTRACTS, contract_body(customer.pk), format="json").status_code == 401


def test_400_when_the_idempotency_key_is_not_printable(api, customer):
    response = api("east_rep1").post(CONTRACTS, contract_body(customer.pk), format="json",
                                     HTTP_IDEMPOTENCY_KEY="é" * 3)

    assert _is_error(response, 400)
    assert not Contract.objects.exists()
