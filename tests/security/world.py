"""A small company with one object of each process for east (east_rep1) and for south
(south_rep1), made by the processes' own services, and the table of who may see which object.

The table is written out by hand from the selectors (workflows/*/selectors.py,
core/inbox/selectors.py); test_access__table.py checks the selectors still agree with it, and
the matrix checks every URL against it. Not collected (no test_ prefix)."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from core.inbox import attachments
from core.inbox import services as inbox
from core.inbox.models import Attachment, Request, WorkItem, WorkItemStatus
from core.org.demo import seed_org
from core.org.models import Department, Region, User

# The personas of issue 9 (None: anonymous).
PERSONAS = ("east_rep1", "south_rep1", "north_mgr", "finance", "legal", "auditor", "admin")
EVERYONE = frozenset(PERSONAS)
ALL_READERS = frozenset({"auditor", "admin"})

# A PDF as `filetype` recognises it (by its first bytes).
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = timezone.localdate
YEAR = timezone.localdate().year
NEXT = YEAR + 1

# Who may see each object, from the selectors:
# - claims (expenses.selectors.visible_claim): finance reads every claim; else the claim's
#   request must be visible (its submitter, who act or acted on it and their line managers,
#   auditors and administrators). north_mgr is not east's or south's line manager.
# - the budget (budgets_for): finance, the sales GM, the CEO, auditors, administrators, and a
#   regional manager for their own department (north_mgr is in sales).
# - customers (visible_customers): legal, finance, sales GM, CEO, auditors, administrators;
#   others the customers of their region (or managed regions) and those they own.
# - contracts (visible_contracts): the same readers; others their own, their customers', their
#   managed regions', those whose request they see.
# - plans (visible_plans): the sales GM, the CEO, auditors, administrators; finance the
#   published and superseded plans (read-only, to record actuals); regional managers the plans
#   past the draft with their region's rows; salespeople the published plans with their line;
#   whoever sees the plan's request.
# - risks (visible_risks): the sales GM, the CEO, auditors, administrators; the owner, who
#   identified it, the region's manager, measure owners, whoever sees its request.
# - requests (visible_requests) and their tasks and attachments: the submitter, who act or acted
#   on them, the line managers of the holders, the roles the process names (expenses, budgets:
#   finance; contracts: legal, finance; plans: CEO; risks: sales GM, CEO), auditors, admins.
VISIBLE = {
    "claim_e": {"east_rep1", "finance"} | ALL_READERS,
    "claim_s": {"south_rep1", "finance"} | ALL_READERS,
    "budget": {"north_mgr", "finance"} | ALL_READERS,
    "customer_e": {"east_rep1", "finance", "legal"} | ALL_READERS,
    "customer_s": {"south_rep1", "finance", "legal"} | ALL_READERS,
    "contract_e": {"east_rep1", "finance", "legal"} | ALL_READERS,
    "contract_s": {"south_rep1", "finance", "legal"} | ALL_READERS,
    "plan_pub": {"east_rep1", "south_rep1", "north_mgr", "finance"} | ALL_READERS,
    "plan_draft": set(ALL_READERS),
    "risk_e": {"east_rep1"} | ALL_READERS,
    "risk_s": {"south_rep1"} | ALL_READERS,
    # template requests (workflows.forms.selectors.submission_for): the submitter and whoever
    # sees the request (its approvers are the sales GM and south's manager, not personas)
    "form_e": {"east_rep1"} | ALL_READERS,
    "form_s": {"south_rep1"} | ALL_READERS,
    # campaigns (visible_campaigns): marketing, the sales GM, the CEO, finance, auditors and
    # administrators; others their own, those whose request they act on and, past the draft,
    # those of their region (east_rep1 for an east campaign).
    "campaign_e": {"east_rep1", "finance"} | ALL_READERS,
}
# The request (with its tasks and attachments) of each object.
REQUEST_VISIBLE = {
    "claim_e": {"east_rep1", "finance"} | ALL_READERS,
    "claim_s": {"south_rep1", "finance"} | ALL_READERS,
    "budget": {"finance"} | ALL_READERS,
    "contract_e": {"east_rep1", "finance", "legal"} | ALL_READERS,
    "contract_s": {"south_rep1", "finance", "legal"} | ALL_READERS,
    # north_mgr decided north's confirmation of the published plan.
    "plan_pub": {"north_mgr"} | ALL_READERS,
    "risk_e": {"east_rep1"} | ALL_READERS,
    "risk_s": {"south_rep1"} | ALL_READERS,
    "form_e": {"east_rep1"} | ALL_READERS,
    "form_s": {"south_rep1"} | ALL_READERS,
    # east_mgr submitted it; marketing decides its first step (the process names marketing)
    "campaign_e": set(ALL_READERS),
}
# Objects whose title or name carries their marker (a budget has no free text).
MARKED = tuple(k for k in VISIBLE if k != "budget")
# Objects a list can show, by kind, in the order of VISIBLE.
KINDS = {"claim": ("claim_e", "claim_s"), "budget": ("budget",),
         "customer": ("customer_e", "customer_s"), "contract": ("contract_e", "contract_s"),
         "plan": ("plan_pub", "plan_draft"), "risk": ("risk_e", "risk_s"),
         "campaign": ("campaign_e",)}


def marker(key: str) -> str:
    """A token put in the object's title or name: it appears on a page only with the object."""
    return "SM" + key.upper().replace("_", "") + "X"


