"""Choosing a customer on the new-contract form shows its credit position in place, without a
page load that would drop what is being typed. The fetch went to the form's `action`
property, which its buttons named "action" turn into a RadioNodeList: a 404, then the
fallback's page load, which lost a quantity typed meanwhile (a flaky desk test)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_credit_position_comes_in_place_when_a_customer_is_chosen(page, login, personas):
    from tests.workflows.contracts.conftest import make_customer

    customer = make_customer(personas["east_rep1"])
    login("east_rep1", next_url="/contracts/new/")
    page.wait_for_url("**/contracts/new/")
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.evaluate("window.stillTheSamePage = true")

    page.locator("#id_customer").select_option(str(customer.pk))

    expect(page.locator("#credit")).to_contain_text("¥3,000,000.00")
    assert page.evaluate("window.stillTheSamePage === true")  # no page load
    assert missing == [] and page.problems == []
