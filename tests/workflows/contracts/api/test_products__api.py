"""Products on contracts over the API (issue 22): the catalogue list, a contract with lines,
one without (the value alone, as before), errors per line, and the diff of lines."""

from decimal import Decimal

import pytest

from workflows.contracts.models import Contract

from ..conftest import make_customer
from ..products.conftest import products  # noqa: F401 (fixture)
from .conftest import CONTRACTS, contract_body, contract_url

PRODUCTS = "/api/contracts/products/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def east(personas):
    return make_customer(personas["east_rep1"])


def test_catalogue_lists_products_to_sales_and_refuses_anonymous(api, products):  # noqa: F811
    body = api("east_rep1").get(PRODUCTS + "?active=true").json()
    assert [p["code"] for p in body["results"]] == ["CNC-500", "SPARE-KIT", "SVC-YEAR"]
    assert body["results"][0]["list_price"] == "880000.00"
    assert body["results"][0]["currency"] == "CNY"
    everything = api("auditor").get(PRODUCTS).json()["results"]
    assert "OLD-1" in [p["code"] for p in everything]
    assert "UNSPECIFIED" not in [p["code"] for p in everything]
    assert api(None).get(PRODUCTS).status_code in (401, 403)
    assert api("east_rep1").post(PRODUCTS, {}, format="json").status_code == 405


def test_contract_with_lines_gets_their_hand_computed_total(api, east, products):  # noqa: F811
    body = contract_body(east.pk, lines=[
        {"product": "CNC-500", "quantity": "2", "discount": "5"},  # list price: 1,672,000.00
        {"product": str(products["SPARE-KIT"].pk), "quantity": "1.5",
         "unit_price": "10000.00"},  # 15,000.00
    ])
    del body["value"]
    response = api("east_rep1").post(CONTRACTS, body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["value"] == "1687000.00"
    assert [(line["product"]["code"], line["value"]) for line in data["lines"]] == [
        ("CNC-500", "1672000.00"), ("SPARE-KIT", "15000.00")]


def test_contract_without_lines_still_works_as_one_unspecified_line(api, east):
    response = api("east_rep1").post(CONTRACTS, contract_body(east.pk), format="json")
    assert response.status_code == 201, response.json()
    (line,) = response.json()["lines"]
    assert line["product"]["code"] == "UNSPECIFIED"
    assert (line["quantity"], line["unit_price"], line["value"]) == (
        "1.000", "500000.00", "500000.00")
    patched = api("east_rep1").patch(contract_url(response.json()["id"]),
                                     {"value": "450000.00"}, format="json")
    assert patched.status_code == 200, patched.json()
    assert patched.json()["value"] == patched.json()["lines"][0]["value"] == "450000.00"


def test_bad_lines_are_400_with_the_line_and_field(api, east, products):  # noqa: F811
    body = contract_body(east.pk, lines=[{"product": "CNC-500", "quantity": "1"},
                                         {"product": "NOPE", "quantity": "1"},
                                         {"product": "OLD-1", "quantity": "1"}])
    del body["value"]
    response = api("east_rep1").post(CONTRACTS, body, format="json")
    assert response.status_code == 400, response.json()
    fields = response.json()["fields"]
    assert set(fields) == {"lines.1.product", "lines.2.product"}  # unknown, retired
    negative = api("east_rep1").post(CONTRACTS, {**body, "lines": [
        {"product": "CNC-500", "quantity": "-1"}]}, format="json")
    assert negative.status_code == 400 and "lines.0.quantity" in negative.json()["fields"]
    empty = api("east_rep1").post(CONTRACTS, {**body, "lines": []}, format="json")
    assert empty.status_code == 400 and "lines" in empty.json()["fields"]
    mismatch = api("east_rep1").post(
        CONTRACTS, {**body, "value": "1.00", "lines": [{"product": "CNC-500", "quantity": "1"}]},
        format="json")
    assert mismatch.status_code == 400 and "value" in mismatch.json()["fields"]
    assert Contract.objects.count() == 0


def test_patch_lines_replaces_them_and_the_diff_lists_the_change(api, east, products):  # noqa: F811
    client = api("east_rep1")
    created = client.post(CONTRACTS, contract_body(east.pk), format="json").json()
    patched = client.patch(contract_url(created["id"]), {"lines": [
        {"product": "SVC-YEAR", "quantity": "2"}]}, format="json")
    assert patched.status_code == 200, patched.json()
    assert patched.json()["value"] == "120000.00"
    assert Contract.objects.get(pk=created["id"]).value == Decimal("120000.00")
