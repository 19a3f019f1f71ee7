"""Demo: twelve customers rated A to D in the three regions and a year of contracts in every
state, made by the services (the same rules as real use): credit breaches, a return and
resubmission, an amendment, and signed contracts whose deliveries, invoices and collections
were done on time, late, or are overdue (some by more than 30 days: credit alerts).

Each contract's story runs on the clock of its own past (time-machine, a development
dependency), all stories interleaved in time order, so dates, review times and the audit trail
agree. Without time-machine the same stories happen today.
"""

import heapq
import random
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core import engine
from core.org.models import Region, User

from .models import Customer, Product
from .rules import UNITS_EN
from .steps import KIND

# The catalogue: code, name zh, name en, category, unit, list price (CNY)
PRODUCTS = [
    ("CNC-V5", "五轴立式加工中心", "5-axis vertical machining centre", "设备 Machines", "台",
     "420000.00"),
    ("ROB-A6", "六轴工业机器人", "6-axis industrial robot", "设备 Machines", "台", "185000.00"),
    ("SRV-R2", "机架式服务器", "Rack server", "设备 Machines", "台", "68000.00"),
    ("PRT-KIT", "精密备件包", "Precision spare parts kit", "备件 Parts", "套", "12000.00"),
    ("MAT-STL", "结构钢材", "Structural steel", "材料 Materials", "吨", "4800.00"),
    ("SW-LIC", "工业软件许可", "Industrial software licence", "软件 Software", "套", "36000.00"),
    ("SVC-MNT", "年度维保服务", "Annual maintenance service", "服务 Services", "年", "60000.00"),
    ("SVC-IMP", "实施与集成服务", "Implementation and integration", "服务 Services", "项",
     "1.00"),
]
# Which product a contract title sells most of (the first keyword found), else parts.
MAIN_PRODUCT = [("机器人", "ROB-A6"), ("产线", "ROB-A6"), ("加工", "CNC-V5"), ("模具", "CNC-V5"),
                ("服务器", "SRV-R2"), ("数据中心", "SRV-R2"), ("计算", "SRV-R2"),
                ("软件", "SW-LIC"), ("信息化", "SW-LIC"), ("系统", "SW-LIC"),
                ("钢", "MAT-STL"), ("建材", "MAT-STL"), ("物资", "MAT-STL"),
                ("维保", "SVC-MNT"), ("运维", "SVC-MNT"), ("服务", "SVC-MNT")]


def seed_products() -> dict[str, Product]:
    made = {}
    for code, zh, en, category, unit, price in PRODUCTS:
        made[code], _created = Product.objects.get_or_create(code=code, defaults={
            "name_zh": zh, "name_en": en, "category": category, "unit": unit,
            "unit_en": UNITS_EN.get(unit, ""),
            "list_price": Decimal(price)})
    return made


def demo_lines(title: str, value: Decimal) -> list[dict]:
    """Lines adding up to exactly `value`: as many of the title's main product as about 80 %
    of the value buys at list price, the rest as implementation and integration work."""
    code = next((c for word, c in MAIN_PRODUCT if word in title), "PRT-KIT")
    price = Decimal(next(p[5] for p in PRODUCTS if p[0] == code))
    quantity = max(int(value * Decimal("0.8") / price), 1)
    if quantity * price > value:
        return [{"product": code, "quantity": 1, "unit_price": value}]
    lines = [{"product": code, "quantity": quantity, "unit_price": price}]
    rest = value - quantity * price
    if rest:
        lines.append({"product": "SVC-IMP", "quantity": 1, "unit_price": rest})
    return lines