def pdf(name: str = "receipt.pdf", body: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def fresh(obj):
    """Re-read a row (protected FSM fields refuse refresh_from_db)."""
    return type(obj).objects.get(pk=obj.pk)


def request_of(kind: str, obj) -> Request:
    return Request.objects.get(kind=kind, object_id=obj.pk)


def open_items(kind: str, obj) -> list[WorkItem]:
    return list(WorkItem.objects.filter(request__kind=kind, request__object_id=obj.pk,
                                        status=WorkItemStatus.OPEN)
                .select_related("task").order_by("pk"))


def holder(item: WorkItem) -> User:
    return item.assignee or item.candidates.order_by("pk").first()


@dataclass
class World:
    users: dict[str, User]
    text: str = ""
    objects: dict[str, object] = field(default_factory=dict)
    requests: dict[str, Request] = field(default_factory=dict)
    tasks: dict[str, list[WorkItem]] = field(default_factory=dict)  # request key -> items
    attachments: dict[str, Attachment] = field(default_factory=dict)  # object key -> one
    extra: dict[str, object] = field(default_factory=dict)

    def pk(self, key: str) -> int:
        return self.objects[key].pk


# --- expenses ---------------------------------------------------------------------------------


def expense_setup() -> None:
    from workflows.expenses.models import Category, CategoryPolicy, OverBudget

    for category in Category.values:
        CategoryPolicy.objects.update_or_create(
            category=category, defaults={"over_budget": OverBudget.EXTRA_APPROVAL})


def make_budget(u, category: str = "travel", total: str = "1200000.00", comment: str = "同意"):
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import budget_create, budget_submit

    quarters, months = even_split(Decimal(total))
    budget = budget_create(actor=u["finance"], fiscal_year=YEAR,
                           department=Department.objects.get(code="sales"), category=category,
                           total=total, quarters=quarters, months=months, owner=u["gm"])
    budget_submit(budget_id=budget.pk, actor=u["finance"])
    for approver in ("gm", "ceo"):
        (item,) = open_items("budget", budget)
        inbox.task_approve(task_id=item.pk, actor=u[approver], comment=comment)
    return fresh(budget)


def claim_day() -> date:
    return TODAY().replace(day=1)


def make_claim(u, who: str, title: str, *, amount: str = "860.00", submit: bool = True,
               purpose: str = "季度回访"):
    from workflows.expenses.services import claim_create, claim_submit

    day = claim_day()
    claim = claim_create(actor=u[who], category="travel", title=title, expense_date=day,
                         purpose=purpose,
                         lines=[{"date": day, "item_type": "transport", "amount": amount,
                                 "description": "高铁往返"}])
    if submit:
        claim_submit(claim_id=claim.pk, actor=u[who])
    return fresh(claim)


def pay_claim(u, claim):
    """Every approval, finance's voucher review and the payment (run on commit)."""
    while True:
        items = open_items("expense", claim)
        if not items:
            break
        (item,) = items
        actor = u["finance_clerk"] if item.step_code == "finance_review" else holder(item)
        with TestCase.captureOnCommitCallbacks(execute=True):
            inbox.task_approve(task_id=item.pk, actor=actor, comment="同意")
    return fresh(claim)


# --- contracts --------------------------------------------------------------------------------

CODES = {"east": "91350100M000100Y43", "south": "91440300MA5DC0EN2B",
         "spare": "91110000600037341L"}


def make_customer(u, region: str, owner: str, name: str, code: str | None = None):
    from workflows.contracts.models import Customer
    from workflows.contracts.services import customer_create

    customer = customer_create(actor=u[owner], name=name, credit_code=code or CODES[region],
                               region=Region.objects.get(code=region), account_owner=u[owner])
    # finance's assessment and limit, set directly
    Customer.objects.filter(pk=customer.pk).update(rating="A",
                                                   credit_limit=Decimal("5000000.00"))
    return fresh(customer)


def make_contract(u, owner: str, customer, title: str, *, value: str = "500000.00",
                  submit: bool = True, terms: str = "货到验收"):
    from workflows.contracts.services import contract_create, contract_submit

    contract = contract_create(actor=u[owner], customer=customer, title=title,
                               value=Decimal(value), payment_terms_days=30,
                               delivery_terms=terms, key_clauses="质保一年")
    if submit:
        contract_submit(contract_id=contract.pk, actor=u[owner])
    return fresh(contract)


def sign(u, contract, comment: str = "同意"):
    while True:
        items = open_items("contract", contract)
        if not items:
            return fresh(contract)
        for item in items:
            inbox.task_approve(task_id=item.pk, actor=holder(item), comment=comment)


# --- plans ------------------------------------------------------------------------------------


def make_plan(u, title: str, *, publish: bool = True, year: int = NEXT, comment: str = "同意",
              strategy: str = "深耕华东"):
    from workflows.plans import services

    plan = services.plan_create(actor=u["gm"], fiscal_year=year, target=Decimal("12000000.00"),
                                strategy=strategy, title=title)
    if not publish:
        return fresh(plan)
    services.plan_submit_for_confirmation(plan_id=plan.pk, actor=u["gm"])
    for item in open_items("plan", plan):
        inbox.task_approve(task_id=item.pk, actor=holder(item), comment=comment)
    services.plan_send_to_ceo(plan_id=plan.pk, actor=u["gm"])
    (ceo,) = open_items("plan", plan)
    inbox.task_approve(task_id=ceo.pk, actor=u["ceo"], comment=comment)
    return fresh(plan)


# --- risks ------------------------------------------------------------------------------------


def make_risk(u, owner: str, region: str, title: str, *, description: str = "竞争对手降价15%",
              submit: bool = True):
    from workflows.risks.models import Review
    from workflows.risks.services import measure_add, plan_submit, risk_create

    risk = risk_create(actor=u[owner], type="market", title=title, description=description,
                       likelihood=3, impact=3, region=Region.objects.get(code=region))
    measure = measure_add(risk_id=risk.pk, actor=u[owner], description=f"调研 {description}",
                          owner=u[owner], due_date=TODAY() + timedelta(days=14))
    # A periodic review as the sweep opens it (risks.services.timed.open_review).
    review = Review.objects.create(risk=risk, due_date=TODAY() + timedelta(days=30),
                                   assignee=u[owner])
    if submit:
        plan_submit(risk_id=risk.pk, actor=u[owner])
    return fresh(risk), measure, review


# --- campaigns --------------------------------------------------------------------------------


def make_campaign(u, owner: str, region: str, theme: str, *, content: str = "新品展示"):
    from workflows.campaigns import services

    start = TODAY() + timedelta(days=30)
    campaign = services.campaign_create(
        actor=u[owner], theme=theme, type="trade_show", start=start,
        end=start + timedelta(days=2), place="杭州", content=content,
        regions=[Region.objects.get(code=region).pk],
        lines=[{"category": "marketing", "month": start.replace(day=1), "description": content,
                "amount": Decimal("20000.00")}])
    services.campaign_submit(campaign_id=campaign.pk, actor=u[owner])
    return fresh(campaign)


# --- the world --------------------------------------------------------------------------------


def make_forms(u, t):
    """Two template requests (the shipped headcount and meeting-minutes templates)."""
    from workflows.forms import demo, services

    demo.install(u["admin"])
    tpl = {x.code: x for x in services.FormTemplate.objects.all()}
    form_e = services.submission_submit(
        actor=u["east_rep1"], template_id=tpl["headcount"].pk,
        values={"position": t("销售代表", "form_e")[:200], "level": "staff", "headcount": 1,
                "requirements": t("三年经验")})
    form_s = services.submission_submit(
        actor=u["south_rep1"], template_id=tpl["minutes"].pk,
        values={"topic": t("例会", "form_s")[:200], "held_on": str(TODAY()),
                "minutes": t("纪要"), "actions": [{"item": t("回款")[:200],
                                                   "owner": u["south_rep2"].pk,
                                                   "due": str(TODAY())}]})
    return form_e, form_s


def build_world(text: str = "") -> World:
    """The world; `text` (hostile content) goes into every free text: titles, names,
    descriptions, terms, comments, reasons and file names."""
    cache.clear()  # core.inbox.sla caches rules for a minute
    u = seed_org()
    w = World(users=u, text=text)
    o = w.objects

    def t(base: str, key: str = "") -> str:
        return " ".join(x for x in (base, marker(key) if key else "", text) if x)

    expense_setup()
    o["budget"] = make_budget(u, comment=t("同意"))
    o["claim_e"] = make_claim(u, "east_rep1", t("上海客户拜访", "claim_e"), purpose=t("回访"))
    o["claim_s"] = make_claim(u, "south_rep1", t("深圳客户答谢", "claim_s"), purpose=t("答谢"))
    o["customer_e"] = make_customer(u, "east", "east_rep1", t("华东精密", "customer_e"))
    o["customer_s"] = make_customer(u, "south", "south_rep1", t("岭南建材", "customer_s"))
    contract_e = make_contract(u, "east_rep1", o["customer_e"], t("年度供货合同", "contract_e"),
                               terms=t("货到验收"))
    o["contract_s"] = make_contract(u, "south_rep1", o["customer_s"],
                                    t("服务器采购", "contract_s"), terms=t("货到验收"))
    o["plan_pub"] = make_plan(u, t("年度销售计划", "plan_pub"), comment=t("同意"),
                              strategy=t("深耕华东"))
    o["plan_draft"] = make_plan(u, t("草稿计划", "plan_draft"), publish=False, year=NEXT + 1,
                                strategy=t("深耕华东"))
    o["risk_e"], w.extra["measure_e"], w.extra["review_e"] = make_risk(
        u, "east_rep1", "east", t("华东价格战", "risk_e"), description=t("竞争对手降价15%"))
    o["risk_s"], w.extra["measure_s"], w.extra["review_s"] = make_risk(
        u, "south_rep1", "south", t("华南涨价", "risk_s"), description=t("原材料涨价"))

    o["campaign_e"] = make_campaign(u, "east_mgr", "east", t("华东展会", "campaign_e"),
                                    content=t("新品展示"))

    # Documents while the reviews are open: receipts and contract documents.
    for key, kind, who in (("claim_e", "expense", "east_rep1"), ("claim_s", "expense",
                                                                  "south_rep1"),
                           ("contract_e", "contract", "east_rep1"),
                           ("contract_s", "contract", "south_rep1")):
        obj = contract_e if key == "contract_e" else o[key]
        req = request_of(kind, obj)
        w.attachments[key] = attachments.attachment_add(
            request_id=req.pk, actor=u[who], upload=pdf(f"{marker(key)}{text}.pdf"))

    from workflows.contracts.services import (
        credit_limit_request,
        milestone_add,
        problem_raise,
    )

    o["contract_e"] = sign(u, contract_e, comment=t("同意"))
    w.extra["milestone_e"] = milestone_add(
        contract_id=contract_e.pk, actor=u["east_rep1"], kind="delivery", amount=Decimal(0),
        due_date=TODAY() + timedelta(days=10))
    w.extra["problem_e"] = problem_raise(contract_id=contract_e.pk, actor=u["east_rep1"],
                                         description=t("交付延迟"), assignee=u["east_rep1"])
    w.extra["change_e"] = credit_limit_request(customer_id=o["customer_e"].pk,
                                               actor=u["east_rep1"],
                                               new_limit=Decimal("6000000.00"),
                                               reason=t("扩大合作"))
    w.extra["line_e"] = o["claim_e"].lines.order_by("pk").first()
    w.extra["line_s"] = o["claim_s"].lines.order_by("pk").first()
    # Each claim's receipt is also a voucher of its first line (rows written directly: the
    # claims are in approval already), its texts carrying the hostile text.
    from workflows.expenses.models import Receipt

    for key, side in (("claim_e", "e"), ("claim_s", "s")):
        att = w.attachments[key]
        w.extra[f"receipt_{side}"] = Receipt.objects.create(
            claim=o[key], line=w.extra[f"line_{side}"], attachment=att, kind="other",
            sha256=att.sha256, added_by=att.uploaded_by, seller_name=t("供应商"),
            reject_reason=t("理由"))

    o["form_e"], o["form_s"] = make_forms(u, t)

    # east_rep1's out-of-office, not begun yet (so it routes nothing): only they may cancel it
    from core.org import out_of_office

    w.extra["absence"] = out_of_office.set_out_of_office(
        u["east_rep1"], out_of_office.OutOfOffice(
            deputy=u["east_mgr"], starts_on=TODAY() + timedelta(days=60),
            ends_on=TODAY() + timedelta(days=62), kinds=[], reason=t("休假")[:200]))

    kinds = {"form_e": "form", "form_s": "form",
             "claim_e": "expense", "claim_s": "expense", "budget": "budget",
             "contract_e": "contract", "contract_s": "contract", "plan_pub": "plan",
             "risk_e": "risk", "risk_s": "risk", "campaign_e": "campaign"}
    for key, kind in kinds.items():
        w.requests[key] = request_of(kind, o[key])
        w.tasks[key] = list(WorkItem.objects.filter(request=w.requests[key]).order_by("pk"))
    # one sample drawn on the auditor's workbench (its page: auditors only)
    from django.utils import timezone

    from core.inbox import workbench

    today = timezone.localdate()
    w.extra["sample"] = workbench.draw_sample(actor=u["auditor"], kind="expense", since=today,
                                              until=today, n=2, seed=t("种子")[:60]).event
    # one archived sales report with one file (rows only: rendering is not what is tested here)
    from django.core.files.base import ContentFile

    from workflows.reports.models import ReportFile, SalesReport

    report = SalesReport.objects.create(key="scheduled:2026-11", trigger="scheduled",
                                        period_start=date(2026, 11, 1),
                                        period_end=date(2026, 11, 30))
    rf = ReportFile(report=report, language="en", format="pdf", token="t" * 32, size=len(PDF),
                    sha256="0" * 64)
    rf.file.save("t.pdf", ContentFile(PDF), save=False)
    rf.save()
    w.extra["report"] = report
    cache.clear()
    return w
