"""The approval analytics page in zh-hans, in a browser."""

import os

import pytest
from playwright.sync_api import expect

from tests.core.analytics.conftest import analytics_data  # noqa: F401  (fixture)

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def context_options():
    return {"locale": "zh-CN", "extra_http_headers": {"Accept-Language": "zh-hans"}}


def test_page_reads_in_chinese(page, login, analytics_data):  # noqa: F811
    login("gm", next_url="/analytics/approvals/")
    expect(page.get_by_role("heading", name="审批分析")).to_be_visible()
    expect(page.locator("#sla h2")).to_contain_text("各环节按时办理情况")
    expect(page.locator("#step_cycle tbody tr").first).to_contain_text("7.5")
    if os.environ.get("BROWSER_SCREENSHOTS") == "all":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "analytics-zh.png"), full_page=True)
