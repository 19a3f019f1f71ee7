"""Finance cuts a line during the voucher review (policy 7.3): with a reason, never on their
own claim; the approved total and the reservation shrink, and the payment spends only that."""

from decimal import Decimal

import pytest

from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.inbox import services as inbox
from workflows.expenses.models import ClaimState, ItemType, Reservation
from workflows.expenses.services import claim_reduce_line, claim_update

from .helpers import (
    MARCH,
    balance,
    fresh,
    live_reservations,
    no_audit_event,
    one_audit_event,
    open_item,
    request_of,
)

pytestmark = pytest.mark.django_db

LINES = [
    {"date": MARCH, "item_type": ItemType.HOTEL, "city_tier": "tier1", "amount": "480.00",
     "units": 1, "description": "上海住宿"},
    {"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": "380.00",
     "description": "机场往返打车"},
]


@pytest.fixture
def at_review(travel_budget, submitted, through_chain):
    """East_rep1's 860.00 claim (hotel 480.00 + taxi 380.00) waiting for the voucher review."""
    claim = submitted("east_rep1", lines=LINES)
    review = through_chain(claim)
    taxi = claim.lines.get(item_type=ItemType.TRANSPORT)
    return fresh(claim), review, taxi


def test_approved_total_and_reservation_shrink_when_finance_reduces_a_line(at_review,
                                                                          personas):
    claim, _review, taxi = at_review

    with one_audit_event("expense.line_reduced") as audit:
        claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount="200.00",
                          reason="超出市内交通标准")

    claim = fresh(claim)
    assert claim.state == ClaimState.APPROVED
    assert (claim.total, claim.approved_total, claim.amount) == (
        Decimal("860.00"), Decimal("680.00"), Decimal("680.00"))
    taxi.refresh_from_db()
    assert (taxi.amount, taxi.approved_amount) == (Decimal("380.00"), Decimal("200.00"))
    assert taxi.reduction_reason == "超出市内交通标准"
    (res,) = live_reservations(claim)
    assert res.amount == Decimal("680.00")
    assert balance("M03").reserved == Decimal("680.00")
    assert balance("Q1").reserved == Decimal("680.00")
    assert request_of(claim).amount == Decimal("680.00")
    event = audit["event"]
    assert event.comment == "超出市内交通标准"
    assert event.changes == {f"line {taxi.pk}": ["380.00", "200.00"]}
    assert event.amount == Decimal("680.00")


def test_payment_spends_the_reduced_amount_when_finance_approves_after_reducing(
    at_review, personas, django_capture_on_commit_callbacks
):
    claim, review, taxi = at_review
    claim_reduce_line(line_id=taxi.pk, actor=personas["finance_clerk"], amount="200.00",
                      reason="标准")

    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=review.pk, actor=personas["finance"])

    claim = fresh(claim)
    assert claim.state == ClaimState.PAID and claim.approved_total == Decimal("680.00")
    (res,) = Reservation.objects.filter(claim=claim)
    assert (res.state, res.amount) == (Reservation.State.SPENT, Decimal("680.00"))
    for period in ("M03", "Q1"):
        assert (balance(period).reserved, balance(period).spent) == (Decimal("0.00"),
                                                                     Decimal("680.00"))


def test_reduced_from_the_previous_reduction_when_a_line_is_reduced_twice(at_review, personas):
    claim, _review, taxi = at_review
    claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount="300.00", reason="a")

    with one_audit_event("expense.line_reduced") as audit:
        claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount="250.00",
                          reason="b")

    assert audit["event"].changes == {f"line {taxi.pk}": ["300.00", "250.00"]}
    assert fresh(claim).approved_total == Decimal("730.00")
    assert balance("M03").reserved == Decimal("730.00")