# name, credit code (check character recomputed), region, account owner, rating, credit limit
CUSTOMERS = {
    "e_a1": ("华东精密制造有限公司", "91350100M000100Y43", "east", "east_rep1", "A", "3000000"),
    "e_b": ("江南电子科技股份有限公司", "91110000600037341L", "east", "east_rep2", "B", "1500000"),
    "e_c": ("宁波港航物资有限公司", "913302007000000010", "east", "east_rep3", "C", "500000"),
    "e_a2": ("苏州智造装备有限公司", "913205007000000020", "east", "east_rep1", "A", "4000000"),
    "s_c": ("岭南建材集团有限公司", "91440300MA5DC0EN2R", "south", "south_rep1", "C", "400000"),
    "s_a": ("深圳云联科技有限公司", "914403007000000030", "south", "south_rep1", "A", "3000000"),
    "s_b": ("广州海珠医疗器械公司", "914401007000000040", "south", "south_rep2", "B", "1200000"),
    "s_d": ("东莞小五金制品厂", "914419007000000050", "south", "south_rep2", "D", "80000"),
    "n_d": ("北方物流有限公司", "911201167303652396", "north", "north_rep1", "D", "100000"),
    "n_b": ("天津港机械设备有限公司", "911201007000000060", "north", "north_rep1", "B", "1500000"),
    "n_a": ("北京中关村软件有限公司", "911101087000000070", "north", "north_rep2", "A", "2500000"),
    "n_c": ("河北钢构工程有限公司", "911301007000000080", "north", "north_rep2", "C", "300000"),
}

# days ago, customer, title, value, payment terms (days), outcome, collections
#   outcomes: signed, rejected@<step>, returned, resubmitted (returned by legal, then signed),
#   withdrawn, review@<step> (still waiting there), draft, amend@<days ago> (signed, amended
#   then, the amendment signed), amending (signed, an amendment waiting at regional review)
#   collections: on_time, late (the second one), overdue (the second one never collected)
CONTRACTS = [
    (350, "e_a1", "年度精密部件供货合同", "860000", 60, "signed", "on_time"),
    (338, "s_a", "云平台服务器采购合同", "1350000", 60, "signed", "on_time"),
    (326, "n_b", "港口机械配件合同", "420000", 45, "signed", "late"),
    (315, "e_b", "智能终端代工合同（一期）", "380000", 60, "signed", "on_time"),
    (305, "s_b", "医疗器械分销合同", "260000", 60, "rejected@legal_review", ""),
    (296, "n_a", "软件许可及实施合同", "640000", 90, "signed", "late"),
    (284, "e_c", "港航物资供应合同", "210000", 30, "signed", "overdue"),
    (270, "s_c", "岭南建材项目供货合同", "650000", 90, "signed", "overdue"),  # breach
    (262, "e_a2", "自动化产线改造合同", "1800000", 90, "amend@120", "on_time"),
    (250, "n_d", "北方物流运输合同", "90000", 0, "signed", "on_time"),
    (240, "e_a1", "售后服务合同", "150000", 30, "withdrawn", ""),
    (228, "s_a", "数据中心运维合同", "480000", 60, "signed", "late"),
    (215, "n_c", "钢结构加工合同", "260000", 30, "signed", "overdue"),
    (205, "e_b", "电子元件采购合同", "320000", 60, "resubmitted", "on_time"),
    (190, "s_d", "五金配件订单", "60000", 30, "signed", "late"),  # breach: rating D
    (178, "n_b", "起重设备维保合同", "300000", 60, "rejected@regional_review", ""),
    (165, "e_a1", "精密模具开发合同", "720000", 60, "signed", "on_time"),
    (150, "s_b", "医用耗材年度合同", "350000", 60, "signed", "overdue"),
    (140, "n_a", "信息化咨询合同", "280000", 60, "signed", "on_time"),
    (128, "e_c", "仓储物资补充协议", "180000", 45, "rejected@credit_review", ""),  # breach
    (110, "s_c", "岭南建材二期供货合同", "300000", 30, "withdrawn", ""),
    (95, "e_a2", "机器人集成合同", "960000", 90, "amending", "on_time"),
    (85, "n_d", "冷链运输合同", "120000", 30, "signed", "overdue"),  # breach: D, over limit
    (70, "s_a", "边缘计算设备合同", "560000", 60, "signed", "overdue"),  # a few days
    (60, "e_b", "智能终端代工合同（二期）", "450000", 60, "signed", "on_time"),
    (48, "n_b", "港机备件框架合同", "380000", 60, "signed", "on_time"),
    (35, "n_c", "钢构厂房合同", "240000", 30, "returned", ""),
    (25, "e_a1", "华东区域年度框架协议", "1600000", 90, "signed", "on_time"),
    (14, "s_b", "影像设备采购合同", "420000", 60, "review@sales_gm", ""),
    (9, "e_c", "港口物资年度合同", "520000", 60, "review@sales_gm", ""),  # breach
    (6, "n_a", "系统集成合同", "750000", 60, "review@legal_review", ""),
    (3, "s_c", "岭南建材补充协议", "120000", 30, "review@regional_review", ""),
    (1, "e_b", "售后维保合同", "90000", 60, "draft", ""),
    (0, "n_d", "城际配送合同", "50000", 0, "draft", ""),
]


