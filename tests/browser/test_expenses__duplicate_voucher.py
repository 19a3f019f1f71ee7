"""Finance's voucher review of a claim whose invoice is already on another person's claim: the
flag, the other claim, the rejection that returns the claim with the line marked."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def flagged(personas):
    """Claim A (east_rep1, paid for by its invoice) and claim B (south_rep1) at finance, with
    the same invoice added to B during its approval."""
    from django.utils import timezone

    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem, WorkItemStatus
    from core.org.models import Department
    from tests.workflows.expenses.vouchers import digital, pdf
    from workflows.expenses import demo
    from workflows.expenses.models import ExpenseClaim
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import (
        budget_create,
        budget_submit,
        claim_create,
        claim_submit,
    )
    from workflows.expenses.services.vouchers import receipt_add

    def open_item(kind, pk):
        req = Request.objects.get(kind=kind, object_id=pk)
        return WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).first()

    today = timezone.localdate()
    quarters, months = even_split(Decimal("1200000.00"))
    budget = budget_create(actor=personas["finance"], fiscal_year=today.year,
                           department=Department.objects.get(code="sales"), category="travel",
                           total=Decimal("1200000.00"), quarters=quarters, months=months)
    budget_submit(budget_id=budget.pk, actor=personas["finance"])
    for approver in ("gm", "ceo"):
        inbox.task_approve(task_id=open_item("budget", budget.pk).pk, actor=personas[approver],
                           comment="同意")
    demo.seed()  # standards, policies and the voucher requirements; no demo claims

    def claim(who, title):
        c = claim_create(actor=personas[who], category="travel", title=title,
                         expense_date=today, lines=[{"date": today, "item_type": "transport",
                                                     "amount": "320.00",
                                                     "description": "高铁往返"}])
        return c

    def receipt(c, number):
        return receipt_add(claim_id=c.pk, actor=c.submitter, line_id=c.lines.get().pk,
                           kind="invoice", upload=pdf(f"发票{number[-4:]}.pdf"),
                           invoice=digital(number, amount="320.00", when=today))

    first = claim("east_rep1", "杭州客户拜访")
    receipt(first, "26312000000000000101")
    claim_submit(claim_id=first.pk, actor=first.submitter)
    second = claim("south_rep1", "深圳客户拜访")
    receipt(second, "26312000000000000102")
    claim_submit(claim_id=second.pk, actor=second.submitter)
    late = receipt(second, "26312000000000000101")  # the first claim's invoice, again
    while (item := open_item("expense", second.pk)).step_code != "finance_review":
        inbox.task_approve(task_id=item.pk, actor=item.assignee or item.candidates.first(),
                           comment="同意")
    return (ExpenseClaim.objects.get(pk=first.pk), ExpenseClaim.objects.get(pk=second.pk),
            late)


def test_finance_reviews_a_flagged_duplicate_and_returns_the_claim(page, login, flagged):
    first, second, late = flagged

    login("finance_clerk")
    page.locator(".mainnav").get_by_role("link", name=re.compile(r"^Queue")).click()
    page.wait_for_url("**/inbox/?tab=queue")
    page.locator("table.list tbody tr").filter(has_text=second.number).get_by_role(
        "link").first.click()
    # opened from the queue tab: the task keeps to that list
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/\?from=tab%3Dqueue$"))
    page.get_by_role("link", name=re.compile("Open the Expense claim itself", re.I)).click()
    page.wait_for_url(f"**/expenses/claims/{second.pk}/")

    flagged_card = page.locator(f"#receipt-{late.pk}")
    expect(flagged_card).to_have_class(re.compile(r"\bflagged\b"))
    expect(flagged_card.locator("li.fail")).to_contain_text(
        f"Not used on another claim failed Also on claim {first.number}")
    # A PDF sits in an <iframe> (the page CSP keeps object-src 'none').
    expect(flagged_card.locator(".preview iframe")).to_have_count(1)
    file_url = flagged_card.locator(".preview iframe").get_attribute("src")
    served = page.request.get(file_url)
    assert served.status == 200
    assert served.headers["content-type"] == "application/pdf"
    assert served.headers["x-content-type-options"] == "nosniff"
    # The other receipt passes every check.
    other = page.locator(".exp-receipt").filter(has_text="26312000000000000102")
    expect(other.locator("li.fail")).to_have_count(0)

    # The other claim is one click away, then back.
    flagged_card.get_by_role("link", name=f"Open claim {first.number}").click()
    page.wait_for_url(f"**/expenses/claims/{first.pk}/")
    expect(page.locator("h1")).to_contain_text(first.number)
    page.go_back()

    flagged_card = page.locator(f"#receipt-{late.pk}")
    flagged_card.locator("summary", has_text="Reject this receipt").click()
    flagged_card.get_by_label("Reason").fill("与报销单重复使用同一发票")
    with page.expect_navigation():
        flagged_card.get_by_role("button", name="Reject and return the claim").click()
    expect(page.locator(".msg-success")).to_contain_text("Receipt rejected; the claim went back")
    expect(page.locator("dl.facts dt:text-is('State') + dd")).to_contain_text(
        "Returned for revision")
    card = page.locator(f"#receipt-{late.pk}")
    expect(card).to_have_class(re.compile(r"\brejected\b"))
    expect(card).to_contain_text("与报销单重复使用同一发票")
    expect(page.locator(f"#line-{late.line_id}")).to_have_class(re.compile(r"\battention\b"))
    assert page.problems == []
