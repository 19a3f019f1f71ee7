"""Every way a claim leaves the straight route (policy 7.2): any approver may reject (the budget
is released) or return it, to the submitter (released; edit and resubmit to reserve again and
restart the chain) or to an earlier step; the submitter may withdraw until the final
approval."""

from decimal import Decimal

import pytest
from django.test import override_settings
from viewflow.workflow.status import PROCESS

from core.exceptions import InvalidInputError, StateConflictError
from core.inbox import services as inbox
from core.inbox.models import RequestStatus, WorkItemStatus
from workflows.expenses.models import ClaimState, ItemType, Reservation
from workflows.expenses.services import claim_update
from workflows.expenses.services.ledger import OverBudgetError

from .helpers import (
    FAILING_BACKEND,
    MARCH,
    balance,
    chain_codes,
    fresh,
    live_reservations,
    no_audit_event,
    one_audit_event,
    open_item,
    open_items,
    request_of,
    timeline,
)

pytestmark = pytest.mark.django_db

# (the step, who holds it) along a 6,400.00 claim's route
STEPS = [("line_manager", "east_mgr"), ("sales_gm", "gm"), ("finance_review", "finance")]


@pytest.fixture
def at_step(travel_budget, submitted, personas):
    """at_step("sales_gm") -> east_rep1's 6,400.00 claim waiting at that step, and the task."""

    def run(step: str):
        claim = submitted("east_rep1", "6400.00")
        for code, holder in STEPS:
            item = open_item(claim)
            assert item.step_code == code
            if code == step:
                return claim, item
            inbox.task_approve(task_id=item.pk, actor=personas[holder])
        raise AssertionError(step)

    return run


def assert_released(claim):
    assert live_reservations(claim) == []
    assert Reservation.objects.get(claim=claim).state == Reservation.State.RELEASED
    for period in ("M03", "Q1"):
        assert balance(period).reserved == Decimal("0.00")
        assert balance(period).spent == Decimal("0.00")


# --- reject -----------------------------------------------------------------------------------


@pytest.mark.parametrize("step, holder", STEPS)
def test_rejected_and_budget_released_when_rejected_at_any_step(at_step, personas, step,
                                                                holder):
    claim, item = at_step(step)
    state_before = fresh(claim).state
    assert balance("M03").reserved == Decimal("6400.00")

    with one_audit_event("expense.rejected") as audit:
        inbox.task_reject(task_id=item.pk, actor=personas[holder], reason="不属于公司费用")

    claim = fresh(claim)
    assert claim.state == ClaimState.REJECTED
    assert_released(claim)
    req = request_of(claim)
    assert req.status == RequestStatus.REJECTED
    assert req.process.status == PROCESS.DONE
    assert open_items(claim) == []
    event = audit["event"]
    assert (event.from_state, event.to_state) == (state_before, "rejected")
    assert event.comment == "不属于公司费用"


def test_invalid_input_and_nothing_released_when_rejecting_without_reason(at_step, personas):
    claim, item = at_step("line_manager")

    with no_audit_event(), pytest.raises(InvalidInputError):
        inbox.task_reject(task_id=item.pk, actor=personas["east_mgr"], reason="  ")

    assert fresh(claim).state == ClaimState.SUBMITTED
    assert balance("M03").reserved == Decimal("6400.00")


# --- return to the submitter ------------------------------------------------------------------


@pytest.mark.parametrize("step, holder", STEPS)
def test_returned_and_budget_released_when_returned_to_submitter_at_any_step(at_step, personas,
                                                                            step, holder):
    claim, item = at_step(step)

    with one_audit_event("expense.returned") as audit:
        inbox.task_return(task_id=item.pk, actor=personas[holder], reason="补充发票")

    claim = fresh(claim)
    assert claim.state == ClaimState.RETURNED
    assert_released(claim)
    assert audit["event"].to_state == "returned"
    assert request_of(claim).status == RequestStatus.RETURNED
    revision = open_item(claim)
    assert revision.is_revision and revision.assignee == personas["east_rep1"]