@contextmanager
def _clock(start: datetime):
    """Yields move_to(when): travels there with time-machine, or does nothing without it."""
    try:
        import time_machine
    except ImportError:  # a runtime-only install: the stories happen now
        yield lambda when: None
        return
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller.move_to


def _play(stories, move_to) -> None:
    """Run generator stories in time order; each yields when it next acts."""
    queue = []
    for i, story in enumerate(stories):
        first = next(story, None)
        if first is not None:
            queue.append((first, i, story))
    heapq.heapify(queue)
    while queue:
        when, i, story = heapq.heappop(queue)
        move_to(when)
        following = next(story, None)
        if following is not None:
            heapq.heappush(queue, (max(following, when), i, story))


def seed() -> None:
    """The demo's customers and contract history, then this month's customer classification
    (what the sweep would do on its first run of the month), so each customer has its class
    A/B/C; seeding again adds nothing and classifies no one twice in a month."""
    _seed_history()
    from .services import classification_sweep

    classification_sweep()


def _seed_history() -> None:
    if Customer.objects.exists():
        return
    from .rules import uscc_check_char
    from .services import (
        collections_sweep,
        contract_amend,
        contract_create,
        contract_submit,
        credit_limit_decide,
        credit_limit_request,
        customer_create,
        milestone_add,
        milestone_done,
    )

    seed_products()
    u = {x.username: x for x in User.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    now = timezone.now()
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    # The same demo every time; demo data, not security.
    rng = random.Random(20260101)  # nosec B311
    customers = {}
    for key, (name, code, region, owner, rating, limit) in CUSTOMERS.items():
        code = code[:17] + uscc_check_char(code[:17])
        # finance opens the account after its credit assessment; the salesperson owns it
        c = customer_create(actor=u["finance"], name=name, credit_code=code,
                            region=regions[region], account_owner=u[owner], rating=rating)
        change = credit_limit_request(customer_id=c.pk, actor=u[owner], new_limit=limit,
                                      reason="年度信用评估")
        credit_limit_decide(change_id=change.pk, actor=u["finance"], approve=True,
                            comment="按评级核定")
        customers[key] = c

    def open_items(contract):
        return list(engine.open_items(engine.request_for(KIND, contract.pk)).order_by("pk"))

    def holder(item):
        return item.assignee or item.candidates.order_by("pk").first()

    def later(hours_lo, hours_hi):
        return timezone.now() + timedelta(hours=rng.uniform(hours_lo, hours_hi))

    def review(contract, *, stop_at=None):
        """Each open step decided a few hours to two days after the last."""
        while True:
            items = open_items(contract)
            if not items or (stop_at and any(i.step_code == stop_at for i in items)):
                return
            for item in items:
                yield later(3, 46)
                engine.task_approve(task_id=item.pk, actor=holder(item), comment="同意")

    def decide_at(contract, step, how, reason):
        yield from review(contract, stop_at=step)
        yield later(3, 30)
        item = next(i for i in open_items(contract) if i.step_code == step)
        how(task_id=item.pk, actor=holder(item), reason=reason)

    def execute(contract, owner, value, terms, collections):
        """Delivery, invoice and two collections (60 % / 40 %) after signing; the last
        collection already due is the late or never collected one."""
        signed = timezone.localdate()
        first = (value * Decimal("0.6")).quantize(Decimal("0.01"))
        due = signed + timedelta(days=max(terms, 15))
        plan = [["delivery", Decimal(0), signed + timedelta(days=10), -2],
                ["invoice", value, signed + timedelta(days=14), 0],
                ["collection", first, due, -3],
                ["collection", value - first, due + timedelta(days=60), -1]]
        past = [row for row in plan if row[0] == "collection" and row[2] < today]
        if past and collections != "on_time":
            past[-1][3] = 12 if collections == "late" else None
        made = [(milestone_add(contract_id=contract.pk, actor=u[owner], kind=kind, amount=amount,
                               due_date=due), due, shift) for kind, amount, due, shift in plan]
        for milestone, due, shift in sorted(made, key=lambda m: m[1]):
            if shift is None or due + timedelta(days=shift) >= today:
                continue  # never collected, or not done yet
            done_on = due + timedelta(days=shift)
            yield datetime.combine(done_on, time(10, 30), tz)
            milestone_done(milestone_id=milestone.pk, actor=u["finance"], done_date=done_on)

    def story(days_ago, key, title, value, terms, outcome, collections):
        customer = customers[key]
        owner = CUSTOMERS[key][3]
        start = datetime.combine(today - timedelta(days=days_ago), time(9, 0), tz)
        yield min(start + timedelta(minutes=rng.randint(0, 420)), now)
        value = Decimal(value)
        contract = contract_create(actor=u[owner], customer=customer, title=title,
                                   lines=demo_lines(title, value),
                                   payment_terms_days=terms, delivery_terms="货到验收后30日内",
                                   key_clauses="质保一年；违约金5%")
        if outcome == "draft":
            return
        yield later(1, 6)
        contract_submit(contract_id=contract.pk, actor=u[owner])
        step = outcome.partition("@")[2]
        if outcome.startswith("review@"):
            yield from review(contract, stop_at=step)
        elif outcome.startswith("rejected@"):
            yield from decide_at(contract, step, engine.task_reject, "条款或信用不符合要求")
        elif outcome == "returned":
            yield from decide_at(contract, "regional_review", engine.task_return, "请补充交付条款")
        elif outcome == "withdrawn":
            yield later(20, 60)
            req = engine.request_for(KIND, contract.pk)
            engine.request_withdraw(request_id=req.pk, actor=u[owner], reason="客户暂缓采购")
        else:
            if outcome == "resubmitted":
                yield from decide_at(contract, "legal_review", engine.task_return,
                                     "违约条款需对等")
                yield later(24, 72)
                req = engine.request_for(KIND, contract.pk)
                engine.request_resubmit(request_id=req.pk, actor=u[owner], comment="已修改条款")
            yield from review(contract)
            if not outcome.startswith("amend"):
                yield from execute(contract, owner, value, terms, collections)
                return
            when = (datetime.combine(today - timedelta(days=int(step)), time(9, 0), tz) if step
                    else now - timedelta(days=2))

            def amend():
                # Milestones still open move to the amendment when it is signed.
                yield when
                amendment = contract_amend(contract_id=contract.pk, actor=u[owner],
                                           reason="追加采购数量", lines=[
                                               *demo_lines(title, value),
                                               {"product": "PRT-KIT", "quantity": 10,
                                                "unit_price": "12000", "discount": "5"},
                                               {"product": "SVC-MNT", "quantity": 1,
                                                "unit_price": "36000"}])
                yield later(1, 4)
                contract_submit(contract_id=amendment.pk, actor=u[owner])
                yield from review(amendment, stop_at=None if step else "regional_review")

            amended = False
            for moment in execute(contract, owner, value, terms, collections):
                if not amended and moment >= when:
                    amended = True
                    yield from amend()
                yield moment
            if not amended:
                yield from amend()

    # One transaction: all or nothing, and one commit instead of a thousand (SQLite fsyncs each).
    with transaction.atomic(), _clock(now - timedelta(days=400)) as move_to:
        _play([story(*row) for row in CONTRACTS], move_to)
    collections_sweep()
