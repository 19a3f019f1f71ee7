"""The analytics page's heat map, charts and drill-down in a browser, at desktop and phone
widths, in English and Chinese: a heat map cell opens the tasks behind it."""

import pytest
from playwright.sync_api import expect

from tests.core.analytics.conftest import analytics_data  # noqa: F401  (fixture)

from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERIOD = "?date_from=2026-11-02&date_to=2026-11-15"
LANGS = {"en": {"locale": "en-US"},
         "zh": {"locale": "zh-CN", "extra_http_headers": {"Accept-Language": "zh-hans"}}}


@pytest.fixture(params=[("en", 1366), ("zh", 1366), ("en", 390), ("zh", 390)],
                ids=lambda p: f"{p[0]}-{p[1]}")
def view(request):
    return request.param


@pytest.fixture
def context_options(view):
    lang, width = view
    return {**LANGS[lang], "viewport": {"width": width, "height": 900}}


def test_heat_map_cell_opens_the_tasks_behind_it(page, login, analytics_data, view):  # noqa: F811
    lang, width = view
    login("gm", next_url="/analytics/approvals/")
    page.goto(page.url.split("/analytics/")[0] + "/analytics/approvals/" + PERIOD)
    expect(page.locator("svg.an-chart")).to_have_count(2)
    cells = page.locator("table.an-heat td a")
    expect(cells).to_have_count(2)  # one step, two weeks with decisions
    # the page must not scroll sideways as a whole (wide tables scroll in their own card)
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"analytics-page-{lang}-{width}.png"),
                    full_page=True)
    cells.last.click()
    page.wait_for_url("**/analytics/approvals/tasks/**")
    expect(page.locator("table.list tbody tr")).to_have_count(3)
    page.screenshot(path=str(SCREENSHOTS / f"analytics-drill-{lang}-{width}.png"),
                    full_page=True)
