"""A campaign's route and its budget: nothing is held until the last approval, which holds
every line on the department's budget of its category and month; over budget is refused or
routed to the CEO by the category's rule; calling it off releases the budget."""

from decimal import Decimal

import pytest

from core import engine
from core.audit.models import AuditEvent
from core.exceptions import PermissionDeniedError
from workflows.campaigns import services
from workflows.campaigns.models import CampaignState
from workflows.campaigns.steps import KIND
from workflows.expenses.models import BudgetHold
from workflows.expenses.services.ledger import OverBudgetError

from .conftest import approve_chain, balance, chain_codes, fresh, open_item

pytestmark = pytest.mark.django_db


def test_marketing_head_and_gm_approve_and_the_last_approval_holds_the_budget(
        make_budget, policies, draft, personas):
    make_budget()  # 100,000.00 a month
    campaign = draft("marketing2", ("marketing", "30000.00"), ("marketing", "12000.00"))
    services.campaign_submit(campaign_id=campaign.pk, actor=personas["marketing2"])
    assert chain_codes(KIND, campaign.pk) == ["marketing", "sales_gm"]
    first = open_item(KIND, campaign.pk)
    assert first.assignee_id == personas["marketing"].pk  # the head, not the drafter
    engine.task_approve(task_id=first.pk, actor=personas["marketing"], comment="ok")
    assert balance("M05").reserved == 0  # nothing held before the last approval
    engine.task_approve(task_id=open_item(KIND, campaign.pk).pk, actor=personas["gm"],
                        comment="ok")
    campaign = fresh(campaign)
    assert campaign.state == CampaignState.APPROVED
    assert balance("M05").reserved == Decimal("42000.00")
    assert balance("Q2").reserved == Decimal("42000.00")
    assert sorted(BudgetHold.objects.values_list("amount", flat=True)) == [
        Decimal("12000.00"), Decimal("30000.00")]
    events = list(AuditEvent.objects.filter(subject_kind=KIND, subject_id=str(campaign.pk))
                  .order_by("subject_seq").values_list("event", flat=True))
    assert events[0] == "campaign.drafted" and "campaign.reserved" in events


def test_the_ceo_signs_from_the_matrix_amount(make_budget, policies, approved, personas):
    make_budget(total="2400000.00")  # 200,000.00 a month
    campaign = approved("marketing2", ("marketing", "150000.00"))
    assert chain_codes(KIND, campaign.pk) == ["marketing", "sales_gm", "ceo"]
    assert campaign.state == CampaignState.APPROVED


def test_only_marketing_or_a_regional_manager_drafts(draft, personas):
    with pytest.raises(PermissionDeniedError):
        draft("east_rep1")


def test_over_budget_in_a_refusing_category_is_refused_at_submission(
        make_budget, policies, draft, personas):
    make_budget("travel", "120000.00")  # 10,000.00 a month
    campaign = draft("marketing2", ("travel", "15000.00"))
    with pytest.raises(OverBudgetError):
        services.campaign_submit(campaign_id=campaign.pk, actor=personas["marketing2"])
    assert fresh(campaign).state == CampaignState.DRAFT


def test_over_budget_marketing_adds_the_ceo_and_is_held_over(make_budget, policies, approved):
    make_budget(total="120000.00")  # 10,000.00 a month, 30,000.00 a quarter
    campaign = approved("marketing2", ("marketing", "15000.00"))
    assert campaign.over_budget
    assert chain_codes(KIND, campaign.pk) == ["marketing", "sales_gm", "ceo"]
    assert campaign.state == CampaignState.APPROVED
    assert balance("M05").reserved == Decimal("15000.00")


def test_the_last_approval_is_refused_when_the_budget_went_meanwhile(
        make_budget, policies, draft, approved, personas):
    make_budget(total="600000.00")  # 50,000.00 a month
    waiting = draft("marketing2", ("marketing", "30000.00"))
    services.campaign_submit(campaign_id=waiting.pk, actor=personas["marketing2"])
    engine.task_approve(task_id=open_item(KIND, waiting.pk).pk, actor=personas["marketing"],
                        comment="ok")
    approved("marketing2", ("marketing", "30000.00"), theme="another")  # takes 30,000.00
    last = open_item(KIND, waiting.pk)
    with pytest.raises(OverBudgetError):
        engine.task_approve(task_id=last.pk, actor=personas["gm"], comment="ok")
    assert fresh(waiting).state == CampaignState.SUBMITTED
    assert open_item(KIND, waiting.pk).pk == last.pk  # the task is still open
    assert balance("M05").reserved == Decimal("30000.00")


def test_rejection_holds_nothing_and_calling_off_releases(make_budget, policies, draft,
                                                          approved, personas):
    make_budget()
    rejected = draft("marketing2", ("marketing", "20000.00"), theme="rejected")
    services.campaign_submit(campaign_id=rejected.pk, actor=personas["marketing2"])
    engine.task_reject(task_id=open_item(KIND, rejected.pk).pk, actor=personas["marketing"],
                       reason="no")
    assert fresh(rejected).state == CampaignState.REJECTED
    assert balance("M05").reserved == 0
    campaign = approved("marketing2", ("marketing", "20000.00"))
    assert balance("M05").reserved == Decimal("20000.00")
    with pytest.raises(PermissionDeniedError):
        services.campaign_cancel(campaign_id=campaign.pk, actor=personas["gm"], reason="x")
    services.campaign_cancel(campaign_id=campaign.pk, actor=personas["marketing2"],
                             reason="展会取消")
    assert fresh(campaign).state == CampaignState.WITHDRAWN
    assert balance("M05").reserved == 0


def test_withdrawn_in_approval(make_budget, policies, draft, personas):
    make_budget()
    campaign = draft("marketing2")
    services.campaign_submit(campaign_id=campaign.pk, actor=personas["marketing2"])
    req = engine.request_for(KIND, campaign.pk)
    engine.request_withdraw(request_id=req.pk, actor=personas["marketing2"], reason="改期")
    assert fresh(campaign).state == CampaignState.WITHDRAWN
    assert balance("M05").reserved == 0


def test_a_regional_managers_campaign_goes_to_marketing(make_budget, policies, approved,
                                                       personas):
    make_budget(department="sales")
    campaign = approved("east_mgr", ("marketing", "10000.00"))
    assert chain_codes(KIND, campaign.pk)[0] == "marketing"
    assert campaign.state == CampaignState.APPROVED
    assert balance("M05", department="sales").reserved == Decimal("10000.00")
    assert approve_chain  # the helper used by `approved`
