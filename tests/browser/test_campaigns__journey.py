"""A marketing campaign through the pages: marketing drafts it, marketing's head and the sales
GM approve, a claim names its budget, the campaign ends (time moved by running the sweep on a
later day), the owner files the evaluation and the sales GM approves it."""

import os
import re
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("CAMPAIGN_SHOTS")  # a folder: screenshots of each stage, to read


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def log_out(page):
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))


@pytest.fixture
def marketing_budget(personas):
    from django.utils import timezone

    from core import engine
    from core.org.models import Department
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import budget_create, budget_submit

    total = Decimal("1200000.00")
    quarters, months = even_split(total)
    budget = budget_create(actor=personas["finance"], fiscal_year=timezone.localdate().year,
                           department=Department.objects.get(code="marketing"),
                           category="marketing", total=total, quarters=quarters,
                           months=months, owner=personas["marketing"])
    budget_submit(budget_id=budget.pk, actor=personas["finance"])
    for who in ("gm", "ceo"):
        item = engine.open_items(engine.request_for("budget", budget.pk)).first()
        engine.task_approve(task_id=item.pk, actor=personas[who], comment="同意")
    return budget


def approve_in_inbox(page, number, comment):
    page.goto("/inbox/")
    row = page.locator("table.list tbody tr").filter(has_text=number)
    expect(row).to_have_count(1)
    row.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/$"))
    page.locator("#id_approve-comment").fill(comment)
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url("**/inbox/")


def test_campaign_from_draft_to_evaluation(page, login, personas, marketing_budget):
    from django.utils import timezone

    from workflows.campaigns import services
    from workflows.campaigns.models import Campaign, CampaignState

    today = timezone.localdate()
    end = today + timedelta(days=2)

    # --- marketing2 drafts and submits the campaign ------------------------------------------
    login("marketing2", "/campaigns/")
    page.get_by_role("link", name="+ New campaign").click()
    page.wait_for_url("**/campaigns/new/")
    page.locator("#id_theme").fill("华东新品发布会")
    page.locator("#id_type").select_option("launch")
    page.locator("#id_start").fill(today.isoformat())
    page.locator("#id_end").fill(end.isoformat())
    page.locator("#id_place").fill("上海国际会议中心")
    page.locator("#id_expected_leads").fill("50")
    page.locator("#id_lines-0-month").fill(today.strftime("%Y-%m"))
    page.locator("#id_lines-0-description").fill("场地与搭建")
    page.locator("#id_lines-0-amount").fill("30000.00")
    shot(page, "1-new-campaign")
    page.get_by_role("button", name="Save and submit").click()
    page.wait_for_url(re.compile(r"/campaigns/\d+/$"))
    campaign = Campaign.objects.get()
    assert campaign.state == CampaignState.SUBMITTED
    number = campaign.number
    expect(page.locator("h1")).to_contain_text(number)
    assert page.problems == []
    log_out(page)

    # --- marketing's head, then the sales GM, approve it from the inbox --------------------
    login("marketing")
    approve_in_inbox(page, number, "同意")
    log_out(page)
    login("gm")
    approve_in_inbox(page, number, "同意，注意控制成本")
    page.goto(f"/campaigns/{campaign.pk}/")
    budget = page.locator("#campaign-budget tbody tr").first
    expect(budget.locator("td[data-label='Reserved']")).to_have_text("¥30,000.00")
    shot(page, "2-approved-campaign")
    log_out(page)

    # --- marketing2 claims against the campaign's budget -----------------------------------
    login("marketing2", "/expenses/claims/new/")
    page.locator("#id_category").select_option("marketing")
    page.locator("#id_title").fill("发布会场地定金")
    page.locator("#id_expense_date").fill(today.isoformat())
    page.locator("#id_hold_id").select_option(index=1)
    page.locator("#id_lines-0-date").fill(today.isoformat())
    page.locator("#id_lines-0-description").fill("场地定金")
    page.locator("#id_lines-0-amount").fill("12000.00")
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url(re.compile(r"/expenses/claims/\d+/$"))
    with page.expect_navigation():
        page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator(".msg-success")).to_have_text("Submitted for approval.")
    page.goto(f"/campaigns/{campaign.pk}/")
    budget = page.locator("#campaign-budget tbody tr").first
    expect(budget.locator("td[data-label='In claims']")).to_have_text("¥12,000.00")
    expect(budget.locator("td[data-label='Left to claim']")).to_have_text("¥18,000.00")
    shot(page, "3-claim-drawing")

    # --- the campaign ends: the sweep runs the day after its last day ------------------------
    later = timezone.make_aware(datetime.combine(end + timedelta(days=1), time(9)))
    assert services.sweep(later) == 1
    # the owner's inbox has the task "Fill in the evaluation"; it opens the evaluation form
    page.goto("/inbox/")
    row = page.locator("table.list tbody tr").filter(has_text="Fill in the evaluation")
    expect(row).to_have_count(1)
    row.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/$"))
    shot(page, "4a-evaluation-task")
    page.get_by_role("link", name=re.compile(r"^Open the .* itself")).click()
    page.wait_for_url(f"**/campaigns/{campaign.pk}/evaluation/")
    page.locator("#id_leads").fill("40")
    page.locator("#id_attendees").fill("120")
    page.locator("#id_customers_met").fill("30")
    page.locator("#id_lessons").fill("提前两周邀约，线上预约转化率高。")
    shot(page, "4-evaluation-form")
    page.get_by_role("button", name="Send to the sales GM").click()
    page.wait_for_url(f"**/campaigns/{campaign.pk}/")
    expect(page.locator(".msg-success")).to_have_text("Evaluation sent to the sales GM.")
    page.goto("/inbox/")  # the task is done
    expect(page.locator("table.list tbody tr").filter(has_text="Fill in the evaluation")
           ).to_have_count(0)
    assert page.problems == []
    log_out(page)

    # --- the sales GM approves the evaluation: what is left is released --------------------
    login("gm")
    approve_in_inbox(page, number, "评估属实")
    page.goto(f"/campaigns/{campaign.pk}/")
    expect(page.locator("h1 .chip").first).to_have_text("Evaluated")
    expect(page.locator("#evaluation")).to_contain_text("Approved")
    shot(page, "5-evaluated")
    assert Campaign.objects.get().state == CampaignState.CLOSED
    assert page.problems == []
