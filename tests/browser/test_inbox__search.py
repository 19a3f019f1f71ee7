"""Issue 18, "find anything" and the phone: an approver finds a contract by its customer's name
with the one search box; at 390 px the inbox rows are compact cards whose approve and return
are reachable without scrolling sideways."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
CUSTOMER = "华东精密制造有限公司"


@pytest.fixture
def contract(personas):
    """A contract by east_rep1 for an east customer, waiting on east_mgr's regional review."""
    from core.org.models import Region
    from workflows.contracts.models import Customer
    from workflows.contracts.services import contract_create, contract_submit, customer_create

    rep = personas["east_rep1"]
    customer = customer_create(actor=rep, name=CUSTOMER, credit_code="91350100M000100Y43",
                               region=Region.objects.get(code="east"), account_owner=rep)
    Customer.objects.filter(pk=customer.pk).update(rating="A", credit_limit=Decimal("3000000"))
    customer.refresh_from_db()
    made = contract_create(actor=rep, customer=customer, title="年度供货合同",
                           value=Decimal("500000.00"), payment_terms_days=30)
    return contract_submit(contract_id=made.pk, actor=rep)


def test_approver_finds_the_contract_by_its_customers_name(page, login, contract, submit_demo):
    submit_demo("east_rep2", "样品快递费", "120.00")
    login("east_mgr", next_url="/inbox/")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(2)

    search = page.get_by_role("searchbox")
    search.fill("精密制造")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/inbox/\?.*q=%E7%B2%BE"))
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td.c-title")).to_have_text("年度供货合同")
    expect(rows.first.locator("td.c-kind")).to_have_text(re.compile("contract", re.I))
    expect(search).to_have_value("精密制造")  # the box keeps what was typed

    # saved for later, applied with one click from another list
    page.get_by_placeholder("Name this search").fill("Precision contracts")
    page.get_by_role("button", name="Save filter").click()
    expect(page.locator(".msg-success")).to_contain_text("Precision contracts")
    page.goto("/inbox/?tab=inbox")
    expect(rows).to_have_count(2)
    page.get_by_role("link", name="Precision contracts").click()
    expect(rows).to_have_count(1)
    assert page.problems == []


@pytest.mark.parametrize("context_options", [
    {"locale": "en-US", "viewport": PHONE, "is_mobile": True, "has_touch": True}])
def test_phone_inbox_rows_are_cards_with_approve_in_reach(page, login, submit_demo,
                                                          context_options):
    submit_demo("east_rep1", "客户拜访交通费", "860.00")
    submit_demo("east_rep2", "华东区季度客户答谢会场地与餐饮费用预付款", "15800.00")
    login("east_mgr", next_url="/inbox/")
    cards = page.locator("table.list.cards tbody tr")
    expect(cards).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    expect(page.locator("table.list.cards thead")).to_be_hidden()
    for i in range(2):
        card = cards.nth(i)
        box = card.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        for cell in ("c-title", "c-amount", "c-who", "c-due", "c-act"):
            expect(card.locator(f"td.{cell}")).to_be_visible()
        for cell in ("c-step", "c-since", "c-kind"):
            expect(card.locator(f"td.{cell}")).to_be_hidden()
        for control in (card.get_by_role("button", name="Approve"),
                        card.get_by_role("link", name="Return…")):
            control.scroll_into_view_if_needed()
            b = control.bounding_box()
            assert b is not None and b["x"] >= 0 and b["x"] + b["width"] <= PHONE["width"]
            assert b["height"] >= 30  # a finger's target

    # approve straight from the card (after the confirmation)
    page.once("dialog", lambda dialog: dialog.accept())
    cards.filter(has_text="客户拜访交通费").get_by_role("button", name="Approve").click()
    expect(page.locator(".msg-success")).to_contain_text("客户拜访交通费")
    expect(cards).to_have_count(1)
    assert page.problems == []
