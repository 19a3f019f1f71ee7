"""The approval analytics page in a browser: the sales GM finds it in the menu, reads the
figures, opens the slowest open request from it; the page in Chinese too."""

import os

import pytest
from playwright.sync_api import expect

from tests.core.analytics.conftest import analytics_data  # noqa: F401  (fixture)

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(page, name):
    if os.environ.get("BROWSER_SCREENSHOTS") == "all":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"analytics-{name}.png"), full_page=True)


def test_gm_reads_the_analytics_and_opens_the_slowest_request(page, login, analytics_data):  # noqa: F811
    login("gm")
    page.locator(".mainnav summary", has_text="Reports").click()  # the reports drop-down
    page.get_by_role("link", name="Analytics", exact=True).click()
    page.wait_for_url("**/analytics/approvals/")
    step = page.locator("#step_cycle tbody tr").first
    expect(step).to_contain_text("3.5")
    expect(step).to_contain_text("7.5")
    expect(page.locator("#backlog tbody tr").first).to_contain_text("4")
    shot(page, "en")
    returned = analytics_data["returned"]
    page.locator("#slowest_open tbody tr").first.get_by_role("link").click()
    page.wait_for_url(f"**/requests/{returned.pk}/")
