"""Demo: the marketing department's marketing budget, a campaign finished and evaluated, one
running with a claim drawing on it, one in approval (idempotent)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from core import engine
from core.money import split_evenly
from core.org.models import Department, Region, User
from workflows.contracts.models import Contract, ContractState
from workflows.expenses.models import Budget, BudgetState, Category
from workflows.expenses.services import (
    budget_create,
    budget_submit,
    claim_create,
    claim_submit,
    ledger,
)
from workflows.expenses.steps import BUDGET_KIND, CLAIM_KIND

from . import services
from .models import Campaign
from .steps import EVAL_KIND, KIND

MARKETING_BUDGET = Decimal("1200000.00")  # 100,000.00 a month, the department's own
REGIONAL_BUDGETS = (("east", Decimal("960000.00")),  # 80,000.00 a month each
                    ("south", Decimal("960000.00")))


def _approve_all(kind, obj_id, people):
    req = engine.request_for(kind, obj_id)
    for _i in range(5):
        item = engine.open_items(req).first()
        if item is None:
            return
        approver = next((u for u in people if u.pk in (item.eligible_ids or [])
                         or u.pk == item.assignee_id), None)
        if approver is None:
            return
        engine.task_approve(task_id=item.pk, actor=approver, comment="同意")


def _budget(u, year) -> None:
    """The department's own marketing budget, and one for each of the east and south regions
    (the campaigns of those regions reserve on them)."""
    marketing = Department.objects.get(code="marketing")
    regions = {r.code: r for r in Region.objects.filter(
        code__in=[code for code, _total in REGIONAL_BUDGETS])}
    lines = [(None, MARKETING_BUDGET)] + [(regions[code], total)
                                          for code, total in REGIONAL_BUDGETS if code in regions]
    for region, total in lines:
        if Budget.objects.filter(fiscal_year=year, department=marketing, region=region,
                                 category=Category.MARKETING,
                                 state=BudgetState.IN_FORCE).exists():
            continue
        months = split_evenly(total, 12)
        quarters = [sum(months[q * 3:q * 3 + 3], Decimal("0.00")) for q in range(4)]
        budget = budget_create(actor=u["finance"], fiscal_year=year, department=marketing,
                               category=Category.MARKETING, total=total, region=region,
                               quarters=quarters, months=months, owner=u["marketing"])
        budget_submit(budget_id=budget.pk, actor=u["finance"])
        _approve_all(BUDGET_KIND, budget.pk, [u["gm"], u["ceo"]])


def seed() -> None:
    if Campaign.objects.exists():
        return
    u = {x.username: x for x in User.objects.filter(username__in=[
        "marketing", "marketing2", "gm", "ceo", "finance", "east_mgr"])}
    if len(u) < 6:
        return
    today = timezone.localdate()
    year = today.year
    _budget(u, year)
    approvers = [u["marketing"], u["gm"], u["ceo"]]

    def draft(who, theme, kind, start, days, place, lines, **extra):
        end = start + timedelta(days=days)
        return services.campaign_create(
            actor=u[who], theme=theme, type=kind, start=start, end=end, place=place,
            lines=[{"category": c, "month": start.replace(day=1), "description": d,
                    "amount": Decimal(a)} for c, d, a in lines], **extra)

    # 1. finished: approved, a claim drew on it, ended, evaluated and approved by the GM
    start = max(today.replace(day=1, month=1), today - timedelta(days=40))
    done = draft("marketing2", "华东区新品发布会", "launch", start, 2, "上海国际会议中心",
                 [("marketing", "场地与搭建", "60000.00"), ("marketing", "物料与礼品", "15000.00")],
                 content="发布年度新品，邀请重点客户与渠道商。", audience="华东重点客户、渠道商",
                 regions=[Region.objects.get(code="east").pk],
                 expected_leads=80, expected_attendees=150, expected_value="800000.00")
    services.campaign_submit(campaign_id=done.pk, actor=u["marketing2"])
    _approve_all(KIND, done.pk, approvers)
    _claim_on(u["marketing2"], done.lines.order_by("pk").first(), start, "发布会场地尾款",
              "42000.00")
    services.sweep(timezone.now())
    signed = list(Contract.objects.filter(state=ContractState.SIGNED)
                  .order_by("pk").values_list("pk", flat=True)[:2])
    services.evaluation_save(campaign_id=done.pk, actor=u["marketing2"], leads=64,
                             attendees=138, customers_met=41, contract_ids=signed,
                             lessons="场地偏大，下次控制在 120 人规模；线上预约转化率高。",
                             submit=True)
    evaluation = done.evaluation
    _approve_all(EVAL_KIND, evaluation.pk, [u["gm"]])

    # 2. running: approved, its last day still ahead
    running = draft("marketing2", "华南区客户答谢会", "customer_event",
                    max(today.replace(day=1), today - timedelta(days=2)), 6, "广州白云宾馆",
                    [("marketing", "会场与餐饮", "38000.00"),
                     ("marketing", "客户答谢晚宴", "12000.00")],
                    audience="华南 A 类客户", regions=[Region.objects.get(code="south").pk],
                    expected_leads=30, expected_attendees=60,
                    expected_value="500000.00")
    services.campaign_submit(campaign_id=running.pk, actor=u["marketing2"])
    _approve_all(KIND, running.pk, approvers)

    # 3. in approval: marketing's head approved, the sales GM has it
    upcoming = draft("east_mgr", "华东区行业展会参展", "trade_show",
                     today + timedelta(days=20), 3, "杭州国际博览中心",
                     [("marketing", "展位费", "45000.00"), ("travel", "参展人员差旅", "8000.00")],
                     audience="制造业采购负责人", expected_leads=120, expected_attendees=400,
                     expected_value="1200000.00")
    services.campaign_submit(campaign_id=upcoming.pk, actor=u["east_mgr"])
    req = engine.request_for(KIND, upcoming.pk)
    item = engine.open_items(req).first()
    if item is not None and u["marketing"].pk in (item.eligible_ids or []):
        engine.task_approve(task_id=item.pk, actor=u["marketing"], comment="同意参展")


def _claim_on(actor, line, day, title, amount) -> None:
    """A marketing claim that names the campaign line's budget hold (drawn on first)."""
    if line is None:
        return
    hold = ledger.holds([line.hold_ref]).get(line.hold_ref)
    if hold is None:
        return
    claim = claim_create(actor=actor, category=line.category, title=title, expense_date=day,
                         lines=[{"date": day, "item_type": "other", "description": title,
                                 "amount": amount}], hold_id=hold.pk)
    claim_submit(claim_id=claim.pk, actor=actor)
    req = engine.request_for(CLAIM_KIND, claim.pk)
    # the chain, then finance's voucher review: the payment job (the Celery worker of
    # `make run`) pays it, and the campaign line shows it spent
    for _i in range(6):
        item = engine.open_items(req).first()
        if item is None:
            return
        holder = item.assignee or item.candidates.first()
        engine.task_approve(task_id=item.pk, actor=holder, comment="同意")
