"""Clicks per decision, the old way against the desk's (issue 18's closing note): a line
manager's approval and a finance voucher review walked as before — open the inbox (or the
queue), open the task, claim it (a queue task), approve — against approving from the inbox row
and "approve and open the next" (test_inbox__desk.py). Every click is counted as the test makes
it, a confirmation dialog accepted as one; the figures print as FIGURE: lines. Also the inbox
and the new-contract and new-risk route previews at 1366 and 390 px in both languages
(SHOTS_DIR: saved)."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from workflows.contracts.models import Product

from .test_expenses__journey import travel_budget  # noqa: F401  (a fixture)
from .test_inbox__desk import Clicks, _claims
from .test_route__timeline import DESKTOP, LANGUAGES, PHONE, page_width, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TASK_URL = re.compile(r"/inbox/tasks/(\d+)/$")


def _accept_dialogs(page, click: Clicks) -> None:
    def accept(dialog):
        click.count += 1  # the confirmation is a click too
        dialog.accept()

    page.on("dialog", accept)


@pytest.mark.usefixtures("travel_budget")
def test_clicks_per_decision_the_old_way_and_from_the_row(page, login, personas, figure):
    claims = _claims(personas, 3)

    # Line manager, the old way: the inbox, the task, Approve; back on the inbox, again.
    login("east_mgr")
    click = Clicks(page)
    click(page.locator(".mainnav a[href='/inbox/']"))
    for _ in claims:
        click(page.locator("table.list tbody tr").first.locator(
            "td[data-label='Number']").get_by_role("link"))
        expect(page.locator("[data-testid='claim-lines']")).to_contain_text("往返高铁二等座")
        click(page.get_by_role("button", name="Approve", exact=True))
        page.wait_for_url(re.compile(r"/inbox/(\?.*)?$"))
    figure("line manager, task page and Approve: clicks for 3 claims", click.count)
    assert click.count == 1 + 2 * len(claims)
    page.context.clear_cookies()

    # Finance, the old way: the queue, the task, Claim, Approve; back to the queue, again.
    login("finance_clerk")
    click = Clicks(page)
    for _ in claims:
        click(page.locator(".mainnav").get_by_role("link", name=re.compile(r"^Queue")))
        click(page.locator("table.list tbody tr").first.locator(
            "td[data-label='Number']").get_by_role("link"))
        click(page.get_by_role("button", name="Claim this task"))
        click(page.get_by_role("button", name="Approve", exact=True))
    figure("finance, queue, claim and Approve: clicks for 3 claims", click.count)
    assert click.count == 4 * len(claims)
    assert page.problems == []


@pytest.mark.usefixtures("travel_budget")
def test_clicks_per_decision_approving_from_the_inbox_row(page, login, personas, figure):
    from core.inbox.models import WorkItem

    claims = _claims(personas, 3)
    login("east_mgr")
    click = Clicks(page)
    _accept_dialogs(page, click)
    click(page.locator(".mainnav a[href='/inbox/']"))
    for _ in claims:
        click(page.locator("table.list tbody tr").first.get_by_role("button", name="Approve"))
        page.wait_for_url(re.compile(r"/inbox/(\?.*)?$"))
    figure("line manager, Approve on the inbox row: clicks for 3 claims", click.count)
    assert click.count == 1 + 2 * len(claims)  # the row's button and its confirmation
    assert WorkItem.objects.filter(request__object_id__in=[c.pk for c in claims],
                                   step_code="line_manager", decision="approved").count() == 3
    assert page.problems == []


@pytest.fixture
def context_options(request):
    lang, width = getattr(request, "param", ("en", "desktop"))
    locale, header = LANGUAGES[lang]
    return {"locale": locale, "extra_http_headers": {"Accept-Language": header},
            "viewport": PHONE if width == "phone" else DESKTOP,
            **({"is_mobile": True, "has_touch": True} if width == "phone" else {})}


SIZES = [(lang, width) for lang in LANGUAGES for width in ("desktop", "phone")]


@pytest.mark.parametrize("context_options", SIZES, indirect=True)
def test_inbox_and_route_preview_fit_each_width(page, login, submit_demo, context_options,
                                                personas):
    from tests.workflows.contracts.conftest import make_customer

    lang = context_options["extra_http_headers"]["Accept-Language"]
    width = context_options["viewport"]["width"]
    submit_demo("east_rep1", "客户拜访交通费", "860.00")
    submit_demo("east_rep2", "华东区季度客户答谢会场地与餐饮费用预付款", "15800.00")
    login("east_mgr", next_url="/inbox/")
    page.wait_for_url("**/inbox/")
    expect(page.locator("table.list tbody tr")).to_have_count(2)
    assert page_width(page) <= width
    shot(page, f"inbox-{lang}-{width}")
    page.context.clear_cookies()

    customer = make_customer(personas["east_rep1"])
    product = Product.objects.create(code="PART-KIT", name_zh="精密部件包",
                                     name_en="Precision parts kit", category="parts", unit="套",
                                     list_price=Decimal("8000.00"))
    login("east_rep1", next_url="/contracts/new/")
    page.wait_for_url("**/contracts/new/")
    page.locator("#id_customer").select_option(str(customer.pk))
    page.locator("#id_title").fill("精密部件供货合同")
    page.locator("#id_lines-0-product").select_option(str(product.pk))
    page.locator("#id_lines-0-quantity").fill("100")  # 100 × 8,000.00 = 800,000.00
    page.locator("#id_payment_terms_days").fill("45")
    with page.expect_navigation():
        page.locator("button[name=action][value=preview]").click()
    route = page.locator("#route-preview .route")
    expect(route.locator(".stop-group")).to_be_visible()  # legal and finance side by side
    expect(route.locator('.stop[data-step="regional_review"]')).to_contain_text(
        str(personas["east_mgr"]))
    assert page_width(page) <= width
    route.scroll_into_view_if_needed()
    shot(page, f"preview-{lang}-{width}")
    page.context.clear_cookies()

    # a risk's route comes from its level: 5 × 5 is critical, so the CEO approves
    login("east_rep1", next_url="/risks/new/")
    page.wait_for_url("**/risks/new/")
    page.locator("#id_type").select_option("market")
    page.locator("#id_title").fill("华东市场价格战")
    page.locator("#id_likelihood").select_option("5")
    page.locator("#id_impact").select_option("5")
    with page.expect_navigation():
        page.locator("button[name=action][value=preview]").click()
    route = page.locator("#route-preview .route")
    for step in ("plan_review", "close_review"):
        expect(route.locator(f'.stop[data-step="{step}"]')).to_contain_text(
            str(personas["ceo"]))
    assert page_width(page) <= width
    route.scroll_into_view_if_needed()
    shot(page, f"risk-preview-{lang}-{width}")
    assert page.problems == []
