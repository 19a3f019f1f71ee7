"""The contract form's product lines (issue 22): the value is their total, a refused form keeps
every line as typed with the error beside its field, "Add a line" works without JavaScript,
the contract page lists lines and an amendment's page shows which lines changed."""

from decimal import Decimal

import pytest

from workflows.contracts.models import Contract
from workflows.contracts.services import contract_amend, contract_create

from ...plans.test_selectors__business_actuals import sign
from ..products.conftest import products  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
NEW = "/contracts/new/"


def _post(customer, rows, *, action="save", total=None, **extra):
    data = {"customer": customer.pk, "title": "产线改造", "payment_terms_days": "30",
            "delivery_terms": "", "key_clauses": "", "action": action,
            "lines-TOTAL_FORMS": str(total or len(rows)), "lines-INITIAL_FORMS": "0",
            "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "100", **extra}
    for i, row in enumerate(rows):
        for name, value in row.items():
            data[f"lines-{i}-{name}"] = value
    return data


def test_new_contract_value_is_the_total_of_the_typed_lines(client_for, customer, products):  # noqa: F811
    client = client_for("east_rep1")
    page = client.get(NEW)
    assert page.status_code == 200
    assert b'name="lines-0-product"' in page.content and b'name="value"' not in page.content
    assert b'data-price="880000.00"' in page.content
    response = client.post(NEW, _post(customer, [
        {"product": products["CNC-500"].pk, "quantity": "2", "discount": "5"},
        {"product": products["SPARE-KIT"].pk, "quantity": "3", "unit_price": "11000"},
        {"product": "", "quantity": "", "unit_price": "", "discount": ""},  # blank: skipped
    ]))
    assert response.status_code == 302, response.content.decode()[:2000]
    contract = Contract.objects.get()
    # 2 × 880,000.00 × 95% + 3 × 11,000.00
    assert contract.value == Decimal("1705000.00")
    assert contract.lines.count() == 2
    shown = client.get(f"/contracts/{contract.pk}/")
    assert "¥1,672,000.00" in shown.content.decode() and "CNC-500" in shown.content.decode()


def test_refused_form_keeps_the_lines_with_the_error_beside_the_field(
        client_for, customer, products):  # noqa: F811
    client = client_for("east_rep1")
    response = client.post(NEW, _post(customer, [
        {"product": products["CNC-500"].pk, "quantity": "2"},
        {"product": products["SVC-YEAR"].pk, "quantity": "1", "discount": "150"},
    ]))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'name="lines-1-discount" value="150"' in html
    assert 'name="lines-0-quantity" value="2"' in html
    assert "Ensure this value is less than or equal to 100." in html
    assert Contract.objects.count() == 0


def test_retired_product_refused_by_the_service_is_shown_on_its_line(
        client_for, customer, products):  # noqa: F811
    client = client_for("east_rep1")
    response = client.post(NEW, _post(customer, [
        {"product": products["OLD-1"].pk, "quantity": "1"}]))
    assert response.status_code == 400  # not among the choices: the form refuses it
    assert "Select a valid choice" in response.content.decode()


def test_add_a_line_keeps_what_was_typed_and_adds_an_empty_row(client_for, customer, products):  # noqa: F811
    client = client_for("east_rep1")
    response = client.post(NEW, _post(customer, [
        {"product": products["CNC-500"].pk, "quantity": "2"}], action="add_line"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="lines-0-quantity" value="2"' in html and 'name="lines-1-product"' in html
    assert Contract.objects.count() == 0


def test_post_without_lines_still_saves_the_value_as_one_line(client_for, customer):
    client = client_for("east_rep1")
    response = client.post(NEW, {"customer": customer.pk, "title": "旧表单", "value": "80000.00",
                                 "payment_terms_days": "30", "action": "save"})
    assert response.status_code == 302
    (line,) = Contract.objects.get().lines.all()
    assert line.value == Decimal("80000.00") and line.product.code == "UNSPECIFIED"


def test_edit_page_replaces_the_lines(client_for, personas, customer, products):  # noqa: F811
    contract = contract_create(actor=personas["east_rep1"], customer=customer, title="t",
                               value=Decimal("1000.00"))
    client = client_for("east_rep1")
    page = client.get(f"/contracts/{contract.pk}/edit/").content.decode()
    assert 'name="lines-0-unit_price" value="1000.00"' in page  # the unspecified line
    data = _post(customer, [{"product": products["SVC-YEAR"].pk, "quantity": "2"}])
    del data["customer"]
    response = client.post(f"/contracts/{contract.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Contract.objects.get(pk=contract.pk).value == Decimal("120000.00")


def test_amendment_page_shows_added_removed_and_changed_lines(
        client_for, personas, customer, products):  # noqa: F811
    rep = personas["east_rep1"]
    signed = sign(personas, contract_create(actor=rep, customer=customer, title="产线", lines=[
        {"product": "CNC-500", "quantity": "1"}, {"product": "SPARE-KIT", "quantity": "1"}]))
    amendment = contract_amend(contract_id=signed.pk, actor=rep, reason="加量", lines=[
        {"product": "CNC-500", "quantity": "2"}, {"product": "SVC-YEAR", "quantity": "1"}])
    html = client_for("east_rep1").get(f"/contracts/{amendment.pk}/").content.decode()
    section = html[html.index("Product lines"):]
    assert "Added" in section and "SVC-YEAR" in section
    assert "Removed" in section and "SPARE-KIT" in section
    assert "Changed" in section and "1 × 880000.00 = 880000.00" in section
    assert "2 × 880000.00 = 1760000.00" in section
