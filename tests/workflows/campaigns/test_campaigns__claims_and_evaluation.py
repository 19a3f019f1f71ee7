"""Claims that name a campaign draw on its held budget first; the campaign page's figures are
the holds'; the sweep ends the campaign and opens its evaluation for the owner, due in ten
working days; the sales GM's approval of it releases what is left."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core import engine
from core.exceptions import InvalidInputError, PermissionDeniedError
from workflows.campaigns import selectors, services
from workflows.campaigns.models import CampaignState, EvaluationState
from workflows.campaigns.rules import add_working_days
from workflows.campaigns.steps import EVAL_KIND, TASK_KIND
from workflows.contracts.models import ContractState
from workflows.expenses.models import BudgetHold, ExpenseClaim, ItemType
from workflows.expenses.services import claim_create, claim_submit, ledger
from workflows.expenses.services.ledger import OverBudgetError

from .conftest import YEAR, approve_chain, balance, fresh, open_item

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def hold_of(campaign, index=0) -> BudgetHold:
    line = campaign.lines.order_by("pk")[index]
    return BudgetHold.objects.get(ref=line.hold_ref)


def claim(personas, hold, amount, *, who="marketing2", category="marketing"):
    when = date(YEAR, 5, 11)
    c = claim_create(actor=personas[who], category=category, title="展台搭建", expense_date=when,
                     lines=[{"date": when, "item_type": ItemType.OTHER, "amount": amount,
                             "description": "展台"}], hold_id=hold.pk if hold else None)
    claim_submit(claim_id=c.pk, actor=personas[who])
    return fresh(c)


def test_a_claim_draws_on_the_campaign_first_and_the_rows_do_not_count_it_twice(
        make_budget, policies, approved, personas):
    make_budget()
    campaign = approved("marketing2", ("marketing", "30000.00"))
    hold = hold_of(campaign)
    c = claim(personas, hold, "12000.00")
    assert balance("M05").reserved == Decimal("30000.00")  # drawn from the hold, not added
    hold = fresh(hold)
    assert (hold.amount, hold.drawn, hold.available) == (
        Decimal("30000.00"), Decimal("12000.00"), Decimal("18000.00"))
    row = selectors.budget_lines(campaign)[0]
    assert (row["planned"], row["in_claims"], row["left"]) == (
        Decimal("30000.00"), Decimal("12000.00"), Decimal("18000.00"))
    # withdrawn: the hold gets it back
    req = engine.request_for("expense", c.pk)
    engine.request_withdraw(request_id=req.pk, actor=personas["marketing2"], reason="重复")
    assert fresh(hold).drawn == 0 and balance("M05").reserved == Decimal("30000.00")


def test_a_claim_over_the_campaigns_remainder_follows_the_budget_rule(
        make_budget, policies, approved, personas):
    make_budget()
    campaign = approved("marketing2", ("marketing", "10000.00"))
    c = claim(personas, hold_of(campaign), "16000.00")
    assert fresh(hold_of(campaign)).drawn == Decimal("10000.00")
    assert c.reservations.get().drawn == Decimal("10000.00")
    # the 6,000.00 beyond the campaign is reserved anew on the month
    assert balance("M05").reserved == Decimal("16000.00")


def test_a_claim_of_another_category_cannot_name_the_line(make_budget, policies, approved,
                                                          personas):
    make_budget()
    campaign = approved("marketing2", ("marketing", "10000.00"))
    with pytest.raises(InvalidInputError) as exc:
        claim(personas, hold_of(campaign), "100.00", category="travel")
    assert "hold" in exc.value.fields


def test_paid_claims_count_as_spent_and_resize_gives_back(make_budget, policies, approved,
                                                         personas):
    make_budget()
    campaign = approved("marketing2", ("marketing", "20000.00"))
    hold = hold_of(campaign)
    c = claim(personas, hold, "8000.00")
    ledger.resize(c, Decimal("5000.00"))  # finance cut it (as claim_reduce_line does)
    assert fresh(hold).drawn == Decimal("5000.00")
    c.approved_total = Decimal("5000.00")
    ledger.spend(c)
    hold = fresh(hold)
    assert (hold.amount, hold.drawn, hold.spent) == (
        Decimal("15000.00"), Decimal("0.00"), Decimal("5000.00"))
    month = balance("M05")
    assert (month.reserved, month.spent) == (Decimal("15000.00"), Decimal("5000.00"))


def test_working_days_skip_weekends():
    assert add_working_days(date(2026, 12, 4), 10) == date(2026, 12, 18)  # Fri -> Fri
    assert add_working_days(date(2026, 12, 5), 1) == date(2026, 12, 7)  # Sat -> Mon


def test_the_sweep_opens_the_evaluation_and_its_approval_releases_the_rest(
        make_budget, policies, approved, personas, signed):
    make_budget()
    campaign = approved("marketing2", ("marketing", "30000.00"), ("marketing", "5000.00"))
    c = claim(personas, hold_of(campaign), "12000.00")
    c.approved_total = c.total
    ledger.spend(c)  # paid
    assert services.sweep(datetime(YEAR, 5, 12, 18, 0, tzinfo=SHANGHAI)) == 0  # last day
    now = datetime(YEAR, 5, 13, 9, 0, tzinfo=SHANGHAI)  # a Wednesday
    assert services.sweep(now) == 1
    assert services.sweep(now) == 0  # idempotent
    campaign = fresh(campaign)
    assert campaign.state == CampaignState.EVALUATING
    evaluation = campaign.evaluation
    assert evaluation.state == EvaluationState.OPEN
    assert evaluation.due == date(YEAR, 5, 27)  # ten working days
    assert engine.request_for(EVAL_KIND, evaluation.pk) is None  # a task first, no request
    assert open_item(TASK_KIND, evaluation.pk).assignee_id == personas["marketing2"].pk
    with pytest.raises(PermissionDeniedError):  # only its owner files it
        services.evaluation_save(campaign_id=campaign.pk, actor=personas["gm"], leads=1,
                                 attendees=1, customers_met=1)
    signed = signed("96000.00")
    assert signed.state == ContractState.SIGNED
    with pytest.raises(InvalidInputError):  # lessons are required to submit
        services.evaluation_save(campaign_id=campaign.pk, actor=personas["marketing2"],
                                 leads=40, attendees=120, customers_met=30,
                                 contract_ids=[signed.pk], submit=True)
    services.evaluation_save(campaign_id=campaign.pk, actor=personas["marketing2"], leads=40,
                             attendees=120, customers_met=30, contract_ids=[signed.pk],
                             lessons="提前两周邀约", submit=True)
    evaluation = fresh(evaluation)
    assert evaluation.state == EvaluationState.SUBMITTED
    assert engine.request_for(EVAL_KIND, evaluation.pk).submitter_id == personas["marketing2"].pk
    assert evaluation.spent == Decimal("12000.00")
    assert evaluation.cost_per_lead == Decimal("300.00")
    assert evaluation.return_on_spend == Decimal("8.00")
    assert balance("M05").reserved == Decimal("23000.00")  # 35,000 held - 12,000 spent
    approve_chain(campaign, personas, kind=EVAL_KIND, obj_id=evaluation.pk)
    assert fresh(evaluation).state == EvaluationState.APPROVED
    assert fresh(campaign).state == CampaignState.CLOSED
    assert balance("M05").reserved == 0 and balance("M05").spent == Decimal("12000.00")
    assert all(h.state == BudgetHold.State.RELEASED for h in BudgetHold.objects.all())
    # a claim naming the released line now draws nothing and reserves on the month
    with pytest.raises(InvalidInputError):
        claim(personas, hold_of(campaign), "100.00")
    assert ExpenseClaim.objects.filter(hold__isnull=False).count() == 1
    assert OverBudgetError  # refused claims are covered by the expenses tests


def test_the_api_names_the_campaign_line_on_a_claim(client, make_budget, policies, approved,
                                                   personas):
    make_budget()
    campaign = approved("marketing2", ("marketing", "9000.00"))
    hold = hold_of(campaign)
    client.force_login(personas["marketing2"])
    body = {"category": "travel", "title": "展台", "expense_date": f"{YEAR}-05-11",
            "hold": hold.pk, "lines": [{"date": f"{YEAR}-05-11", "item_type": "other",
                                        "description": "展台", "amount": "4000.00"}]}
    wrong = client.post("/api/expenses/claims/", body, content_type="application/json")
    assert wrong.status_code == 400 and "hold" in wrong.json()["fields"]
    made = client.post("/api/expenses/claims/", {**body, "category": "marketing"},
                       content_type="application/json")
    assert made.status_code == 201 and made.json()["hold"] == hold.pk
    pk = made.json()["id"]
    assert client.post(f"/api/expenses/claims/{pk}/submit/").status_code == 200
    assert fresh(hold).drawn == Decimal("4000.00")
    cleared = client.patch(f"/api/expenses/claims/{pk}/", {"hold": None},
                           content_type="application/json")
    assert cleared.status_code == 409  # in approval: no longer editable
    assert ExpenseClaim.objects.get(pk=pk).hold_id == hold.pk
