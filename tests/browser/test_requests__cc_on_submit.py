"""抄送 on submit in a real browser: the submitter picks legal in the demo form's "Copy to"
list; legal is copied, and the request page lists them. Screenshots at 1366 and 390 px in
English and zh-hans go to test-artifacts/screenshots/ (BROWSER_SCREENSHOTS=all keeps them)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"wide": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=[("en", "wide"), ("zh", "phone"), ("zh", "wide"), ("en", "phone")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def context_options(request):
    language, size = request.param
    options = {"viewport": SIZES[size]}
    if language == "zh":
        options.update(locale="zh-CN", extra_http_headers={"Accept-Language": "zh-hans"})
    else:
        options.update(locale="en-US")
    return options


def test_the_submitter_copies_legal_on_submit(page, login, personas, request):
    from core.inbox.models import CarbonCopy, Request

    login("east_rep1", "/demo/new/")
    page.locator("#id_title").fill("客户拜访交通费")
    page.locator("#id_amount").fill("800.00")
    page.locator("details.cc-on-submit summary").click()
    page.locator("#cc").select_option(str(personas["legal"].pk))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = request.node.callspec.id
    page.screenshot(path=str(SCREENSHOTS / f"cc-on-submit-form-{name}.png"), full_page=True)
    with page.expect_navigation():
        page.locator("form button.primary[type=submit]").click()
    req = Request.objects.get(kind="demo")
    assert list(CarbonCopy.objects.filter(request=req).values_list("person", flat=True)) == [
        personas["legal"].pk]
    expect(page.locator(".copied-to")).to_contain_text(str(personas["legal"]))
    page.screenshot(path=str(SCREENSHOTS / f"cc-on-submit-request-{name}.png"), full_page=True)
    assert not page.problems
