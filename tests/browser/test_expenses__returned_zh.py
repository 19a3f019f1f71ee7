"""A claim returned for revision is edited and resubmitted in zh-hans, in a real browser, and
keeps its dates (issue 18, defect 1: the edit page wrote 2026/12/04 into the date inputs, the
browser showed them empty and the save failed with "此字段为必填项" on each date)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_expenses__journey import travel_budget  # noqa: F401 - a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def context_options():
    return {"locale": "zh-CN", "extra_http_headers": {"Accept-Language": "zh-hans"},
            "viewport": {"width": 390, "height": 844}}


def test_returned_claim_is_revised_and_resubmitted_in_zh_hans_keeping_its_dates(
        page, login, personas, travel_budget):  # noqa: F811
    from django.utils import timezone

    from core.inbox import services as inbox
    from core.inbox.models import WorkItem, WorkItemStatus
    from workflows.expenses import services
    from workflows.expenses.models import ClaimState, ExpenseClaim

    day = timezone.localdate().replace(day=1)
    claim = services.claim_create(
        actor=personas["east_rep1"], category="travel", title="苏州客户拜访", expense_date=day,
        lines=[{"date": day, "item_type": "transport", "description": "高铁", "amount": "180.00"}])
    # the line's required voucher (issue 27): its train ticket
    from tests.workflows.expenses.vouchers import pdf
    from workflows.expenses.services.vouchers import receipt_add

    receipt_add(claim_id=claim.pk, actor=personas["east_rep1"], line_id=claim.lines.get().pk,
                kind="ticket", upload=pdf("车票.pdf"))
    services.claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    item = WorkItem.objects.get(request__kind="expense", request__object_id=claim.pk,
                                status=WorkItemStatus.OPEN)
    inbox.task_return(task_id=item.pk, actor=personas["east_mgr"], reason="请补充出差事由")

    login("east_rep1", f"/expenses/claims/{claim.pk}/")
    expect(page.locator(".decision-banner")).to_contain_text("请补充出差事由")
    page.locator(".decision-banner").get_by_role("link", name="修改后重新提交").click()
    page.wait_for_url(re.compile(rf"/expenses/claims/{claim.pk}/edit/$"))

    # What the browser holds (not just the HTML): an unreadable value would read "".
    expect(page.locator("#id_expense_date")).to_have_value(day.isoformat())
    expect(page.locator("#id_lines-0-date")).to_have_value(day.isoformat())
    page.locator("#id_purpose").fill("拜访苏州客户，洽谈年度框架协议")
    page.locator("#id_comment").fill("补充了出差事由")
    with page.expect_navigation():
        page.get_by_role("button", name="保存并重新提交").click()

    page.wait_for_url(re.compile(rf"/expenses/claims/{claim.pk}/$"))
    expect(page.locator(".msg-error")).to_have_count(0)
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.SUBMITTED
    assert claim.expense_date == day and claim.purpose.startswith("拜访苏州客户")
    assert [x.date for x in claim.lines.all()] == [day]
    assert page.problems == []
