import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fact(page, term):
    return page.locator(f"dl.facts dt:text-is('{term}') + dd")


def test_request_is_withdrawn_when_submitter_confirms(page, login, personas):
    login("east_rep1", next_url="/demo/new/")
    page.locator("#id_title").fill("展会物料采购")
    page.locator("#id_amount").fill("15800")
    page.get_by_role("button", name="Submit").click()

    page.wait_for_url(re.compile(r"/requests/\d+/$"))
    request_url = page.url
    expect(page.locator(".msg-success")).to_have_text(re.compile(r"^Submitted DEMO-\d+\.$"))
    expect(page.locator("h1")).to_contain_text("展会物料采购")
    expect(fact(page, "Amount")).to_have_text("¥15,800.00")
    expect(fact(page, "Status")).to_have_text("In review")
    expect(fact(page, "Current step")).to_have_text("Line manager")
    expect(fact(page, "Waiting on")).to_have_text("张伟")

    page.locator(".mainnav").get_by_role("link", name="My requests").click()
    page.wait_for_url("**/requests/")
    row = page.locator("table.list tbody tr").filter(has_text="展会物料采购")
    expect(row).to_have_count(1)
    expect(row.locator("td[data-label='Status']")).to_have_text("In review")
    expect(row.locator("td[data-label='Waiting on']")).to_have_text("张伟")
    expect(row.locator("td[data-label='Amount']")).to_have_text("¥15,800.00")

    row.locator("td[data-label='Title'] a").click()
    page.wait_for_url(request_url)
    dialogs = []

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.get_by_text("Withdraw this request", exact=True).click()
    page.locator("#id_withdraw_reason").fill("客户改期，展会取消。")
    page.get_by_role("button", name="Withdraw", exact=True).click()

    expect(page.locator(".msg-success")).to_have_text("The request was withdrawn.")
    assert dialogs == ["Withdraw this request? Open approvals are cancelled."]
    expect(fact(page, "Status")).to_have_text("Withdrawn")
    expect(fact(page, "Waiting on")).to_have_text("—")
    expect(page.locator("form[action$='/withdraw/']")).to_have_count(0)
    expect(page.get_by_text("Withdraw this request")).to_have_count(0)
    last = page.locator("ol.timeline > li").last
    expect(last.locator("strong")).to_have_text("赵磊 withdrew the request")
    expect(last.locator("blockquote")).to_have_text("客户改期，展会取消。")
    assert page.problems == []
