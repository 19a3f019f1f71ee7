"""Payment (policy 7.2): the job may run twice (a redelivered message) and pays once."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.inbox import services as inbox
from core.inbox.models import Notification, RequestStatus
from workflows.expenses.models import ClaimState, Reservation
from workflows.expenses.services import pay
from workflows.expenses.tasks import pay_claim

from .helpers import balance, fresh, no_audit_event, one_audit_event, open_item, request_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def voucher_approved(travel_budget, submitted, through_chain, personas):
    """East_rep1's 860.00 claim, voucher approved; its payment job not run yet (the test's
    transaction never commits, so on_commit work is dropped)."""
    claim = submitted("east_rep1", "860.00")
    inbox.task_approve(task_id=through_chain(claim).pk, actor=personas["finance"])
    claim = fresh(claim)
    assert claim.state == ClaimState.VOUCHER_APPROVED
    return claim


def paid_events(claim) -> int:
    return AuditEvent.objects.filter(subject_kind="expense", subject_id=str(claim.pk),
                                     event="expense.paid").count()


def test_paid_once_with_same_reference_when_pay_runs_twice(voucher_approved,
                                                           django_capture_on_commit_callbacks):
    claim = voucher_approved

    with one_audit_event("expense.paid"), django_capture_on_commit_callbacks(execute=True):
        first = pay(claim.pk)
    with no_audit_event(), django_capture_on_commit_callbacks(execute=True) as second_work:
        second = pay(claim.pk)

    assert first == second == f"PAY-{claim.number}"
    assert second_work == []  # nothing queued the second time: no notification either
    claim = fresh(claim)
    assert claim.state == ClaimState.PAID and claim.payment_reference == first
    assert claim.payment_attempts == 1 and claim.payment_error == ""  # the one that paid
    assert paid_events(claim) == 1
    for period in ("M03", "Q1"):
        assert (balance(period).reserved, balance(period).spent) == (Decimal("0.00"),
                                                                     Decimal("860.00"))
    assert Reservation.objects.get(claim=claim).state == Reservation.State.SPENT
    assert request_of(claim).status == RequestStatus.DONE
    note = Notification.objects.get(dedupe_key__startswith=f"paid:{claim.pk}:")
    assert note.display == f"{claim.title} was paid: {first}" and note.text == ""
    assert note.link == f"/requests/{request_of(claim).pk}/"


def test_paid_once_when_the_celery_job_is_delivered_again(voucher_approved,
                                                          django_capture_on_commit_callbacks):
    claim = voucher_approved

    with django_capture_on_commit_callbacks(execute=True):
        results = [pay_claim.delay(claim_id=claim.pk).get() for _ in range(3)]

    assert results == [f"PAY-{claim.number}"] * 3
    assert paid_events(claim) == 1
    assert fresh(claim).payment_attempts == 1
    assert balance("M03").spent == Decimal("860.00")


def test_nothing_paid_when_claim_is_not_voucher_approved(travel_budget, submitted,
                                                         through_chain):
    claim = submitted("east_rep1", "860.00")
    through_chain(claim)  # at finance review

    with no_audit_event():
        assert pay(claim.pk) is None

    claim = fresh(claim)
    assert (claim.state, claim.payment_reference) == (ClaimState.APPROVED, "")
    assert claim.payment_attempts == 0
    assert balance("M03").reserved == Decimal("860.00") and balance("M03").spent == 0


def test_nothing_paid_when_claim_was_rejected(travel_budget, submitted, personas):
    claim = submitted("east_rep1", "860.00")
    inbox.task_reject(task_id=open_item(claim).pk, actor=personas["east_mgr"], reason="no")

    with no_audit_event():
        assert pay(claim.pk) is None

    assert fresh(claim).state == ClaimState.REJECTED
    assert balance("M03").spent == 0


def test_every_line_carries_its_approved_amount_when_the_voucher_is_approved(
        travel_budget, submitted, through_chain, personas):
    """Issue 18, defect 4: a paid claim's lines showed "—" as approved while the header showed
    the approved total."""
    claim = submitted("east_rep1", "860.00")
    inbox.task_approve(task_id=through_chain(claim).pk, actor=personas["finance"])

    claim = fresh(claim)
    lines = list(claim.lines.all())
    assert lines and all(x.approved_amount == x.amount for x in lines)
    assert sum(x.approved_amount for x in lines) == claim.approved_total == Decimal("860.00")
