"""A failing bank: the claim waits voucher-approved with the error and the attempt counted;
a later successful try pays it exactly once."""

from decimal import Decimal

import pytest
from django.test import override_settings
from viewflow.workflow.status import PROCESS

from core.audit.models import AuditEvent
from core.inbox import services as inbox
from core.inbox.models import RequestStatus
from workflows.expenses.models import ClaimState, Reservation
from workflows.expenses.services import pay
from workflows.expenses.services.payment import PaymentError
from workflows.expenses.tasks import pay_claim

from .helpers import (
    FAILING_BACKEND,
    FailingPayments,
    balance,
    fresh,
    live_reservations,
    no_audit_event,
    one_audit_event,
    request_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _count_bank_calls():
    FailingPayments.calls = 0


@pytest.fixture
def voucher_approved(travel_budget, submitted, through_chain, personas):
    claim = submitted("east_rep1", "860.00")
    inbox.task_approve(task_id=through_chain(claim).pk, actor=personas["finance"])
    return fresh(claim)


def assert_still_waiting(claim, *, attempts: int):
    claim = fresh(claim)
    assert claim.state == ClaimState.VOUCHER_APPROVED
    assert claim.payment_error == "bank gateway timed out"
    assert claim.payment_attempts == attempts
    assert claim.payment_reference == "" and claim.paid_at is None
    assert [r.amount for r in live_reservations(claim)] == [Decimal("860.00")]
    assert (balance("M03").reserved, balance("M03").spent) == (Decimal("860.00"), 0)
    req = request_of(claim)
    assert req.status == RequestStatus.IN_REVIEW
    assert req.process.status != PROCESS.DONE
    assert not AuditEvent.objects.filter(event="expense.paid").exists()


def test_claim_waits_with_error_and_attempt_counted_when_bank_fails(voucher_approved):
    with override_settings(EXPENSE_PAYMENT_BACKEND=FAILING_BACKEND), no_audit_event(), \
            pytest.raises(PaymentError):
        pay(voucher_approved.pk)

    assert FailingPayments.calls == 1
    assert_still_waiting(voucher_approved, attempts=1)


def test_each_failed_attempt_counted_when_bank_fails_repeatedly(voucher_approved):
    with override_settings(EXPENSE_PAYMENT_BACKEND=FAILING_BACKEND):
        for _ in range(3):
            with pytest.raises(PaymentError):
                pay(voucher_approved.pk)

    assert FailingPayments.calls == 3
    assert_still_waiting(voucher_approved, attempts=3)


def test_paid_once_and_error_cleared_when_retry_succeeds_after_failure(voucher_approved):
    with override_settings(EXPENSE_PAYMENT_BACKEND=FAILING_BACKEND), \
            pytest.raises(PaymentError):
        pay(voucher_approved.pk)

    with one_audit_event("expense.paid"):
        reference = pay(voucher_approved.pk)
    with no_audit_event():
        assert pay(voucher_approved.pk) == reference

    claim = fresh(voucher_approved)
    assert reference == f"PAY-{claim.number}"
    assert (claim.state, claim.payment_reference, claim.payment_error) == (ClaimState.PAID,
                                                                           reference, "")
    assert claim.payment_attempts == 2  # the failed one and the one that paid
    assert Reservation.objects.get(claim=claim).state == Reservation.State.SPENT
    for period in ("M03", "Q1"):
        assert (balance(period).reserved, balance(period).spent) == (Decimal("0.00"),
                                                                     Decimal("860.00"))
    req = request_of(claim)
    assert req.status == RequestStatus.DONE and req.process.status == PROCESS.DONE


def test_decision_kept_and_payment_retryable_when_the_queued_job_fails(
    travel_budget, submitted, through_chain, personas, django_capture_on_commit_callbacks
):
    claim = submitted("east_rep1", "860.00")
    review = through_chain(claim)

    # The finance decision commits; the payment job then fails (and is left to its retries).
    with override_settings(EXPENSE_PAYMENT_BACKEND=FAILING_BACKEND), \
            django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=review.pk, actor=personas["finance"])

    assert FailingPayments.calls >= 1
    assert_still_waiting(claim, attempts=FailingPayments.calls)

    with django_capture_on_commit_callbacks(execute=True):
        result = pay_claim.delay(claim_id=claim.pk).get()

    claim = fresh(claim)
    assert result == claim.payment_reference == f"PAY-{claim.number}"
    assert claim.state == ClaimState.PAID
    assert AuditEvent.objects.filter(event="expense.paid").count() == 1
    assert balance("M03").spent == Decimal("860.00")
