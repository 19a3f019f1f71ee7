"""Issue 18: on a phone "my requests" is a list of compact cards, as the inbox is: number and
status, title and amount, where it is and since when, within the screen's width."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("LAYOUT_SHOTS", "")  # a folder to keep the screenshots in, if given


@pytest.fixture(params=["en", "zh-hans"])
def language(request):
    return request.param


@pytest.fixture
def context_options(language):
    return {"locale": "zh-CN" if language == "zh-hans" else "en-US", "viewport": PHONE,
            "is_mobile": True, "has_touch": True,
            "extra_http_headers": {"Accept-Language": language}}


def test_my_requests_are_cards_on_a_phone(page, login, submit_demo, language):
    submit_demo("east_rep1", "客户拜访交通费", "860.00")
    submit_demo("east_rep1", "华东区季度客户答谢会场地与餐饮费用预付款（含布展、音响及餐饮）",
                "15800.00")

    login("east_rep1", next_url="/requests/")
    page.wait_for_url("**/requests/")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(2)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/requests-390-{language}.png", full_page=True)

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    expect(page.locator("table.list thead")).to_be_hidden()
    card = rows.first
    assert card.evaluate("tr => getComputedStyle(tr).display") == "grid"
    box = card.bounding_box()
    assert box is not None and box["height"] < 170  # a card, not eight label/value lines
    for cell in ("c-num", "c-title", "c-amount", "c-status", "c-step", "c-since"):
        expect(card.locator(f"td.{cell}")).to_be_visible()
    expect(card.locator("td.c-kind")).to_be_hidden()
    # the number and the title open the request
    href = card.locator("td.c-num a").get_attribute("href")
    assert href and href.startswith("/requests/")
    expect(card.locator("td.c-title a")).to_have_attribute("href", href)
    assert page.problems == []
