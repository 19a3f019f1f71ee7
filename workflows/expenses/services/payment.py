"""Payment: a Celery job records the payment once and completes the flow's `pay` step."""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from viewflow.workflow.status import STATUS

from core.audit import services as audit
from core.inbox import engine, notify, outbox
from core.inbox.models import OutboxMessage, Request, RequestStatus

from ..models import ClaimState, ExpenseClaim
from . import ledger

log = logging.getLogger(__name__)
PAY_TASK = "workflows.expenses.tasks.pay_claim"


class PaymentError(Exception):
    """The payment system refused or failed; the job retries later."""


class InternalPayments:
    """The default backend: the company pays by bank transfer outside the system and the
    reference is the claim's own. Replace with a bank adapter via EXPENSE_PAYMENT_BACKEND."""

    def pay(self, claim: ExpenseClaim, idempotency_key: str) -> str:
        return f"PAY-{claim.number}"


def backend():
    path = getattr(settings, "EXPENSE_PAYMENT_BACKEND",
                   "workflows.expenses.services.payment.InternalPayments")
    return import_string(path)()


STALLED_AFTER = timedelta(minutes=15)


def requeue_stalled(now=None) -> int:
    """Claims approved for payment whose job was sent but never ran (a worker killed while
    holding it, a message lost with the broker) get their job again. `pay` pays at most once,
    so a job that was merely slow does no harm. Claims whose payment failed wait for finance."""
    now = now or timezone.now()
    claim_ids = list(ExpenseClaim.objects.filter(
        state=ClaimState.VOUCHER_APPROVED, payment_error="").values_list("pk", flat=True)[:500])
    if not claim_ids:
        return 0
    # Each waiting claim's jobs in one query, newest first: a claim is stalled when it has no
    # unsent job and its newest job went out longer ago than STALLED_AFTER.
    newest: dict[int, tuple] = {}
    for claim_id, sent_at in OutboxMessage.objects.filter(
            task=PAY_TASK, kwargs__claim_id__in=claim_ids).order_by("-created", "-pk") \
            .values_list("kwargs__claim_id", "sent_at"):
        newest.setdefault(int(claim_id), (sent_at,))
        if sent_at is None:
            newest[int(claim_id)] = (None,)  # still waiting for the broker: the relay sends it
    stalled = [pk for pk in claim_ids if pk not in newest or (
        newest[pk][0] is not None and now - newest[pk][0] >= STALLED_AFTER)]
    with transaction.atomic():
        for claim_id in stalled:
            queue_payment(claim_id, key=f"pay:{claim_id}:again:{now:%Y%m%d%H%M}")
    return len(stalled)


def queue_payment(claim_id: int, *, key: str = "") -> None:
    """The payment job goes through the outbox with the approval that causes it: a broker
    outage delays the payment, never loses it (the job itself pays at most once)."""
    outbox.enqueue([(PAY_TASK, {"claim_id": claim_id}, key or f"pay:{claim_id}")])


def pay(claim_id: int) -> str | None:
    """Pay a voucher-approved claim exactly once; a repeat (redelivered job) does nothing."""
    from ..flows import ExpenseFlow

    req = Request.objects.select_related("process").get(kind="expense", object_id=claim_id)
    try:
        with transaction.atomic(), ExpenseFlow.lock(req.process_id):
            claim = ExpenseClaim.objects.select_for_update().get(pk=claim_id)
            if claim.state != ClaimState.VOUCHER_APPROVED:
                return claim.payment_reference or None  # paid already, or not payable
            task = req.process.task_set.filter(
                flow_task=ExpenseFlow.pay, status=STATUS.NEW
            ).first()
            if task is None:
                return None
            # The claim number is the idempotency key: a bank adapter that sees it twice pays
            # once.
            reference = backend().pay(claim, idempotency_key=claim.number or str(uuid.uuid4()))
            claim.mark_paid(reference=reference)
            claim.save()
            ledger.spend(claim)
            engine.bind(req.process, req)
            task.process = req.process
            ExpenseFlow.pay.run(task)
            Request.objects.filter(pk=req.pk).update(
                status=RequestStatus.DONE, current_step="", waiting_on_ids=[],
                waiting_on_names="")
            audit.record(actor=None, subject=claim, event="expense.paid",
                         from_state=ClaimState.VOUCHER_APPROVED, to_state=claim.state,
                         data={"reference": reference})
            notify.on_commit_many(
                [claim.submitter_id], kind="decided", request=req, key=f"paid:{claim.pk}",
                text=_("%(title)s was paid: %(ref)s") % {"title": claim.title, "ref": reference},
                url=f"/requests/{req.pk}/",
            )
            return reference
    except Exception as exc:
        ExpenseClaim.objects.filter(pk=claim_id).update(payment_error=str(exc)[:300])
        raise
    finally:
        from django.db.models import F

        ExpenseClaim.objects.filter(pk=claim_id, state=ClaimState.VOUCHER_APPROVED).update(
            payment_attempts=F("payment_attempts") + 1)
