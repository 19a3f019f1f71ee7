"""Submitting a claim (policy 7.2, 7.3): numbered, reserved on its month and quarter, refused
over a 'refuse' standard or over a blocking budget; an 'extra approval' standard or budget
policy adds the sales GM to the chain instead."""

import re
from decimal import Decimal

import pytest
from viewflow.workflow.status import PROCESS

from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.inbox.models import DocumentSequence, RequestStatus
from workflows.expenses.models import BudgetBalance, ClaimState, ItemType, Reservation
from workflows.expenses.services import claim_submit
from workflows.expenses.services.ledger import OverBudgetError

from .helpers import (
    MARCH,
    YEAR,
    balance,
    chain_codes,
    fresh,
    live_reservations,
    no_audit_event,
    one_audit_event,
    open_item,
    request_of,
)

pytestmark = pytest.mark.django_db


def test_numbered_reserved_and_at_line_manager_when_rep_submits(travel_budget, draft,
                                                               personas):
    claim = draft("east_rep1", "860.00")

    with one_audit_event("expense.submitted") as audit:
        claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    claim = fresh(claim)
    assert claim.state == ClaimState.SUBMITTED and claim.submitted_at is not None
    assert re.fullmatch(rf"BX-{YEAR}-\d{{6}}", claim.number)
    assert claim.number == f"BX-{YEAR}-000001"
    assert (balance("M03").reserved, balance("Q1").reserved) == (Decimal("860.00"),
                                                                Decimal("860.00"))
    assert balance("M04").reserved == 0 and balance("Q2").reserved == 0
    (res,) = live_reservations(claim)
    assert (res.amount, res.month.period, res.quarter.period) == (Decimal("860.00"), "M03",
                                                                  "Q1")
    req = request_of(claim)
    assert (req.status, req.number) == (RequestStatus.IN_REVIEW, claim.number)
    assert req.process.status == PROCESS.NEW
    assert chain_codes(claim) == ["line_manager"]
    assert open_item(claim).assignee == personas["east_mgr"]
    event = audit["event"]
    assert (event.from_state, event.to_state) == ("draft", "submitted")
    assert event.data == {"over_budget": False, "over_standard": False}
    assert event.subject_number == claim.number


def test_numbers_follow_each_other_when_several_claims_are_submitted(travel_budget, submitted):
    numbers = [submitted(who).number for who in ("east_rep1", "east_rep2", "south_rep1")]

    assert numbers == [f"BX-{YEAR}-00000{i}" for i in (1, 2, 3)]


def test_state_conflict_when_claim_submitted_twice(travel_budget, submitted, personas):
    claim = submitted()

    with no_audit_event(), pytest.raises(StateConflictError):
        claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    assert balance("M03").reserved == Decimal("860.00")


@pytest.mark.parametrize("who", ["east_rep2", "east_mgr", "finance"])
def test_permission_denied_when_someone_else_submits_the_claim(travel_budget, draft, personas,
                                                               who):
    claim = draft()

    with pytest.raises(PermissionDeniedError):
        claim_submit(claim_id=claim.pk, actor=personas[who])

    assert fresh(claim).state == ClaimState.DRAFT


def test_sales_gm_step_added_when_amount_is_above_five_thousand(travel_budget, submitted):
    claim = submitted(amount="6400.00")

    assert chain_codes(claim) == ["line_manager", "sales_gm"]


# --- reimbursement standards ------------------------------------------------------------------


def test_invalid_input_names_line_cap_and_excess_when_over_a_refusing_standard(
    travel_budget, draft, personas
):
    claim = draft(lines=[
        {"date": MARCH, "item_type": ItemType.HOTEL, "city_tier": "tier1", "amount": "1100.00",
         "units": 2, "description": "上海住宿两晚"},
        {"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": "80.00",
         "description": "打车"},
    ])

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    message = str(exc.value)
    assert "上海住宿两晚" in message
    assert "¥1,100.00" in message and "¥1,000.00" in message and "¥100.00" in message
    assert "打车" not in message
    assert len(exc.value.fields["lines"]) == 1
    claim = fresh(claim)
    assert (claim.state, claim.number) == (ClaimState.DRAFT, "")
    assert not Reservation.objects.exists()
    assert balance("M03").reserved == 0


