from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core import engine
from core.audit import services as audit
from core.exceptions import ReadOnlyRoleError
from core.org import selectors as org
from core.org.models import User

from .models import DemoRequest, DemoState
from .steps import KIND


@transaction.atomic
def demo_submit(*, actor: User, title: str, amount: Decimal, cc=()) -> DemoRequest:
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    obj = DemoRequest.objects.create(title=title, amount=amount, submitter=actor)
    obj.number = f"DEMO-{obj.pk:05d}"
    obj.submit()
    obj.save()
    engine.submit(kind=KIND, obj=obj, submitter=actor, title=title, amount=amount,
                  number=obj.number, cc=cc)
    audit.record(actor=actor, subject=obj, event="demo.submitted",
                 from_state=DemoState.DRAFT, to_state=DemoState.SUBMITTED)
    return obj


def _locked(request) -> DemoRequest:
    return DemoRequest.objects.select_for_update().get(pk=request.object_id)


def on_decision(request, item, decision, decider, comment) -> engine.Transition | None:
    obj = _locked(request)
    before = obj.state
    if decision == engine.Decision.APPROVED and request.step_index >= len(request.chain):
        obj.approve()
    elif decision == engine.Decision.REJECTED:
        obj.reject()
    elif decision == engine.Decision.RETURNED and request.return_to_step is None:
        obj.return_for_revision()
    else:
        return None
    obj.save(update_fields=["state"])
    return engine.Transition(from_state=before, to_state=obj.state)


def on_withdraw(request, actor, reason) -> engine.Transition:
    obj = _locked(request)
    before = obj.state
    obj.withdraw()
    obj.save(update_fields=["state"])
    return engine.Transition(from_state=before, to_state=obj.state)


def on_resubmit(request, actor) -> engine.Transition:
    obj = _locked(request)
    before = obj.state
    obj.resubmit()
    obj.save(update_fields=["state"])
    return engine.Transition(from_state=before, to_state=obj.state)


def seed_demo() -> None:
    """Demo requests in every state, so each page has something real on it (idempotent)."""
    if DemoRequest.objects.exists():
        return
    u = {x.username: x for x in User.objects.filter(username__in=[
        "east_rep1", "east_rep2", "south_rep1", "north_rep1", "east_mgr", "south_mgr",
        "north_mgr", "gm"])}
    if len(u) < 8:
        return

    def submit(who, title, amount):
        obj = demo_submit(actor=u[who], title=title, amount=Decimal(amount))
        return engine.request_for(KIND, obj.pk)

    def open_task(req):
        return engine.open_items(req).first()

    submit("east_rep1", "客户拜访交通费", "860.00")          # waits for east_mgr
    submit("east_rep2", "华东区客户答谢会场地", "12800.00")  # waits for east_mgr, then gm
    req = submit("south_rep1", "展会物料采购", "15800.00")   # approved by south_mgr, waits for gm
    engine.task_approve(task_id=open_task(req).pk, actor=u["south_mgr"], comment="同意")
    req = submit("north_rep1", "北京出差住宿", "2360.00")     # fully approved
    engine.task_approve(task_id=open_task(req).pk, actor=u["north_mgr"], comment="符合标准")
    req = submit("east_rep1", "样品快递费", "420.00")         # returned for revision
    engine.task_return(task_id=open_task(req).pk, actor=u["east_mgr"], reason="请补充快递单号")
    req = submit("south_rep1", "私人餐费", "980.00")          # rejected
    engine.task_reject(task_id=open_task(req).pk, actor=u["south_mgr"], reason="不属于业务招待")
    req = submit("east_rep2", "重复提交的打车费", "65.00")     # withdrawn
    engine.request_withdraw(request_id=req.pk, actor=u["east_rep2"], reason="重复提交")
    req = submit("north_rep1", "渠道拓展差旅", "4200.00")     # overdue: escalated to gm
    engine.open_items(req).update(due=timezone.now() - timedelta(hours=1))
    engine.sweep_timers()
