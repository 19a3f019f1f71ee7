"""Payment: a Celery job records the payment once and completes the flow's `pay` step."""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import engine
from core.audit import services as audit
from core.exceptions import NotFoundError, PermissionDeniedError, StateConflictError
from core.org.models import User

from ..models import ClaimState, ExpenseClaim
from ..selectors import RETRY_PAYMENT, claim_actions, claim_permissions
from ..steps import CLAIM_KIND
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


def stalled_after() -> timedelta:
    """How long a sent payment job may stay unfinished before the sweep sends it again
    (EXPENSE_PAYMENT_STALLED_AFTER seconds; 15 minutes by default). A worker killed in the
    instant between taking a message from Redis and recording it as unacknowledged loses that
    message for good (Redis' redelivery never sees it): this sweep is what pays that claim."""
    seconds = getattr(settings, "EXPENSE_PAYMENT_STALLED_AFTER", None)
    return timedelta(seconds=seconds) if seconds else STALLED_AFTER


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
    # unsent job and its newest job went out longer ago than stalled_after().
    newest: dict[int, tuple] = {}
    for claim_id, sent_at in engine.jobs_of(PAY_TASK).filter(
            kwargs__claim_id__in=claim_ids).order_by("-created", "-pk") \
            .values_list("kwargs__claim_id", "sent_at"):
        newest.setdefault(int(claim_id), (sent_at,))
        if sent_at is None:
            newest[int(claim_id)] = (None,)  # still waiting for the broker: the relay sends it
    after = stalled_after()
    stalled = [pk for pk in claim_ids if pk not in newest or (
        newest[pk][0] is not None and now - newest[pk][0] >= after)]
    with transaction.atomic():
        for claim_id in stalled:
            queue_payment(claim_id, key=f"pay:{claim_id}:again:{now:%Y%m%d%H%M}")
    return len(stalled)


def queue_payment(claim_id: int, *, key: str = "") -> None:
    """The payment job goes through the outbox with the approval that causes it: a broker
    outage delays the payment, never loses it (the job itself pays at most once)."""
    engine.enqueue_job(PAY_TASK, {"claim_id": claim_id}, key or f"pay:{claim_id}")


@transaction.atomic
def payment_retry(*, claim_id: int, actor: User) -> ExpenseClaim:
    """Finance sends a failed payment's job again: through the outbox with this transaction
    (a broker outage delays it, never loses it), recorded in the claim's history."""
    claim = ExpenseClaim.objects.select_for_update().filter(pk=claim_id).first()
    if claim is None:
        raise NotFoundError()
    if RETRY_PAYMENT not in claim_permissions(actor, claim):
        raise PermissionDeniedError(_("Only finance can retry a payment."))
    if RETRY_PAYMENT not in claim_actions(actor, claim):
        raise StateConflictError(_("Only a payment that failed can be tried again."))
    attempt = claim.payment_attempts
    queue_payment(claim.pk, key=f"pay:{claim.pk}:retry:{attempt}")
    audit.record(actor=actor, subject=claim, event="expense.payment_retried",
                 data={"error": claim.payment_error, "attempts": attempt})
    return claim


def pay(claim_id: int) -> str | None:
    """Pay a voucher-approved claim exactly once; a repeat (redelivered job) does nothing."""
    try:
        with engine.process_lock(CLAIM_KIND, claim_id) as req:
            claim = ExpenseClaim.objects.select_for_update().get(pk=claim_id)
            if claim.state != ClaimState.VOUCHER_APPROVED:
                return claim.payment_reference or None  # paid already, or not payable
            # The flow's `pay` step first: when it is not waiting nothing is paid, and when the
            # bank refuses below, the transaction takes the step back with everything else.
            if req is None or not engine.run_task(req, "pay"):
                return None
            # The claim number is the idempotency key: a bank adapter that sees it twice pays
            # once.
            reference = backend().pay(claim, idempotency_key=claim.number or str(uuid.uuid4()))
            claim.mark_paid(reference=reference)
            claim.payment_attempts += 1  # the attempt that paid counts too
            claim.save()
            ledger.spend(claim)
            engine.finish_request(req)
            audit.record(actor=None, subject=claim, event="expense.paid",
                         from_state=ClaimState.VOUCHER_APPROVED, to_state=claim.state,
                         data={"reference": reference})
            engine.notify(
                [claim.submitter_id], kind="decided", request=req, key=f"paid:{claim.pk}",
                message=gettext_noop("%(title)s was paid: %(ref)s"),
                params={"title": claim.title, "ref": reference},
                target=("inbox:request", {"request_id": req.pk}),
            )
            return reference
    except Exception as exc:
        ExpenseClaim.objects.filter(pk=claim_id).update(payment_error=str(exc)[:300])
        raise
    finally:
        ExpenseClaim.objects.filter(pk=claim_id, state=ClaimState.VOUCHER_APPROVED).update(
            payment_attempts=F("payment_attempts") + 1)