def test_sales_gm_added_when_over_a_standard_that_allows_extra_approval(make_budget, standards,
                                                                        policies, submitted):
    make_budget("entertainment", "360000.00")

    claim = submitted(category="entertainment", lines=[
        {"date": MARCH, "item_type": ItemType.ENTERTAINMENT, "amount": "1800.00", "units": 6,
         "description": "宴请6位客户"},
    ])

    assert claim.state == ClaimState.SUBMITTED
    assert (claim.over_standard, claim.over_budget) == (True, False)
    assert chain_codes(claim) == ["line_manager", "sales_gm"]
    assert request_of(claim).extra_steps == ["sales_gm"]
    assert balance("M03", category="entertainment").reserved == Decimal("1800.00")


# --- the budget -------------------------------------------------------------------------------


@pytest.fixture
def small_travel(make_budget, standards, policies):
    """March travel: 1,000.00 (Q1 3,000.00); travel blocks claims over budget."""
    return make_budget("travel", months=["1000.00"] * 12)


def test_over_budget_error_and_nothing_reserved_or_numbered_when_policy_blocks(
    small_travel, submitted, draft, personas
):
    submitted("east_rep2", "700.00")
    claim = draft("east_rep1", "300.01")
    numbers_before = list(DocumentSequence.objects.values_list("prefix", "last"))

    with no_audit_event(), pytest.raises(OverBudgetError) as exc:
        claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    assert exc.value.code == "over_budget" and exc.value.status == 409
    assert "¥300.01" in str(exc.value) and "¥300.00" in str(exc.value)
    assert "amount" in exc.value.fields
    claim = fresh(claim)
    assert (claim.state, claim.number, claim.over_budget) == (ClaimState.DRAFT, "", False)
    assert live_reservations(claim) == []
    assert balance("M03").reserved == Decimal("700.00")
    assert balance("Q1").reserved == Decimal("700.00")
    assert list(DocumentSequence.objects.values_list("prefix", "last")) == numbers_before
    assert request_of(claim).status == RequestStatus.DRAFT


def test_submitted_when_claim_takes_exactly_what_is_left(small_travel, submitted):
    submitted("east_rep2", "700.00")

    claim = submitted("east_rep1", "300.00")

    assert claim.state == ClaimState.SUBMITTED and not claim.over_budget
    assert balance("M03").reserved == Decimal("1000.00")
    assert balance("M03").remaining == 0


def test_over_budget_error_when_the_quarter_has_less_left_than_the_month(small_travel, draft,
                                                                         personas):
    # The quarter row is the tighter limit (e.g. a quarter cut after its months were spent):
    # March still has its whole 1,000.00, Q1 only 150.00.
    BudgetBalance.objects.filter(period="Q1", category="travel").update(budget=Decimal("150"))
    claim = draft("east_rep1", "150.01")

    with pytest.raises(OverBudgetError) as exc:
        claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    assert "¥150.00" in str(exc.value) and "¥1,000.00" in str(exc.value)
    assert balance("M03").reserved == 0 and balance("Q1").reserved == 0


def test_over_budget_error_when_no_budget_is_in_force_for_the_category(standards, policies,
                                                                       draft, personas):
    claim = draft("east_rep1", "10.00")

    with pytest.raises(OverBudgetError):
        claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    assert fresh(claim).number == ""


def test_submitted_over_budget_with_sales_gm_when_policy_allows_extra_approval(
    make_budget, standards, policies, submitted
):
    make_budget("entertainment", months=["1000.00"] * 12)

    claim = submitted(amount="1200.00", category="entertainment", lines=[
        {"date": MARCH, "item_type": ItemType.OTHER, "amount": "1200.00",
         "description": "客户礼品"},
    ])

    assert claim.state == ClaimState.SUBMITTED
    assert (claim.over_budget, claim.over_standard) == (True, False)
    assert chain_codes(claim) == ["line_manager", "sales_gm"]
    row = balance("M03", category="entertainment")
    assert row.reserved == Decimal("1200.00") and row.remaining == Decimal("-200.00")


def test_gm_not_added_twice_when_over_budget_claim_already_needs_the_gm(make_budget, standards,
                                                                        policies, submitted):
    make_budget("entertainment", months=["1000.00"] * 12)

    claim = submitted(amount="6000.00", category="entertainment")

    assert claim.over_budget is True
    assert chain_codes(claim) == ["line_manager", "sales_gm"]
