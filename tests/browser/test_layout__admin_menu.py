"""Issue 18: the top menu of the person who sees every entry (the demo's superuser `admin`) is
one line on a 1366 px laptop screen, in English and in Chinese: the report and settings pages
sit in two drop-downs."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 800}
SHOTS = os.environ.get("LAYOUT_SHOTS", "")  # a folder to keep the screenshots in, if given
LABELS = {"en": ("Reports", "Audit", "Settings", "Administration"),
          "zh-hans": ("报告", "审计", "设置", "系统管理")}


@pytest.fixture(params=["en", "zh-hans"])
def language(request):
    return request.param


@pytest.fixture
def context_options(language):
    return {"locale": "zh-CN" if language == "zh-hans" else "en-US", "viewport": LAPTOP,
            "extra_http_headers": {"Accept-Language": language}}


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png")


def test_admins_menu_is_one_line_at_1366(page, login, personas, language):
    login("admin", next_url="/inbox/")
    page.wait_for_url("**/inbox/")

    tops = page.evaluate("""() => [...new Set([...document.querySelectorAll(
        'header.topbar .brand, .mainnav > *, .topbar-right > *')]
        .filter(e => e.offsetParent !== null)
        .map(e => Math.round(e.getBoundingClientRect().top)))]""")
    shot(page, f"admin-menu-1366-{language}")

    assert max(tops) - min(tops) < 12, tops  # one line: no entry wrapped below another
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]
    assert page.problems == []


def test_admin_reaches_the_grouped_pages_from_the_drop_downs(page, login, personas, language):
    reports, audit, settings, administration = LABELS[language]
    login("admin", next_url="/inbox/")
    nav = page.locator(".mainnav")
    expect(nav.get_by_role("link", name=audit, exact=True)).to_be_hidden()

    nav.locator("summary", has_text=reports).click()
    expect(nav.get_by_role("link", name=audit, exact=True)).to_be_visible()
    shot(page, f"admin-menu-1366-{language}-reports-open")
    nav.locator("summary", has_text=settings).click()  # the other one closes
    expect(nav.get_by_role("link", name=audit, exact=True)).to_be_hidden()
    nav.get_by_role("link", name=administration, exact=True).click()

    page.wait_for_url("**/admin/")
    assert page.problems == []
