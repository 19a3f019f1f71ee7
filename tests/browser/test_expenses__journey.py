"""An expense claim from draft to payment, through the pages of everyone who touches it."""

import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The smallest valid PNG: one transparent pixel, 67 bytes.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
TITLE = "杭州客户拜访交通费"


def fact(page, term):
    return page.locator(f"dl.facts dt:text-is('{term}') + dd")


def cell(row, label):
    return row.locator(f"td[data-label='{label}']")


@pytest.fixture
def travel_budget(personas):
    """This year's sales travel budget, approved by the sales GM and the CEO: in force."""
    from django.utils import timezone

    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem, WorkItemStatus
    from core.org.models import Department
    from workflows.expenses import demo
    from workflows.expenses.models import Budget, BudgetState, ExpenseClaim
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import budget_create, budget_submit

    total = Decimal("1200000.00")
    quarters, months = even_split(total)
    budget = budget_create(
        actor=personas["finance"],
        fiscal_year=timezone.localdate().year,
        department=Department.objects.get(code="sales"),
        category="travel",
        total=total,
        quarters=quarters,
        months=months,
    )
    budget_submit(budget_id=budget.pk, actor=personas["finance"])
    req = Request.objects.get(kind="budget", object_id=budget.pk)
    for approver in ("gm", "ceo"):
        item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
        inbox.task_approve(task_id=item.pk, actor=personas[approver], comment="同意")
    budget = Budget.objects.get(pk=budget.pk)  # `state` is FSM-protected: no refresh_from_db
    assert budget.state == BudgetState.IN_FORCE
    # The demo's reimbursement standards and category policies; with a budget already there
    # it seeds no demo budgets or claims.
    demo.seed()
    assert not ExpenseClaim.objects.exists()
    return budget


def log_out(page):
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))