@pytest.mark.parametrize("step, holder", STEPS)
def test_reserved_again_and_chain_restarts_when_edited_claim_is_resubmitted(at_step, personas,
                                                                           step, holder):
    claim, item = at_step(step)
    inbox.task_return(task_id=item.pk, actor=personas[holder], reason="分开报销")
    with one_audit_event("expense.edited"):
        claim_update(claim_id=claim.pk, actor=personas["east_rep1"], lines=[
            {"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": "3900.00",
             "description": "高铁往返"},
        ])

    with one_audit_event("expense.resubmitted") as audit:
        inbox.request_resubmit(request_id=request_of(claim).pk, actor=personas["east_rep1"],
                               comment="已拆分")

    claim = fresh(claim)
    assert claim.state == ClaimState.SUBMITTED and claim.total == Decimal("3900.00")
    assert (audit["event"].from_state, audit["event"].to_state) == ("returned", "submitted")
    (res,) = live_reservations(claim)
    assert res.amount == Decimal("3900.00")
    assert balance("M03").reserved == Decimal("3900.00")
    assert balance("Q1").reserved == Decimal("3900.00")
    # The chain is recomputed for the new amount and starts again at step 0.
    assert chain_codes(claim) == ["line_manager"]
    req = request_of(claim)
    assert (req.status, req.step_index, req.amount) == (RequestStatus.IN_REVIEW, 0,
                                                        Decimal("3900.00"))
    first = open_item(claim)
    assert (first.step_code, first.assignee) == ("line_manager", personas["east_mgr"])


def test_over_budget_error_and_still_returned_when_resubmission_no_longer_fits(
    at_step, personas, submitted
):
    claim, item = at_step("line_manager")
    inbox.task_return(task_id=item.pk, actor=personas["east_mgr"], reason="fix")
    submitted("east_rep2", "95000.00")  # the month now has 5,000.00 left

    with no_audit_event(), pytest.raises(OverBudgetError):
        inbox.request_resubmit(request_id=request_of(claim).pk, actor=personas["east_rep1"])

    assert fresh(claim).state == ClaimState.RETURNED
    assert request_of(claim).status == RequestStatus.RETURNED
    assert live_reservations(claim) == []
    assert balance("M03").reserved == Decimal("95000.00")
    assert open_item(claim).is_revision


# --- return to an earlier step ----------------------------------------------------------------


def test_back_at_line_manager_with_claim_submitted_when_finance_returns_to_step_zero(
    travel_budget, submitted, through_chain, personas
):
    claim = submitted("east_rep1", "860.00")
    review = through_chain(claim)

    with one_audit_event("expense.returned") as audit:
        inbox.task_return(task_id=review.pk, actor=personas["finance"], to_step=0,
                          reason="请经理确认金额")

    assert (audit["event"].from_state, audit["event"].to_state) == ("approved", "submitted")
    claim = fresh(claim)
    assert claim.state == ClaimState.SUBMITTED
    item = open_item(claim)
    assert (item.step_code, item.step_index, item.assignee) == ("line_manager", 0,
                                                                personas["east_mgr"])
    # The claim is still in approval: its reservation stands.
    assert [r.amount for r in live_reservations(claim)] == [Decimal("860.00")]
    assert balance("M03").reserved == Decimal("860.00")
    assert request_of(claim).status == RequestStatus.IN_REVIEW

    inbox.task_approve(task_id=item.pk, actor=personas["east_mgr"])

    assert fresh(claim).state == ClaimState.APPROVED
    assert open_item(claim).step_code == "finance_review"


def test_back_at_line_manager_and_state_unchanged_when_gm_returns_to_step_zero(at_step,
                                                                               personas):
    claim, item = at_step("sales_gm")

    with one_audit_event("expense.returned"):
        inbox.task_return(task_id=item.pk, actor=personas["gm"], to_step=0, reason="核实")

    assert fresh(claim).state == ClaimState.SUBMITTED
    assert open_item(claim).assignee == personas["east_mgr"]
    assert balance("M03").reserved == Decimal("6400.00")


@pytest.mark.parametrize("to_step", [1, 5, -1])
def test_invalid_input_when_returning_to_a_step_that_is_not_earlier(at_step, personas, to_step):
    claim, item = at_step("sales_gm")

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        inbox.task_return(task_id=item.pk, actor=personas["gm"], to_step=to_step, reason="x")

    assert "to_step" in exc.value.fields
    assert open_item(claim).pk == item.pk


# --- withdraw ---------------------------------------------------------------------------------


