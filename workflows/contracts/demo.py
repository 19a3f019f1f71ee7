"""Demo: customers across ratings, contracts in every state, a credit breach, milestones with
an overdue collection (which raises a credit alert)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from core.org.models import Region, User

from .models import Customer

CUSTOMERS = [
    # name, credit code (valid check digit), region, owner, rating, credit limit
    ("华东精密制造有限公司", "91350100M000100Y43", "east", "east_rep1", "A", "3000000"),
    ("江南电子科技股份有限公司", "91110000600037341L", "east", "east_rep2", "B", "1200000"),
    ("岭南建材集团有限公司", "91440300MA5DC0EN2R", "south", "south_rep1", "C", "400000"),
    ("北方物流有限公司", "911201167303652396", "north", "north_rep1", "D", "100000"),
]


def seed() -> None:
    if Customer.objects.exists():
        return
    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem

    from .rules import uscc_check_char
    from .services import (
        collections_sweep,
        contract_create,
        contract_submit,
        customer_create,
        milestone_add,
        milestone_done,
    )

    u = {x.username: x for x in User.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    customers = []
    for name, code, region, owner, rating, limit in CUSTOMERS:
        code = code[:17] + uscc_check_char(code[:17])  # always a valid check character
        c = customer_create(actor=u[owner], name=name, credit_code=code, region=regions[region],
                            account_owner=u[owner], rating=rating)
        Customer.objects.filter(pk=c.pk).update(credit_limit=Decimal(limit))
        customers.append(Customer.objects.get(pk=c.pk))

    def open_items(contract):
        req = Request.objects.get(kind="contract", object_id=contract.pk)
        return list(WorkItem.objects.filter(request=req, status="open").order_by("pk"))

    def holder(item):
        return item.assignee or item.candidates.order_by("pk").first()

    def make(customer, owner, title, value, terms=30):
        c = contract_create(actor=u[owner], customer=customer, title=title,
                            value=Decimal(value), payment_terms_days=terms,
                            delivery_terms="货到验收后30日内", key_clauses="质保一年；违约金5%")
        contract_submit(contract_id=c.pk, actor=u[owner])
        return c

    def through(contract, *, stop_at=None):
        while True:
            items = open_items(contract)
            if not items or (stop_at and items[0].step_code == stop_at):
                return
            for item in items:
                inbox.task_approve(task_id=item.pk, actor=holder(item), comment="同意")

    a, b, c, d = customers
    # Signed, with milestones: one collection overdue by 45 days raises a credit alert.
    signed = make(a, "east_rep1", "2026年度精密部件供货合同", "860000", terms=60)
    through(signed)
    today = timezone.localdate()
    milestone_add(contract_id=signed.pk, actor=u["east_rep1"], kind="delivery",
                  amount=0, due_date=today - timedelta(days=80))
    milestone_add(contract_id=signed.pk, actor=u["east_rep1"], kind="collection",
                      amount=Decimal("430000"), due_date=today - timedelta(days=45))
    milestone_add(contract_id=signed.pk, actor=u["east_rep1"], kind="collection",
                  amount=Decimal("430000"), due_date=today + timedelta(days=30))
    done = milestone_add(contract_id=signed.pk, actor=u["east_rep1"], kind="invoice",
                         amount=Decimal("860000"), due_date=today - timedelta(days=50))
    milestone_done(milestone_id=done.pk, actor=u["finance"])
    # Large: signed by the CEO.
    through(make(a, "east_rep1", "华东区域年度框架协议", "1800000", terms=90))
    # Waiting at the regional review, at the parallel reviews, at sign-off.
    make(b, "east_rep2", "智能终端代工合同", "520000")
    parallel = make(b, "east_rep2", "电子元件采购合同", "260000")
    through(parallel, stop_at="legal_review")
    sign_off = make(a, "east_rep1", "售后服务合同", "150000")
    through(sign_off, stop_at="sales_gm")
    # A credit breach (rating C, over the limit, long terms): the CEO is added.
    breach = make(c, "south_rep1", "岭南建材项目供货合同", "650000", terms=90)
    through(breach, stop_at="sales_gm")
    # Rejected by legal (finance's review cancelled); returned by the regional manager.
    rejected = make(d, "north_rep1", "北方物流运输合同", "90000")
    through(rejected, stop_at="legal_review")
    legal = next(i for i in open_items(rejected) if i.step_code == "legal_review")
    inbox.task_reject(task_id=legal.pk, actor=u["legal"], reason="违约条款不对等")
    returned = make(c, "south_rep1", "岭南建材补充协议", "120000")
    inbox.task_return(task_id=open_items(returned)[0].pk, actor=u["south_mgr"],
                      reason="请补充交付条款")
    collections_sweep()
