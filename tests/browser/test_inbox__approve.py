import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def cell(row, label):
    return row.locator(f"td[data-label='{label}']")


def test_inbox_is_cleared_when_line_manager_approves(page, login, submit_demo):
    req = submit_demo("east_rep1", "客户拜访交通费", "860.00")

    login("east_mgr")
    stylesheet = page.request.get("/static/css/countersign.css")
    assert stylesheet.ok, f"stylesheet: HTTP {stylesheet.status}"
    # The page really uses it: the top bar's colour comes only from countersign.css.
    expect(page.locator("header.topbar")).to_have_css("background-color", "rgb(23, 35, 59)")

    inbox_link = page.locator(".mainnav a[href='/inbox/']")
    expect(inbox_link.locator(".badge")).to_have_text("1")
    inbox_link.click()
    page.wait_for_url("**/inbox/")

    row = page.locator("table.list tbody tr").filter(has_text=req.number)
    expect(row).to_have_count(1)
    expect(cell(row, "Number")).to_have_text(req.number)
    expect(cell(row, "Title")).to_contain_text("客户拜访交通费")
    expect(cell(row, "Submitter")).to_have_text("赵磊")
    expect(cell(row, "Amount")).to_have_text("¥860.00")
    expect(cell(row, "Step")).to_have_text("Line manager")
    expect(cell(row, "Due")).to_have_text(re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}"))

    cell(row, "Number").get_by_role("link").click()
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/$"))
    expect(page.locator("h1")).to_contain_text("客户拜访交通费")
    page.locator("#id_approve-comment").fill("行程合理，同意。")
    page.get_by_role("button", name="Approve", exact=True).click()

    page.wait_for_url("**/inbox/")
    expect(page.locator(".msg-success")).to_have_text("Approved: 客户拜访交通费")
    expect(page.locator("table.list tbody")).to_contain_text("Nothing waits for you.")
    expect(inbox_link.locator(".badge")).to_have_count(0)

    page.goto(f"/requests/{req.pk}/")
    expect(page.locator("dl.facts .chip")).to_have_text("Approved")
    expect(page.locator("dl.facts .chip")).to_have_class(re.compile(r"\bstatus-approved\b"))
    last = page.locator("ol.timeline > li").last
    expect(last.locator("strong")).to_have_text("张伟 gave the final approval")
    expect(last.locator("blockquote")).to_have_text("行程合理，同意。")
    assert page.problems == []


def test_bulk_approve_asks_for_a_selection_before_confirming(page, login, submit_demo):
    """Issue 18, defect 11: the confirm dialog appeared with nothing selected. The check lives
    in static/js/countersign.js (no inline script under the Content-Security-Policy)."""
    req = submit_demo("east_rep1", "客户拜访交通费", "860.00")
    login("east_mgr")
    page.goto("/inbox/")
    dialogs = []

    def answer(dialog):
        dialogs.append((dialog.type, dialog.message))
        dialog.dismiss()

    page.on("dialog", answer)
    page.get_by_role("button", name="Approve selected").click()
    expect(page).to_have_url(re.compile(r"/inbox/$"))
    assert dialogs == [("alert", "Select at least one task.")]

    row = page.locator("table.list tbody tr").filter(has_text=req.number)
    row.locator("input[name='ids']").check()
    page.get_by_role("button", name="Approve selected").click()
    assert dialogs[1] == ("confirm", "Approve every selected task?")
    expect(row).to_have_count(1)  # dismissed: nothing approved
    assert page.problems == []
