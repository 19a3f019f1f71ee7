import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def context_options():
    # A browser that asks for Chinese, like the company's own staff.
    return {"locale": "zh-CN", "viewport": {"width": 1280, "height": 900}}


def switch_to(page, code):
    language = page.locator("form.lang select[name=language]")
    posted = page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/i18n/setlang/"))
    with page.expect_navigation(), posted:
        language.select_option(code)
    return language


def test_ui_language_changes_when_user_picks_it(page, login, personas):
    login("east_rep1", next_url="/inbox/")
    page.wait_for_url("**/inbox/")
    html = page.locator("html")
    home = page.locator(".mainnav a[href='/']")
    log_out = page.locator("form[action$='/accounts/logout/'] button")
    expect(html).to_have_attribute("lang", "zh-hans")
    expect(page.locator("h1")).to_have_text(HAN)  # our own catalogue (locale/zh_Hans)
    expect(home).to_have_text(HAN)  # Django's
    expect(log_out).to_have_text(HAN)

    language = switch_to(page, "en")
    assert page.url.endswith("/inbox/"), "setlang returns to the page it came from"
    expect(html).to_have_attribute("lang", "en")
    expect(language).to_have_value("en")
    expect(home).to_have_text("Home")
    expect(log_out).to_have_text("Log out")
    expect(page.locator("h1")).to_have_text("Tasks")

    # The choice outlives the page, although the browser still asks for Chinese.
    page.locator(".mainnav").get_by_role("link", name="My requests").click()
    page.wait_for_url("**/requests/")
    expect(html).to_have_attribute("lang", "en")
    expect(home).to_have_text("Home")

    language = switch_to(page, "zh-hans")
    assert page.url.endswith("/requests/")
    expect(html).to_have_attribute("lang", "zh-hans")
    expect(language).to_have_value("zh-hans")
    expect(page.locator("h1")).to_have_text(HAN)
    expect(home).to_have_text(HAN)
    expect(log_out).to_have_text(HAN)
    assert page.problems == []
