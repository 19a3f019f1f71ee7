"""The auditor's workbench in a browser: draw a sample through the form, open it, review a
request from it, and find an escalated request in its anomaly list; in Chinese too."""

import os
import re

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(page, name):
    if os.environ.get("BROWSER_SCREENSHOTS") == "all":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"workbench-{name}.png"), full_page=True)


@pytest.fixture
def history(personas, submit_demo, open_task):
    from core.inbox.models import Escalation

    reqs = [submit_demo("east_rep1", f"客户拜访交通费 {i}", f"{800 + i}.00") for i in range(5)]
    Escalation.objects.create(work_item=open_task(reqs[0]), level=1,
                              from_user=personas["east_mgr"], to_user=personas["gm"])
    return reqs


def test_auditor_draws_a_sample_and_reviews_a_request(page, login, history):
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    login("auditor", next_url="/audit/")
    page.get_by_role("link", name="Audit workbench").click()
    page.wait_for_url("**/audit/workbench/")
    expect(page.get_by_role("link", name="Escalated")).to_be_visible()
    page.locator("#id_kind").select_option("demo")
    page.locator("#id_since").fill(today)
    page.locator("#id_until").fill(today)
    page.locator("#id_n").fill("3")
    page.locator("#id_seed").fill("q4-travel")
    shot(page, "1-home")
    page.get_by_role("button", name="Draw").click()
    page.wait_for_url(re.compile(r"/audit/workbench/samples/\d+/$"))
    expect(page.get_by_text("q4-travel")).to_be_visible()
    expect(page.get_by_text("Drawing again with this seed gives the same requests.")
           ).to_be_visible()
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(3)
    shot(page, "2-sample")
    rows.first.get_by_role("link", name="Mark reviewed").click()
    page.wait_for_url(re.compile(r"/audit/workbench/requests/\d+/review/$"))
    page.get_by_label("Observation").check()
    page.locator("#id_note").fill("Taxi receipts without trip purpose")
    page.get_by_role("button", name="Record review").click()
    expect(page.get_by_text("Taxi receipts without trip purpose")).to_be_visible()
    shot(page, "3-review")
    page.goto("/audit/workbench/anomalies/escalated/")
    expect(page.locator("table.list tbody tr")).to_have_count(1)
    expect(page.get_by_text("1 request", exact=True)).to_be_visible()
    shot(page, "4-escalated")
    assert page.problems == []


def test_workbench_reads_in_chinese(page, login, history):
    login("auditor", next_url="/audit/workbench/")
    page.evaluate("document.cookie = 'django_language=zh-hans; path=/'")
    page.goto("/audit/workbench/")
    expect(page.locator("h1")).to_have_text("审计工作台")
    expect(page.get_by_role("link", name="已升级")).to_be_visible()
    shot(page, "5-zh")
    assert page.problems == []
