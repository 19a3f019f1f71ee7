"""Issue 22's open points: a campaign line reserves on its region's marketing budget when the
department has one for that region (else the department's own), a claim drawing on it counts
there; the "marketing" step is the head of marketing's (the org chart's manager of the
department), shown in the route preview, with the role's queue as the fallback; the evaluation
is due ten working days later by the SLA holiday calendar."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core import engine
from core.exceptions import InvalidInputError
from core.inbox import sla
from core.inbox.models import Holiday
from core.org.models import Department
from workflows.campaigns import services
from workflows.campaigns.models import CampaignState
from workflows.campaigns.rules import add_working_days
from workflows.campaigns.steps import KIND, TASK_KIND
from workflows.expenses.models import BudgetBalance, BudgetHold
from workflows.expenses.services import claim_create, claim_submit
from workflows.expenses.services.ledger import OverBudgetError

from .conftest import YEAR, balance, fresh, open_item

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


# --- budgets by region ----------------------------------------------------------------------


def test_a_line_reserves_on_its_regions_budget_and_the_others_on_the_departments(
        make_budget, policies, approved):
    make_budget()  # the department's own: 100,000.00 a month
    make_budget(total="240000.00", region="east")  # east's: 20,000.00 a month
    campaign = approved("marketing2", ("marketing", "15000.00", "east"),
                        ("marketing", "7000.00", "north"), regions=("east", "north"))
    assert campaign.state == CampaignState.APPROVED
    east, own = balance("M05", region="east"), balance("M05")
    assert (east.reserved, own.reserved) == (Decimal("15000.00"), Decimal("7000.00"))
    assert balance("Q2", region="east").reserved == Decimal("15000.00")
    holds = {h.amount: h.region_id for h in BudgetHold.objects.all()}
    assert holds[Decimal("15000.00")] == east.region_id  # north has no budget of its own
    assert holds[Decimal("7000.00")] is None
    # no region rows appear for a region without a budget
    assert not BudgetBalance.objects.filter(region__code="north").exists()


def test_a_single_region_campaigns_lines_take_its_region(make_budget, policies, draft):
    make_budget(total="240000.00", region="east")
    campaign = draft("marketing2", ("marketing", "1000.00"), regions=("east",))
    assert [line.region.code for line in campaign.lines.all()] == ["east"]


def test_a_line_of_a_several_region_campaign_must_name_one_of_them(draft):
    with pytest.raises(InvalidInputError) as refused:
        draft("marketing2", ("marketing", "1000.00"), ("marketing", "500.00", "south"),
              regions=("east", "north"))
    assert set(refused.value.fields) == {"lines.0.region", "lines.1.region"}


def test_a_regions_budget_refuses_what_it_cannot_afford_though_the_department_could(
        make_budget, draft, personas):
    from workflows.expenses.models import Category, CategoryPolicy, OverBudget

    CategoryPolicy.objects.update_or_create(category=Category.MARKETING,
                                            defaults={"over_budget": OverBudget.BLOCK})
    make_budget()  # 100,000.00 a month left on the department's own line
    make_budget(total="120000.00", region="south")  # 10,000.00 a month
    campaign = draft("marketing2", ("marketing", "12000.00"), regions=("south",))
    with pytest.raises(OverBudgetError):
        services.campaign_submit(campaign_id=campaign.pk, actor=personas["marketing2"])
    assert balance("M05").reserved == balance("M05", region="south").reserved == 0


def test_a_claim_drawing_on_a_regional_line_counts_on_the_regions_budget(
        make_budget, policies, approved, personas):
    make_budget()
    make_budget(total="240000.00", region="east")
    campaign = approved("marketing2", ("marketing", "15000.00"), regions=("east",))
    hold = BudgetHold.objects.get()
    claim = claim_create(actor=personas["marketing2"], category="marketing", title="场地",
                         expense_date=date(YEAR, 5, 11), hold_id=hold.pk,
                         lines=[{"date": date(YEAR, 5, 11), "item_type": "other",
                                 "description": "场地", "amount": Decimal("18000.00")}])
    claim_submit(claim_id=claim.pk, actor=personas["marketing2"])
    hold.refresh_from_db()
    assert (hold.amount, hold.drawn) == (Decimal("15000.00"), Decimal("15000.00"))
    # the 3,000.00 beyond the hold is new on east's rows, not the department's
    assert balance("M05", region="east").reserved == Decimal("18000.00")
    assert balance("M05").reserved == 0
    assert fresh(campaign).state == CampaignState.APPROVED


def test_regional_budgets_are_versioned_apart_from_the_departments(make_budget, personas):
    from core.exceptions import StateConflictError
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import budget_create

    own = make_budget()
    east = make_budget(total="240000.00", region="east")
    assert (own.version, east.version) == (1, 1)
    assert east.number == f"YS-{YEAR}-marketing-east-marketing-v1"
    quarters, months = even_split(Decimal("1200.00"))
    with pytest.raises(StateConflictError):
        budget_create(actor=personas["finance"], fiscal_year=YEAR,
                      department=Department.objects.get(code="marketing"),
                      category="marketing", total=Decimal("1200.00"), quarters=quarters,
                      months=months, region=east.region)


# --- the head of marketing ------------------------------------------------------------------


def test_the_marketing_step_goes_to_the_head_of_marketing_not_the_roles_queue(
        make_budget, policies, draft, personas):
    make_budget()
    campaign = draft("east_mgr", ("marketing", "5000.00"))
    services.campaign_submit(campaign_id=campaign.pk, actor=personas["east_mgr"])
    step = engine.request_for(KIND, campaign.pk).chain[0]
    # both marketing people hold the role; 林晓 manages the department (marketing2 reports to
    # them, they report to the sales GM outside it)
    assert (step["code"], step["candidates"]) == ("marketing", [personas["marketing"].pk])
    assert "head of the marketing department" in step["note"]
    assert open_item(KIND, campaign.pk).assignee_id == personas["marketing"].pk


def test_without_a_head_in_the_org_chart_the_roles_queue_takes_the_step(
        make_budget, policies, draft, personas):
    make_budget()
    marketing2 = personas["marketing2"]
    marketing2.manager = personas["gm"]  # two people at the top of marketing: no one head
    marketing2.save(update_fields=["manager"])
    campaign = draft("east_mgr", ("marketing", "5000.00"))
    services.campaign_submit(campaign_id=campaign.pk, actor=personas["east_mgr"])
    step = engine.request_for(KIND, campaign.pk).chain[0]
    assert step["candidates"] == sorted([personas["marketing"].pk, marketing2.pk])
    assert open_item(KIND, campaign.pk).assignee_id is None  # the queue


def test_the_head_never_approves_their_own_campaign(make_budget, policies, draft, personas):
    make_budget()
    campaign = draft("marketing", ("marketing", "5000.00"))
    services.campaign_submit(campaign_id=campaign.pk, actor=personas["marketing"])
    step = engine.request_for(KIND, campaign.pk).chain[0]
    assert step["candidates"] == [personas["marketing2"].pk]


def test_the_draft_page_previews_the_head_of_marketing(make_budget, policies, draft, personas,
                                                       client):
    make_budget()
    campaign = draft("east_mgr", ("marketing", "5000.00"))
    client.force_login(personas["east_mgr"])
    page = client.get(f"/campaigns/{campaign.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 200
    preview = html[html.index('id="route-preview"'):]
    stop = preview[preview.index('data-step="marketing"'):preview.index('data-step="sales_gm"')]
    assert "林晓" in stop and "高远" not in stop
    assert "The head of the marketing department" in stop


# --- the evaluation's due date by the holiday calendar --------------------------------------


def test_working_days_skip_the_holidays_given():
    # Mon 5 Oct 2026 off (National Day week): Fri 2 Oct + 1 working day is Tue 6 Oct
    assert add_working_days(date(2026, 10, 2), 1, {date(2026, 10, 5)}) == date(2026, 10, 6)


@pytest.fixture
def holiday(db):
    Holiday.objects.create(date=date(YEAR, 5, 20), name="公司假日")
    sla.forget_cached_rules()  # the calendar is cached
    yield
    sla.forget_cached_rules()


def test_the_evaluation_is_due_ten_working_days_later_across_a_holiday(
        holiday, make_budget, policies, approved):
    make_budget()
    campaign = approved("marketing2", ("marketing", "30000.00"))
    assert services.sweep(datetime(YEAR, 5, 13, 9, 0, tzinfo=SHANGHAI)) == 1
    evaluation = fresh(campaign).evaluation
    # Wed 13 May + 10 working days, over two weekends and Wed 20 May off: Thu 28 May
    assert evaluation.due == date(YEAR, 5, 28)
    task = open_item(TASK_KIND, evaluation.pk)
    assert task.due == datetime(YEAR, 5, 28, 18, 0, tzinfo=SHANGHAI)
