"""A payment job that was sent but never ran (its worker killed, its message lost) is queued
again by the sweep; one still waiting for the broker, or recently sent, is left alone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.inbox import services as inbox
from core.inbox.models import OutboxMessage
from workflows.expenses.models import ClaimState, ExpenseClaim
from workflows.expenses.services import payment

from .helpers import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def voucher_approved(travel_budget, submitted, through_chain, personas):
    claim = submitted("east_rep1", "860.00")
    inbox.task_approve(task_id=through_chain(claim).pk, actor=personas["finance"])
    claim = fresh(claim)
    assert claim.state == ClaimState.VOUCHER_APPROVED  # the job is queued, not run (no commit)
    return claim


def pay_jobs(claim):
    return OutboxMessage.objects.filter(task=payment.PAY_TASK, kwargs__claim_id=claim.pk)


def sent(claim, minutes_ago):
    pay_jobs(claim).update(sent_at=timezone.now() - timedelta(minutes=minutes_ago))


def test_nothing_requeued_when_the_job_still_waits_for_the_broker(voucher_approved):
    assert pay_jobs(voucher_approved).filter(sent_at__isnull=True).count() == 1
    assert payment.requeue_stalled() == 0
    assert pay_jobs(voucher_approved).count() == 1


def test_nothing_requeued_when_the_job_was_sent_recently(voucher_approved):
    sent(voucher_approved, 5)
    assert payment.requeue_stalled() == 0


def test_job_queued_again_when_it_was_sent_long_ago_and_the_claim_is_unpaid(voucher_approved):
    sent(voucher_approved, 20)
    assert payment.requeue_stalled() == 1
    jobs = list(pay_jobs(voucher_approved).order_by("pk"))
    assert len(jobs) == 2 and jobs[1].sent_at is None and jobs[0].key != jobs[1].key
    assert payment.requeue_stalled() == 0  # the new one waits for the relay


def test_nothing_requeued_when_the_payment_failed_and_waits_for_finance(voucher_approved):
    sent(voucher_approved, 20)
    ExpenseClaim.objects.filter(pk=voucher_approved.pk).update(payment_error="bank said no")
    assert payment.requeue_stalled() == 0


def test_the_requeued_job_pays_once(voucher_approved):
    sent(voucher_approved, 20)
    payment.requeue_stalled()
    payment.pay(voucher_approved.pk)
    payment.pay(voucher_approved.pk)  # the original job, redelivered late
    claim = fresh(voucher_approved)
    assert claim.state == ClaimState.PAID and claim.payment_reference
    assert payment.requeue_stalled() == 0


def test_job_queued_again_sooner_when_the_installation_says_so(voucher_approved, settings):
    settings.EXPENSE_PAYMENT_STALLED_AFTER = 60
    sent(voucher_approved, 0.5)
    assert payment.requeue_stalled() == 0
    sent(voucher_approved, 2)
    assert payment.requeue_stalled() == 1
