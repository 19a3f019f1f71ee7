from decimal import Decimal

from django.db import transaction

from core.audit import services as audit
from core.inbox import engine
from core.inbox.models import Decision
from core.kinds import ProcessKind
from core.org.models import User
from core.registry import Transition

from .models import DemoRequest, DemoState


@transaction.atomic
def demo_submit(*, actor: User, title: str, amount: Decimal) -> DemoRequest:
    obj = DemoRequest.objects.create(title=title, amount=amount, submitter=actor)
    obj.number = f"DEMO-{obj.pk:05d}"
    obj.submit()
    obj.save()
    from .flows import DemoApprovalFlow

    engine.submit_request(
        kind=ProcessKind.DEMO, obj=obj, submitter=actor, title=title, amount=amount,
        number=obj.number, flow_class=DemoApprovalFlow,
    )
    audit.record(actor=actor, subject=obj, event="demo.submitted",
                 from_state=DemoState.DRAFT, to_state=DemoState.SUBMITTED)
    return obj


def _locked(request) -> DemoRequest:
    return DemoRequest.objects.select_for_update().get(pk=request.object_id)


def on_decision(request, item, decision, decider, comment) -> Transition | None:
    obj = _locked(request)
    before = obj.state
    if decision == Decision.APPROVED and request.step_index >= len(request.chain):
        obj.approve()
    elif decision == Decision.REJECTED:
        obj.reject()
    elif decision == Decision.RETURNED and request.return_to_step is None:
        obj.return_for_revision()
    else:
        return None
    obj.save(update_fields=["state"])
    return Transition(from_state=before, to_state=obj.state)


def on_withdraw(request, actor, reason) -> Transition:
    obj = _locked(request)
    before = obj.state
    obj.withdraw()
    obj.save(update_fields=["state"])
    return Transition(from_state=before, to_state=obj.state)


def on_resubmit(request, actor) -> Transition:
    obj = _locked(request)
    before = obj.state
    obj.resubmit()
    obj.save(update_fields=["state"])
    return Transition(from_state=before, to_state=obj.state)


def seed_demo() -> None:
    if DemoRequest.objects.exists():
        return
    people = {u.username: u for u in User.objects.filter(username__in=["east_rep1", "south_rep1"])}
    if len(people) < 2:
        return
    demo_submit(actor=people["east_rep1"], title="客户拜访交通费", amount=Decimal("860.00"))
    demo_submit(actor=people["south_rep1"], title="展会物料采购", amount=Decimal("15800.00"))
