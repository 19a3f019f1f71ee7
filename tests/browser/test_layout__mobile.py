import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def context_options():
    return {"locale": "en-US", "viewport": PHONE, "is_mobile": True, "has_touch": True}


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_inbox_fits_a_phone_when_tasks_wait(page, login, submit_demo):
    submit_demo("east_rep1", "客户拜访交通费", "860.00")
    submit_demo("east_rep2", "华东区季度客户答谢会场地与餐饮费用预付款", "15800.00")

    login("east_mgr", next_url="/inbox/")
    page.wait_for_url("**/inbox/")
    expect(page.locator("table.list tbody tr")).to_have_count(2)
    assert page_width(page) <= PHONE["width"]

    page.locator("table.list tbody tr").first.locator("td[data-label='Number'] a").click()
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/$"))
    assert page_width(page) <= PHONE["width"]
    approve = page.get_by_role("button", name="Approve", exact=True)
    expect(approve).to_be_visible()
    approve.scroll_into_view_if_needed()
    box = approve.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.problems == []


def test_select_all_on_a_phone_where_the_table_head_is_hidden(page, login, submit_demo):
    """Found walking the desk at 390 px (issue 18): the cards hide the table's head and with
    it the select-all box, so bulk approval meant ticking every card."""
    submit_demo("east_rep1", "客户拜访交通费", "860.00")
    submit_demo("east_rep2", "华东区季度客户答谢会场地与餐饮费用预付款", "15800.00")
    login("east_mgr", next_url="/inbox/")
    page.wait_for_url("**/inbox/")
    boxes = page.locator("input[name=ids]")
    expect(boxes).to_have_count(2)

    select_all = page.get_by_label("Select all").locator("visible=true")
    expect(select_all).to_have_count(1)
    select_all.check()

    assert [box.is_checked() for box in boxes.all()] == [True, True]
    assert page_width(page) <= PHONE["width"]
    assert page.problems == []
