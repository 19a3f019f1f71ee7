"""Demo: open risks of every type and level in every stage of the route, overdue measures (one
escalated twice), a plan returned, a review due, a closed risk, and the credit risks raised by
the contracts demo's overdue collections. Made by the real services; idempotent."""

from datetime import timedelta

from django.utils import timezone

from core import engine
from core.org.models import Region, User

from .models import Measure, Risk, Source

# type, title, description, region, owner, (likelihood, impact) or None, stage
RISKS = [
    ("market", "华东区竞争对手大幅降价", "主要竞争对手在华东区降价约15%，可能导致我方份额下滑。",
     "east", "east_rep1", (4, 4), "plan_submitted"),
    ("credit", "岭南建材应收账款回收风险", "客户信用等级下调为C，账期延长至90天。",
     "south", "south_rep1", (5, 4), "plan_submitted"),
    ("legal", "北方物流合同违约条款不对等", "对方要求单方解约权，违约金条款对我方不利。",
     "north", "north_rep1", (3, 3), "late"),
    ("competition", "新进入者抢占华东中端市场", "两家新品牌以低价进入中端市场。",
     "east", "east_rep2", (2, 2), "monitoring"),
    ("other", "销售系统数据迁移", "旧CRM数据迁移期间可能出现客户信息丢失。",
     "east", "east_rep3", None, "identified"),
    ("market", "华南区原材料涨价传导", "上游原材料涨价，报价需调整。",
     "south", "south_rep2", (3, 2), "returned"),
    ("credit", "重点客户集中度过高", "前三大客户占华北收入60%以上。",
     "north", "north_mgr", (5, 5), "critical_late"),
    ("legal", "展会宣传用语合规", "宣传材料中的“最”字用语需法务确认。",
     "east", "east_rep1", (1, 3), "closed"),
]


def seed() -> None:
    from .services import credit_risks_from_alerts

    credit_risks_from_alerts()  # the contracts demo's overdue collections (idempotent)
    if Risk.objects.filter(source=Source.MANUAL).exists():
        return
    u = {x.username: x for x in User.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    for kind, title, text, region, owner, rating, stage in RISKS:
        _make(u, regions[region], kind, title, text, owner, rating, stage)
    _sweep_until_quiet()


def _make(u, region, kind, title, text, owner, rating, stage) -> Risk:
    from .services import (
        measure_add,
        measure_done,
        plan_submit,
        risk_close,
        risk_create,
    )
    from .services.common import request_of

    actor = u[owner]
    today = timezone.localdate()
    likelihood, impact = rating or (None, None)
    risk = risk_create(actor=actor, type=kind, title=title, description=text, region=region,
                       likelihood=likelihood, impact=impact, comment="初次评估")
    if stage == "identified":
        return risk
    measures = [
        measure_add(risk_id=risk.pk, actor=actor, description=what, owner=u[who],
                    due_date=today + timedelta(days=days))
        for what, who, days in _measures_for(kind, owner)
    ]
    plan_submit(risk_id=risk.pk, actor=actor)

    def task():
        return engine.open_items(request_of(risk)).first()

    def holder(item):
        return item.assignee or item.candidates.order_by("pk").first()

    if stage == "plan_submitted":
        return risk
    if stage == "returned":
        item = task()
        engine.task_return(task_id=item.pk, actor=holder(item),
                          reason="请补充每项措施的量化目标")
        return risk
    if Risk.objects.get(pk=risk.pk).state == "plan_submitted":
        item = task()
        engine.task_approve(task_id=item.pk, actor=holder(item), comment="同意应对方案")
    if stage in ("late", "critical_late"):
        # Due dates in the past (a demo shortcut: the service refuses past dates for new
        # measures); the sweep below escalates them.
        first = measures[0]
        Measure.objects.filter(pk=first.pk).update(
            due_date=today - timedelta(days=10 if stage == "late" else 3))
        if stage == "critical_late":
            week_ago = timezone.now() - timedelta(days=8)
            Risk.objects.filter(pk=risk.pk).update(assessed_at=week_ago)
        return risk
    for m in measures:
        measure_done(measure_id=m.pk, actor=m.owner)
    if stage == "closed":
        risk_close(risk_id=risk.pk, actor=actor, reason="法务已确认用语合规，风险消除")
    return risk


def _measures_for(kind: str, owner: str) -> list[tuple[str, str, int]]:
    lead = {"east_rep1": "east_mgr", "east_rep2": "east_mgr", "east_rep3": "east_mgr",
            "south_rep1": "south_mgr", "south_rep2": "south_mgr", "north_rep1": "north_mgr",
            "north_mgr": "gm"}[owner]
    plans = {
        "market": [("加强市场调研，两周内完成竞品价格分析", owner, 14),
                   ("优化销售策略：重点客户锁价协议", lead, 30)],
        "credit": [("建立客户信用评估体系，按季复核信用等级", "finance", 21),
                   ("加强应收账款管理：逾期30天停止发货", owner, 10)],
        "legal": [("法务复核合同违约条款并提出修改稿", "legal", 7)],
        "competition": [("推出中端产品组合套餐", owner, 20)],
    }
    return plans.get(kind, [("制定应对方案", owner, 14)])


def _sweep_until_quiet() -> None:
    """Escalate the late measures as far as they are late (one level per sweep) and open the
    reviews that are due."""
    from .services import risks_sweep

    for _round in range(4):
        if not risks_sweep():
            return
