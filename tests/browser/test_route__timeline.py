"""The whole route in a real browser (issue 18): a contract in parallel review shows legal and
finance side by side, each with its own status, marked 会签, with the flow diagram one click
away; on a phone (390 px) the top menu is one line behind a menu button, the timeline stands
where the diagram was, and nothing scrolls sideways — in English and in zh-hans.

With SHOTS_DIR set, the phone and desktop tests also save screenshots there (checked by eye)."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
LANGUAGES = {"en": ("en-US", "en"), "zh-hans": ("zh-CN", "zh-hans")}


def shot(page, name: str) -> None:
    folder = os.environ.get("SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture
def in_parallel_review(personas):
    """An east contract the regional manager approved and legal approved; finance's credit
    review is still open."""
    from decimal import Decimal

    from core.inbox import services as inbox
    from tests.workflows.contracts.conftest import item, make_customer, request_of
    from workflows.contracts.services import contract_create, contract_submit

    rep = personas["east_rep1"]
    customer = make_customer(rep)
    contract = contract_create(actor=rep, customer=customer, title="年度供货合同",
                               value=Decimal("500000.00"), payment_terms_days=30,
                               delivery_terms="货到验收", key_clauses="质保一年")
    contract_submit(contract_id=contract.pk, actor=rep)
    inbox.task_approve(task_id=item(contract, "regional_review").pk,
                       actor=personas["east_mgr"], comment="同意")
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"],
                       comment="条款无异议")
    return request_of(contract), item(contract, "credit_review")


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.fixture
def context_options(request):
    lang, width = getattr(request, "param", ("en", "desktop"))
    locale, header = LANGUAGES[lang]
    return {"locale": locale, "extra_http_headers": {"Accept-Language": header},
            "viewport": PHONE if width == "phone" else DESKTOP,
            **({"is_mobile": True, "has_touch": True} if width == "phone" else {})}


@pytest.mark.parametrize("context_options", [("en", "desktop")], indirect=True)
def test_parallel_branches_side_by_side_with_their_own_status(page, login, in_parallel_review,
                                                              personas):
    req, _task = in_parallel_review
    login("east_rep1", next_url=f"/requests/{req.pk}/")
    page.wait_for_url(f"**/requests/{req.pk}/")

    group = page.locator(".route .stop-group")
    expect(group).to_be_visible()
    expect(group.locator(":scope > .stop-head .chip.mode")).to_have_text("all must approve (会签)")
    legal = group.locator('.branch[data-step="legal_review"]')
    finance = group.locator('.branch[data-step="credit_review"]')
    expect(legal).to_have_attribute("data-state", "done")
    expect(legal).to_contain_text("approved")
    expect(legal).to_contain_text(str(personas["legal"]))
    expect(legal).to_contain_text("条款无异议")
    expect(finance).to_have_attribute("data-state", "current")
    expect(finance).to_contain_text("waiting here")
    expect(finance).to_contain_text("any one of them (或签)")
    one, two = legal.bounding_box(), finance.bounding_box()
    assert one and two and abs(one["y"] - two["y"]) < 2 and two["x"] > one["x"] + one["width"] - 1
    expect(page.locator('.route .stop[data-step="regional_review"]')).to_have_attribute(
        "data-state", "done")
    expect(page.locator('.route .stop[data-step="sales_gm"]')).to_contain_text(
        f"Will be asked: {personas['gm']}")

    # the diagram is one click away
    diagram = page.locator("details#diagram")
    expect(diagram.locator("svg")).not_to_be_visible()
    page.get_by_role("link", name="Flow diagram").click()
    expect(diagram.locator("svg")).to_be_visible()
    assert page.problems == []


@pytest.mark.parametrize("context_options", [(lang, "phone") for lang in LANGUAGES],
                         indirect=True)
def test_phone_menu_one_line_and_timeline_instead_of_the_diagram(page, login, context_options,
                                                                 in_parallel_review):
    req, task = in_parallel_review
    lang = context_options["extra_http_headers"]["Accept-Language"]
    login("finance", next_url=f"/requests/{req.pk}/")
    page.wait_for_url(f"**/requests/{req.pk}/")

    topbar = page.locator("header.topbar")
    toggle = page.locator("[data-menu-toggle]")
    expect(toggle).to_be_visible()
    expect(page.locator("nav.mainnav")).to_be_hidden()
    box = topbar.bounding_box()
    assert box is not None and box["height"] <= 56, box  # one line
    expect(page.locator(".route .stop-group")).to_be_visible()
    expect(page.locator("details#diagram")).to_be_hidden()
    assert page_width(page) <= PHONE["width"]
    shot(page, f"request-{lang}-390")

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("nav.mainnav")).to_be_visible()
    assert page_width(page) <= PHONE["width"]
    shot(page, f"menu-open-{lang}-390")
    page.locator("nav.mainnav a[href='/inbox/']").click()
    page.wait_for_url("**/inbox/")

    page.goto(f"/inbox/tasks/{task.pk}/")
    expect(page.locator(".route .stop-group")).to_be_visible()
    expect(page.locator("nav.mainnav")).to_be_hidden()
    assert page_width(page) <= PHONE["width"]
    shot(page, f"task-{lang}-390")
    assert page.problems == []


@pytest.mark.parametrize("context_options", [(lang, "desktop") for lang in LANGUAGES],
                         indirect=True)
def test_desktop_menu_in_full_and_route_on_request_and_task(page, login, context_options,
                                                            in_parallel_review):
    req, task = in_parallel_review
    lang = context_options["extra_http_headers"]["Accept-Language"]
    login("finance", next_url=f"/requests/{req.pk}/")
    page.wait_for_url(f"**/requests/{req.pk}/")

    expect(page.locator("[data-menu-toggle]")).to_be_hidden()
    expect(page.locator("nav.mainnav")).to_be_visible()
    expect(page.locator(".route .stop-group")).to_be_visible()
    assert page_width(page) <= DESKTOP["width"]
    shot(page, f"request-{lang}-1366")
    page.goto(f"/inbox/tasks/{task.pk}/")
    expect(page.locator(".route .stop-group")).to_be_visible()
    shot(page, f"task-{lang}-1366")
    contract_url = page.locator("a", has_text=re.compile("contract|合同")).first
    assert contract_url is not None
    assert page.problems == []
