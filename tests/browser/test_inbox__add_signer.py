"""加签 "before me" in a real browser (issue 19): the regional manager adds legal before their
step on a claim, legal approves, the task comes back to the manager, who approves; the
submitter's request page shows it all in the timeline and the route."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_expenses__journey import travel_budget  # noqa: F401 - a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_legal_decides_first_then_the_manager_when_added_before_me(
        page, login, personas, travel_budget):  # noqa: F811
    from django.utils import timezone

    from core.inbox.models import Request, WorkItem, WorkItemStatus
    from tests.workflows.expenses.vouchers import pdf
    from workflows.expenses import services
    from workflows.expenses.services.vouchers import receipt_add

    day = timezone.localdate().replace(day=1)
    claim = services.claim_create(
        actor=personas["east_rep1"], category="travel", title="苏州客户拜访", expense_date=day,
        lines=[{"date": day, "item_type": "transport", "description": "高铁", "amount": "180.00"}])
    receipt_add(claim_id=claim.pk, actor=personas["east_rep1"], line_id=claim.lines.get().pk,
                kind="ticket", upload=pdf("车票.pdf"))
    services.claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    first = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    assert first.assignee == personas["east_mgr"]

    # The manager adds legal before their own step.
    login("east_mgr", f"/inbox/tasks/{first.pk}/")
    page.locator("summary", has_text="Add a signer").click()
    page.locator("#id_signer-signers").select_option(str(personas["legal"].pk))
    page.locator("input[name='signer-position'][value='before']").check()
    page.locator("#id_signer-reason").fill("差旅合同条款请法务确认")
    page.locator("#id_signer-sla_hours").fill("8")
    with page.expect_navigation():
        page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".msg-success")).to_contain_text("will decide first")
    added = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    assert (added.step_code, added.assignee) == ("added_signer", personas["legal"])
    page.context.clear_cookies()

    # Legal approves from their inbox.
    login("legal", f"/inbox/tasks/{added.pk}/")
    expect(page.locator("h1")).to_contain_text("苏州客户拜访")
    page.locator("#id_approve-comment").fill("条款无问题")
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".msg-success")).to_contain_text("Approved")
    back = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    assert (back.step_code, back.assignee) == ("line_manager", personas["east_mgr"])
    page.context.clear_cookies()

    # Back with the manager, who approves.
    login("east_mgr", f"/inbox/tasks/{back.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".msg-success")).to_contain_text("Approved")
    page.context.clear_cookies()

    # The submitter's request page tells the story.
    login("east_rep1", f"/requests/{req.pk}/")
    timeline = page.locator("ol.timeline")
    expect(timeline).to_contain_text("张伟 added a signer (Line manager)")
    expect(timeline).to_contain_text("差旅合同条款请法务确认")
    expect(timeline).to_contain_text("郭琳 approved (Added signer)")
    expect(timeline).to_contain_text("张伟 approved (Line manager)")
    expect(page.locator("body")).to_contain_text(re.compile("Added signer"))
    assert page.problems == []
