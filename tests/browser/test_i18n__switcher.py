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
    with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/i18n/setlang/")):
        language.select_option(code)
    page.wait_for_load_state()
    return language


def test_ui_language_changes_when_user_picks_it(page, login, personas):
    login("east_rep1", next_url="/inbox/")
    page.wait_for_url("**/inbox/")
    html = page.locator("html")
    home = page.locator(".mainnav a[href='/']")
    log_out = page.locator("form[action$='/accounts/logout/'] button")
    expect(html).to_have_attribute("lang", "zh-hans")
    expect(home).to_have_text(HAN)
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
    expect(home).to_have_text(HAN)
    expect(log_out).to_have_text(HAN)
    assert page.problems == []


@pytest.mark.xfail(
    strict=True,
    reason=(
        "BUG: no zh_Hans catalogue for the project's own strings (locale/ is empty, no .po/.mo "
        "anywhere): in the default language, zh-hans, only Django's strings (首页, 注销, 过滤器) are "
        "Chinese and every Countersign heading, button and column stays English"
    ),
)
def test_own_strings_are_chinese_when_language_is_zh_hans(page, login, personas):
    login("east_rep1", next_url="/inbox/")
    page.wait_for_url("**/inbox/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("h1")).to_have_text(HAN, timeout=1_000)