def test_travel_claim_goes_from_draft_to_paid(page, login, personas, travel_budget, tmp_path):
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    receipt = tmp_path / "taxi-receipt.png"
    receipt.write_bytes(PNG_1X1)

    # --- east_rep1 drafts the claim, attaches the receipt and submits it -------------------
    login("east_rep1")
    page.locator(".mainnav").get_by_role("link", name="Expenses", exact=True).click()
    page.wait_for_url("**/expenses/")
    page.get_by_role("link", name="+ New claim").click()
    page.wait_for_url("**/expenses/claims/new/")
    expect(page.locator("h1")).to_have_text("New expense claim")
    travel = page.locator("table.list tbody tr").filter(
        has=page.locator("td[data-label='Category']", has_text=re.compile(r"^Travel$"))
    )
    expect(cell(travel, "Left this month")).to_have_text("¥100,000.00")
    expect(cell(travel, "Left this quarter")).to_have_text("¥300,000.00")

    page.locator("#id_category").select_option("travel")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_expense_date").fill(today)
    page.locator("#id_lines-0-date").fill(today)
    page.locator("#id_lines-0-item_type").select_option(label="Transport")
    page.locator("#id_lines-0-description").fill("往返高铁二等座")
    page.locator("#id_lines-0-amount").fill("320.00")
    page.get_by_role("button", name="Save as draft").click()

    page.wait_for_url(re.compile(r"/expenses/claims/\d+/$"))
    claim_url = page.url
    expect(page.locator(".msg-success")).to_contain_text("Saved as a draft.")
    expect(page.locator("h1")).to_have_text(f"{TITLE} draft")
    expect(fact(page, "State")).to_have_text("Draft")
    expect(fact(page, "Claimed")).to_have_text("¥320.00")
    line = page.locator("table.list tbody tr").filter(has_text="往返高铁二等座")
    expect(cell(line, "Item")).to_have_text("Transport")
    expect(cell(line, "Amount")).to_have_text("¥320.00")
    expect(cell(line, "Standard")).to_have_text("within")

    # The transport line needs a ticket or an invoice (the demo's voucher requirements).
    expect(page.locator("#vouchers .exp-vline").first).to_contain_text(
        "Missing: Ticket or boarding pass or Invoice")
    page.locator("#id_receipt-kind").select_option("ticket")
    page.locator("#id_receipt-file").set_input_files(str(receipt))
    with page.expect_navigation():  # back to the same page
        page.get_by_role("button", name="Attach to the line").click()
    page.wait_for_url(claim_url)
    expect(page.locator(".msg-success")).to_have_text("Attached taxi-receipt.png.")
    expect(page.locator("#vouchers .exp-vline").first).to_contain_text(
        "Required vouchers present")
    receipt_link = page.get_by_role("link", name="taxi-receipt.png", exact=True)
    expect(receipt_link).to_have_count(1)

    with page.expect_navigation():
        page.get_by_role("button", name="Submit for approval").click()
    page.wait_for_url(claim_url)
    expect(page.locator(".msg-success")).to_have_text("Submitted for approval.")
    number = page.locator("h1 .hint").inner_text()
    assert re.fullmatch(rf"BX-{today[:4]}-\d{{6}}", number), number
    expect(fact(page, "State")).to_have_text("In approval")
    assert page.problems == []
    log_out(page)

    # --- east_mgr, the line manager, approves it from the inbox ----------------------------
    login("east_mgr")
    page.locator(".mainnav a[href='/inbox/']").click()
    page.wait_for_url("**/inbox/")
    row = page.locator("table.list tbody tr").filter(has_text=number)
    expect(row).to_have_count(1)
    expect(cell(row, "Amount")).to_have_text("¥320.00")
    expect(cell(row, "Step")).to_have_text("Line manager")
    cell(row, "Number").get_by_role("link").click()
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/$"))
    expect(page.locator("h1")).to_have_text(f"{TITLE} {number}")
    expect(page.get_by_role("link", name="taxi-receipt.png", exact=True)).to_have_count(1)
    page.locator("#id_approve-comment").fill("同意报销。")
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url("**/inbox/")
    expect(page.locator(".msg-success")).to_have_text(f"Approved: {TITLE}")
    expect(page.locator("table.list tbody tr").filter(has_text=number)).to_have_count(0)
    assert page.problems == []
    log_out(page)

    # --- finance_clerk takes the voucher review from the queue and approves it ---------------
    login("finance_clerk")
    page.locator(".mainnav").get_by_role("link", name=re.compile(r"^Queue")).click()
    page.wait_for_url("**/inbox/?tab=queue")
    row = page.locator("table.list tbody tr").filter(has_text=number)
    expect(row).to_have_count(1)
    expect(cell(row, "Step")).to_have_text("Finance voucher review")
    cell(row, "Number").get_by_role("link").click()
    # opened from the queue tab: the task keeps to that list
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/\?from=tab%3Dqueue$"))
    task_url = page.url
    with page.expect_navigation():
        page.get_by_role("button", name="Claim this task").click()
    page.wait_for_url(task_url)
    expect(page.locator(".msg-success")).to_have_text("The task is yours now.")
    expect(fact(page, "Held by")).to_have_text("许亮")
    page.locator("#id_approve-comment").fill("凭证齐全。")
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url("**/inbox/?tab=queue")  # back to the list the task was opened from
    expect(page.locator(".msg-success")).to_have_text(f"Approved: {TITLE}")
    assert page.problems == []
    log_out(page)

    # --- east_rep1 sees it paid, the receipt still there, and the whole history --------------
    login("east_rep1", next_url=urlsplit(claim_url).path)
    page.wait_for_url(claim_url)
    expect(fact(page, "State")).to_have_text("Paid")
    expect(fact(page, "Reference")).to_have_text(f"PAY-{number}")
    expect(fact(page, "Paid on")).to_have_text(re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"))
    expect(page.locator("#id_receipt")).to_have_count(0)  # no more receipts once paid

    receipt_link = page.get_by_role("link", name="taxi-receipt.png", exact=True)
    with page.expect_download() as download_info:
        receipt_link.click()
    download = download_info.value
    assert download.suggested_filename == "taxi-receipt.png"
    assert download.path().read_bytes() == PNG_1X1
    response = page.request.get(receipt_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "image/png"
    assert response.headers["content-disposition"] == 'attachment; filename="taxi-receipt.png"'
    assert response.body() == PNG_1X1

    events = page.locator("ol.timeline > li")
    expect(events.locator("strong")).to_have_text(
        [
            "赵磊 drafted it",
            "赵磊 attached a file",
            "赵磊 added a voucher to a line",
            "赵磊 submitted the request",
            "张伟 approved (Line manager)",
            "许亮 took the task (Finance voucher review)",
            "许亮 approved (Finance voucher review)",
            "Paid",
        ]
    )
    expect(events.nth(4).locator("blockquote")).to_have_text("同意报销。")
    expect(events.nth(6).locator("blockquote")).to_have_text("凭证齐全。")
    assert page.problems == []