def test_whole_line_struck_when_reduced_to_zero(at_review, personas):
    claim, _review, taxi = at_review

    claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount="0", reason="无发票")

    assert fresh(claim).approved_total == Decimal("480.00")
    assert balance("M03").reserved == Decimal("480.00")


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_invalid_input_when_reduction_has_no_reason(at_review, personas, reason):
    claim, _review, taxi = at_review

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount="200.00",
                          reason=reason)

    assert "reason" in exc.value.fields
    assert fresh(claim).approved_total is None
    assert balance("M03").reserved == Decimal("860.00")


@pytest.mark.parametrize("amount", ["380.01", "-1.00", "lots"])
def test_invalid_input_when_new_amount_is_out_of_range(at_review, personas, amount):
    claim, _review, taxi = at_review

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount=amount,
                          reason="x")

    assert "amount" in exc.value.fields
    assert balance("M03").reserved == Decimal("860.00")


@pytest.mark.parametrize("who", ["east_mgr", "gm", "ceo", "east_rep1", "auditor"])
def test_permission_denied_when_someone_outside_finance_reduces(at_review, personas, who):
    claim, _review, taxi = at_review

    with no_audit_event(), pytest.raises(PermissionDeniedError):
        claim_reduce_line(line_id=taxi.pk, actor=personas[who], amount="1.00", reason="x")

    taxi.refresh_from_db()
    assert taxi.approved_amount is None


def test_permission_denied_when_finance_reduces_their_own_claim(make_budget, standards,
                                                                policies, submitted,
                                                                through_chain, personas):
    make_budget("travel", department="finance")
    claim = submitted("finance_clerk", lines=LINES)
    through_chain(claim)
    taxi = claim.lines.get(item_type=ItemType.TRANSPORT)

    with no_audit_event(), pytest.raises(PermissionDeniedError):
        claim_reduce_line(line_id=taxi.pk, actor=personas["finance_clerk"], amount="1.00",
                          reason="x")

    assert fresh(claim).approved_total is None


def test_state_conflict_when_reducing_before_the_voucher_review(travel_budget, submitted,
                                                                personas):
    claim = submitted("east_rep1", lines=LINES)
    taxi = claim.lines.get(item_type=ItemType.TRANSPORT)
    assert open_item(claim).step_code == "line_manager"

    with no_audit_event(), pytest.raises(StateConflictError):
        claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount="1.00",
                          reason="x")


def test_state_conflict_when_reducing_after_the_voucher_was_approved(at_review, personas):
    claim, review, taxi = at_review
    inbox.task_approve(task_id=review.pk, actor=personas["finance"])  # payment not run

    with no_audit_event(), pytest.raises(StateConflictError):
        claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount="1.00",
                          reason="x")

    assert fresh(claim).approved_total == Decimal("860.00")


def test_released_in_full_when_reduced_claim_is_rejected(at_review, personas):
    claim, review, taxi = at_review
    claim_reduce_line(line_id=taxi.pk, actor=personas["finance"], amount="200.00", reason="x")

    inbox.task_reject(task_id=review.pk, actor=personas["finance"], reason="票据不全")

    assert fresh(claim).state == ClaimState.REJECTED
    assert (balance("M03").reserved, balance("Q1").reserved) == (Decimal("0.00"),
                                                                Decimal("0.00"))


def test_new_total_reserved_when_reduced_claim_is_returned_edited_and_resubmitted(
    travel_budget, submitted, through_chain, personas
):
    claim = submitted("east_rep1", "860.00")
    review = through_chain(claim)
    claim_reduce_line(line_id=claim.lines.get().pk, actor=personas["finance"], amount="500.00",
                      reason="超标准")
    inbox.task_return(task_id=review.pk, actor=personas["finance"], reason="请重新填写")
    claim_update(claim_id=claim.pk, actor=personas["east_rep1"], lines=[
        {"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": "700.00",
         "description": "高铁往返"},
    ])

    inbox.request_resubmit(request_id=request_of(claim).pk, actor=personas["east_rep1"])

    claim = fresh(claim)
    assert claim.total == Decimal("700.00")
    assert claim.amount == Decimal("700.00")
    assert [r.amount for r in live_reservations(claim)] == [Decimal("700.00")]
    assert balance("M03").reserved == Decimal("700.00")
