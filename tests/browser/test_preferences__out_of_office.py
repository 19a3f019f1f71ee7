"""自助代理 in a browser: 张伟 (east_mgr) sets his out-of-office with 刘洋 (north_mgr) as deputy
on the preferences page; a claim then reaches him, and 刘洋 sees it "acting for 张伟"."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_out_of_office_set_on_the_page_and_the_deputy_acts_for_him(
    page, login, submit_demo, personas
):
    today = timezone.localdate()
    login("east_mgr", "/preferences/")
    box = page.get_by_test_id("out-of-office")
    box.locator("#id_ooo-deputy").select_option(str(personas["auditor"].pk))
    box.locator("#id_ooo-starts_on").fill(today.isoformat())
    box.locator("#id_ooo-ends_on").fill((today + timedelta(days=2)).isoformat())
    box.locator("#id_ooo-reason").fill("年假")
    box.get_by_role("button", name="Set out-of-office").click()
    # an auditor may not act for others: refused, named, and what he typed is kept
    expect(page.get_by_test_id("out-of-office")).to_contain_text("may not act for others")
    expect(page.locator("#id_ooo-reason")).to_have_value("年假")

    page.locator("#id_ooo-deputy").select_option(str(personas["north_mgr"].pk))
    page.get_by_role("button", name="Set out-of-office").click()
    page.wait_for_url("**/preferences/")
    expect(page.get_by_test_id("out-of-office").locator("table")).to_contain_text("刘洋")

    req = submit_demo("east_rep1", "客户拜访交通费", "860.00")
    page.context.clear_cookies()
    login("north_mgr", "/inbox/")
    row = page.locator("table.list tbody tr").filter(has_text=req.number)
    expect(row.get_by_test_id("acting-for")).to_have_text("acting for 张伟")
    row.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/$"))
    expect(page.get_by_test_id("acting-for")).to_contain_text("You are acting for 张伟")
    assert not page.problems, page.problems
