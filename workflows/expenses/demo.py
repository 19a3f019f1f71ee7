"""Demo: this year's approved sales budgets, standards and ~30 claims in every state."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core import engine
from core.org.models import Department, User
from core.uscc import uscc_check_char

from .demo_files import receipt_pdf, receipt_png
from .models import (
    Budget,
    Category,
    CategoryPolicy,
    CityTier,
    ExpenseClaim,
    ItemType,
    OverBudget,
    OverStandard,
    ReimbursementStandard,
    TravelClass,
    VoucherKind,
    VoucherRequirement,
)
from .rules import even_split
from .services import budget_create, budget_submit, claim_create, claim_submit, vouchers
from .steps import BUDGET_KIND, CLAIM_KIND

BUDGETS = {
    Category.PERSONNEL: "2400000.00",
    Category.MARKETING: "1200000.00",
    Category.TRAVEL: "600000.00",
    Category.ENTERTAINMENT: "360000.00",
    Category.OTHER: "120000.00",
}
STANDARDS = [
    (ItemType.HOTEL, CityTier.TIER1, 1, 5, "500", OverStandard.REFUSE, "一线城市住宿"),
    (ItemType.HOTEL, CityTier.TIER1, 6, 99, "800", OverStandard.REFUSE, "一线城市住宿（经理级）"),
    (ItemType.HOTEL, CityTier.TIER2, 1, 5, "400", OverStandard.REFUSE, "二线城市住宿"),
    (ItemType.HOTEL, CityTier.TIER2, 6, 99, "600", OverStandard.REFUSE, "二线城市住宿（经理级）"),
    (ItemType.HOTEL, CityTier.OTHER, 1, 99, "300", OverStandard.REFUSE, "其他城市住宿"),
    (ItemType.MEALS, "", 1, 5, "100", OverStandard.REFUSE, "伙食补助/天"),
    (ItemType.MEALS, "", 6, 99, "150", OverStandard.REFUSE, "伙食补助/天（经理级）"),
    (ItemType.ENTERTAINMENT, "", 1, 99, "200", OverStandard.EXTRA_APPROVAL, "业务招待/人"),
]
# Travel class by grade: staff economy / second class, managers up to business class.
CLASS_STANDARDS = [
    (1, 5, TravelClass.ECONOMY, OverStandard.REFUSE, "交通：飞机经济舱、高铁二等座"),
    (6, 99, TravelClass.BUSINESS, OverStandard.EXTRA_APPROVAL, "交通：经理级可乘商务舱"),
]

# The vouchers each item needs (policy 7(三)1); a row's kinds are alternatives.
REQUIREMENTS = [
    (ItemType.HOTEL, [VoucherKind.INVOICE], "住宿发票"),
    (ItemType.HOTEL, [VoucherKind.FOLIO], "酒店水单"),
    (ItemType.TRANSPORT, [VoucherKind.TICKET, VoucherKind.INVOICE], "车票、登机牌或发票"),
    (ItemType.ENTERTAINMENT, [VoucherKind.INVOICE], "餐饮发票"),
    (ItemType.ENTERTAINMENT, [VoucherKind.GUEST_LIST], "宾客名单"),
]
SELLERS = [("上海锦江酒店有限公司", "91310115MA1H7X2K3"),  # the first 17 characters
           ("杭州快行出租汽车有限公司", "91330100MA27Y3LQ4"),
           ("深圳粤海餐饮管理有限公司", "91440300MA5FAB2C1")]

FILE_NAMES = {VoucherKind.INVOICE: "发票", VoucherKind.FOLIO: "酒店水单",
              VoucherKind.TICKET: "车票", VoucherKind.GUEST_LIST: "宾客名单",
              VoucherKind.OTHER: "单据"}


class _Receipts:
    """Adds each demo line's required vouchers, with digital invoices in the company's name."""

    def __init__(self, year: int):
        self.year = year
        self.n = 0

    def invoice_number(self) -> str:
        self.n += 1
        return f"{self.year % 100:02d}44{self.n:016d}"

    def add(self, claim, line, kind, *, number: str = ""):
        self.n += 1
        name = f"{FILE_NAMES[kind]}-{self.n}"
        invoice = vouchers.InvoiceData()
        if kind == VoucherKind.INVOICE:
            seller, first17 = SELLERS[self.n % len(SELLERS)]
            number = number or self.invoice_number()
            invoice = vouchers.InvoiceData(
                invoice_type="digital", invoice_number=number,
                invoice_date=min(line.date, timezone.localdate()),
                invoice_amount=line.amount, seller_name=seller,
                seller_code=first17 + uscc_check_char(first17),
                buyer_name=settings.COMPANY_NAME, buyer_code=settings.COMPANY_CREDIT_CODE)
            upload = SimpleUploadedFile(f"{name}.pdf", receipt_pdf(f"Invoice No. {number}"),
                                        "application/pdf")
        else:
            upload = SimpleUploadedFile(f"{name}.png", receipt_png(self.n), "image/png")
        return vouchers.receipt_add(claim_id=claim.pk, actor=claim.submitter, line_id=line.pk,
                                    kind=kind, upload=upload, invoice=invoice)

    def complete(self, claim):
        needs = vouchers.requirements(claim.category)
        for line in claim.lines.order_by("pk"):
            for kinds in needs.get(line.item_type, []):
                self.add(claim, line, kinds[-1] if VoucherKind.INVOICE in kinds else kinds[0])


def seed() -> None:
    for item, tier, lo, hi, cap, action, note in STANDARDS:
        ReimbursementStandard.objects.get_or_create(
            item_type=item, city_tier=tier, min_grade=lo, max_grade=hi,
            defaults={"cap": Decimal(cap), "on_excess": action, "note": note})
    for lo, hi, cls, action, note in CLASS_STANDARDS:
        ReimbursementStandard.objects.get_or_create(
            item_type=ItemType.TRANSPORT, city_tier="", min_grade=lo, max_grade=hi,
            defaults={"cap": None, "max_travel_class": cls, "on_excess": action, "note": note})
    for item, kinds, note in REQUIREMENTS:
        VoucherRequirement.objects.get_or_create(item_type=item, category="",
                                                 kinds=[str(k) for k in kinds],
                                                 defaults={"note": note})
    for category in Category.values:
        CategoryPolicy.objects.get_or_create(category=category, defaults={
            "over_budget": OverBudget.EXTRA_APPROVAL
            if category in (Category.MARKETING, Category.ENTERTAINMENT) else OverBudget.BLOCK})
    if Budget.objects.exists():
        return
    u = {x.username: x for x in User.objects.all()}
    sales = Department.objects.get(code="sales")
    year = timezone.localdate().year

    def open_item(kind, obj_id):
        req = engine.request_for(kind, obj_id)
        return engine.open_items(req).first(), req

    for category, total in BUDGETS.items():
        quarters, months = even_split(Decimal(total))
        budget = budget_create(actor=u["finance"], fiscal_year=year, department=sales,
                               category=category, total=total, quarters=quarters,
                               months=months, owner=u["gm"])
        budget_submit(budget_id=budget.pk, actor=u["finance"])
        for approver in ("gm", "ceo"):
            item, _req = open_item(BUDGET_KIND, budget.pk)
            engine.task_approve(task_id=item.pk, actor=u[approver], comment="同意")

    today = timezone.localdate()
    month = today.month

    def claim(who, title, category, lines, day=5, m=None):
        d = date(year, m or month, min(day, 28))
        return claim_create(actor=u[who], category=category, title=title, expense_date=d,
                            lines=[{"date": d, **line} for line in lines])

    receipts = _Receipts(year)

    def submitted(*args, **kwargs):
        c = claim(*args, **kwargs)
        receipts.complete(c)
        claim_submit(claim_id=c.pk, actor=c.submitter)
        return c

    def approve_all(c, until_finance=False, pay=True):
        while True:
            item, req = open_item(CLAIM_KIND, c.pk)
            if item is None:
                return
            if item.step_code == "finance_review":
                if until_finance:
                    return
                engine.task_approve(task_id=item.pk, actor=u["finance_clerk"], comment="凭证齐全")
                return
            holder = item.assignee or item.candidates.first()
            engine.task_approve(task_id=item.pk, actor=holder, comment="同意")

    hotel = {"item_type": ItemType.HOTEL, "city_tier": CityTier.TIER1}
    meals = {"item_type": ItemType.MEALS}
    taxi = {"item_type": ItemType.TRANSPORT}
    guests = {"item_type": ItemType.ENTERTAINMENT}

    # Drafts
    claim("east_rep1", "上海客户拜访差旅（草稿）", Category.TRAVEL,
          [{**hotel, "amount": "480.00", "units": 1, "description": "上海住宿"}])
    claim("south_rep2", "广州展会打车费（草稿）", Category.TRAVEL,
          [{**taxi, "amount": "126.00", "description": "展会往返打车"}])
    claim("north_rep2", "办公用品（草稿）", Category.OTHER,
          [{"item_type": ItemType.OTHER, "amount": "88.00", "description": "文具"}])
    # Waiting for the regional manager
    for who, title, amount in [("east_rep1", "杭州客户拜访", "1260.00"),
                               ("east_rep2", "苏州渠道商会议差旅", "2380.00"),
                               ("south_rep1", "深圳客户答谢餐", "1500.00"),
                               ("north_rep1", "天津项目差旅", "960.00"),
                               ("east_rep3", "宁波样品运费", "430.00"),
                               ("south_rep2", "东莞客户拜访", "720.00")]:
        submitted(who, title, Category.TRAVEL,
                  [{**taxi, "amount": amount, "description": title}], day=3)
    # Over 5,000: waiting for the sales GM after the regional manager
    for who, title, amount in [("east_rep2", "华东区域推广活动物料", "8600.00"),
                               ("south_rep1", "华南经销商大会差旅", "12800.00"),
                               ("north_rep1", "华北重点客户走访", "6400.00")]:
        c = submitted(who, title, Category.TRAVEL,
                      [{**taxi, "amount": amount, "description": title}], day=8)
        item, _r = open_item(CLAIM_KIND, c.pk)
        engine.task_approve(task_id=item.pk, actor=item.assignee, comment="同意")
    # At finance
    for who, title in [("east_rep1", "北京出差住宿"), ("south_rep2", "上海培训差旅"),
                       ("north_rep2", "客户接待工作餐"), ("east_rep3", "季度客户回访")]:
        c = submitted(who, title, Category.TRAVEL,
                      [{**hotel, "amount": "450.00", "units": 1, "description": title},
                       {**meals, "amount": "90.00", "description": "伙食补助"}], day=10)
        approve_all(c, until_finance=True)
    # Paid, spread over the year so far
    for i, who in enumerate(["east_rep1", "east_rep2", "south_rep1", "south_rep2",
                             "north_rep1", "north_rep2", "east_rep3", "east_rep1"]):
        m = max(1, month - i)
        c = submitted(who, f"{m}月差旅报销", Category.TRAVEL,
                      [{**hotel, "amount": "420.00", "units": 1, "description": "住宿"},
                       {**taxi, "amount": f"{180 + 20 * i}.00", "description": "交通"}],
                      day=12, m=m)
        approve_all(c)
    # At finance with an invoice already paid on another person's claim: it was added after
    # submission, so nothing could refuse it; finance's review flags it with that claim.
    paid = ExpenseClaim.objects.filter(submitter=u["east_rep1"], state="paid").first() \
        or ExpenseClaim.objects.filter(state="paid").first()
    used = paid.receipts.exclude(invoice_number="").first() if paid else None
    c = submitted("south_rep1", "广州出差住宿（发票待核）", Category.TRAVEL,
                  [{**hotel, "amount": "420.00", "units": 1, "description": "广州住宿"},
                   {**taxi, "amount": "200.00", "description": "机场往返"}], day=11)
    if used is not None:
        receipts.add(c, c.lines.order_by("pk").last(), VoucherKind.INVOICE,
                     number=used.invoice_number)
    approve_all(c, until_finance=True)
    # Entertainment over the per-guest standard: the sales GM approves too
    c = submitted("east_rep2", "重点客户宴请", Category.ENTERTAINMENT,
                  [{**guests, "amount": "1800.00", "units": 6, "description": "宴请6位客户"}])
    # Returned, rejected, withdrawn
    for who, title in [("south_rep1", "缺少发票的报销"), ("north_rep1", "金额有误的报销")]:
        c = submitted(who, title, Category.TRAVEL,
                      [{**taxi, "amount": "300.00", "description": title}], day=15)
        item, _r = open_item(CLAIM_KIND, c.pk)
        engine.task_return(task_id=item.pk, actor=item.assignee, reason="请补充发票")
    for who, title in [("east_rep3", "私人消费"), ("south_rep2", "不合规的招待")]:
        c = submitted(who, title, Category.TRAVEL,
                      [{**taxi, "amount": "260.00", "description": title}], day=16)
        item, _r = open_item(CLAIM_KIND, c.pk)
        engine.task_reject(task_id=item.pk, actor=item.assignee, reason="不属于公司费用")
    for who, title in [("east_rep1", "重复提交"), ("north_rep2", "提交错了")]:
        c = submitted(who, title, Category.TRAVEL,
                      [{**taxi, "amount": "99.00", "description": title}], day=17)
        req = engine.request_for(CLAIM_KIND, c.pk)
        engine.request_withdraw(request_id=req.pk, actor=c.submitter, reason="重复")
    if ExpenseClaim.objects.count() < 30:
        raise RuntimeError("the expense demo made fewer claims than it should")