@pytest.mark.parametrize("step", ["line_manager", "sales_gm"])
def test_withdrawn_and_released_when_submitter_withdraws_in_approval(at_step, personas, step):
    claim, _item = at_step(step)

    with one_audit_event("expense.withdrawn") as audit:
        inbox.request_withdraw(request_id=request_of(claim).pk, actor=personas["east_rep1"],
                               reason="重复提交")

    claim = fresh(claim)
    assert claim.state == ClaimState.WITHDRAWN
    assert_released(claim)
    assert (audit["event"].from_state, audit["event"].to_state) == ("submitted", "withdrawn")
    req = request_of(claim)
    assert req.status == RequestStatus.WITHDRAWN
    assert req.process.status == PROCESS.CANCELED
    assert open_items(claim) == []
    assert req.work_items.filter(status=WorkItemStatus.CANCELLED).count() == 1


def test_withdrawn_without_releasing_twice_when_returned_claim_is_withdrawn(at_step, personas):
    claim, item = at_step("line_manager")
    inbox.task_return(task_id=item.pk, actor=personas["east_mgr"], reason="fix")

    with one_audit_event("expense.withdrawn"):
        inbox.request_withdraw(request_id=request_of(claim).pk, actor=personas["east_rep1"])

    assert fresh(claim).state == ClaimState.WITHDRAWN
    assert_released(claim)


def test_state_conflict_when_withdrawing_a_paid_claim(
    travel_budget, submitted, through_chain, personas, django_capture_on_commit_callbacks
):
    claim = submitted()
    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=through_chain(claim).pk, actor=personas["finance"])

    with no_audit_event(), pytest.raises(StateConflictError):
        inbox.request_withdraw(request_id=request_of(claim).pk, actor=personas["east_rep1"])

    assert fresh(claim).state == ClaimState.PAID
    assert balance("M03").spent == Decimal("860.00")


def test_state_conflict_when_withdrawing_after_finance_approved_and_payment_failed(
    travel_budget, submitted, through_chain, personas, django_capture_on_commit_callbacks
):
    claim = submitted()
    with override_settings(EXPENSE_PAYMENT_BACKEND=FAILING_BACKEND), \
            django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=through_chain(claim).pk, actor=personas["finance"])
    assert fresh(claim).state == ClaimState.VOUCHER_APPROVED
    # Nobody holds a task now: the request waits on the payment, not on finance.
    req = request_of(claim)
    assert (req.status, req.current_step, req.waiting_on_ids) == ("in_review", "payment", [])
    assert not req.work_items.filter(status="open").exists()

    with no_audit_event(), pytest.raises(StateConflictError):
        inbox.request_withdraw(request_id=request_of(claim).pk, actor=personas["east_rep1"])

    assert fresh(claim).state == ClaimState.VOUCHER_APPROVED
    assert balance("M03").reserved == Decimal("860.00")


def test_withdrawn_or_cleanly_refused_when_submitter_withdraws_at_finance_review(
    travel_budget, submitted, through_chain, personas
):
    claim = submitted()
    review = through_chain(claim)

    try:
        inbox.request_withdraw(request_id=request_of(claim).pk, actor=personas["east_rep1"])
    except StateConflictError:
        # Refused: the chain's final approval is given; the review goes on untouched.
        assert fresh(claim).state == ClaimState.APPROVED
        assert open_item(claim).pk == review.pk
        assert balance("M03").reserved == Decimal("860.00")
    else:
        # Allowed: withdrawn like any claim still in approval.
        assert fresh(claim).state == ClaimState.WITHDRAWN
        assert_released(claim)
        assert open_items(claim) == []


def test_timeline_lists_every_step_in_order_when_claim_is_returned_and_resubmitted(
    at_step, personas, django_capture_on_commit_callbacks
):
    claim, item = at_step("sales_gm")
    inbox.task_return(task_id=item.pk, actor=personas["gm"], reason="补充说明")
    inbox.request_resubmit(request_id=request_of(claim).pk, actor=personas["east_rep1"])
    for holder in ("east_mgr", "gm"):
        inbox.task_approve(task_id=open_item(claim).pk, actor=personas[holder])
    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=open_item(claim).pk, actor=personas["finance"])

    assert timeline(claim) == [
        "expense.drafted", "expense.submitted", "expense.step_approved", "expense.returned",
        "expense.resubmitted", "expense.step_approved", "expense.step_approved",
        "expense.step_approved", "expense.paid",
    ]
    assert fresh(claim).state == ClaimState.PAID
    assert balance("M03").spent == Decimal("6400.00") and balance("M03").reserved == 0
