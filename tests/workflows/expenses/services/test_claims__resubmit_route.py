"""Where a returned claim goes when it is resubmitted (issue 18): the approver who returned it
chooses — the whole chain again (the default) or straight back to them, the steps before
standing — and a revision that changed the total restarts it whatever they chose. The
choice and the route taken are in the audit trail."""

from decimal import Decimal

import pytest

from core.exceptions import InvalidInputError
from core.inbox import services as inbox
from core.inbox.models import RequestStatus
from workflows.expenses.models import ClaimState, ItemType
from workflows.expenses.services import claim_update

from .helpers import (
    MARCH,
    fresh,
    live_reservations,
    no_audit_event,
    one_audit_event,
    open_item,
    request_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_finance(travel_budget, submitted, through_chain):
    """east_rep1's 6,400.00 claim (line manager, sales GM) at finance's voucher review."""

    def run():
        claim = submitted("east_rep1", "6400.00")
        return claim, through_chain(claim)

    return run


def resubmit(claim, personas):
    with one_audit_event("expense.resubmitted") as audit:
        inbox.request_resubmit(request_id=request_of(claim).pk, actor=personas["east_rep1"],
                               comment="已补充")
    return audit["event"]


def test_straight_back_to_finance_when_finance_asked_for_it(at_finance, personas):
    claim, review = at_finance()
    round_before = request_of(claim).round
    with one_audit_event("expense.returned") as returned:
        inbox.task_return(task_id=review.pk, actor=personas["finance_clerk"], reason="缺发票",
                          resubmit_to="returner")
    assert returned["event"].data["resubmit_to"] == "returner"

    event = resubmit(claim, personas)

    claim = fresh(claim)
    assert claim.state == ClaimState.APPROVED  # at finance again, the chain's approvals stand
    item = open_item(claim)
    # the finance queue's step, held by whoever returned it
    assert (item.step_code, item.assignee) == ("finance_review", personas["finance_clerk"])
    req = request_of(claim)
    assert (req.status, req.round, req.resume_step) == (RequestStatus.IN_REVIEW, round_before,
                                                       "")
    assert req.waiting_on_ids == [personas["finance_clerk"].pk]
    assert (event.from_state, event.to_state) == ("returned", "approved")
    assert event.data == {"route": "returner", "resumed_at": "finance_review"}
    assert [r.amount for r in live_reservations(claim)] == [Decimal("6400.00")]

    inbox.task_approve(task_id=item.pk, actor=personas["finance_clerk"])
    assert fresh(claim).state in (ClaimState.VOUCHER_APPROVED, ClaimState.PAID)


@pytest.mark.parametrize("choice", [None, "restart"])
def test_whole_chain_again_by_default_or_when_finance_chose_it(at_finance, personas, choice):
    claim, review = at_finance()
    round_before = request_of(claim).round
    with one_audit_event("expense.returned") as returned:
        inbox.task_return(task_id=review.pk, actor=personas["finance"], reason="重新审批",
                          resubmit_to=choice)
    assert returned["event"].data["resubmit_to"] == "restart"

    event = resubmit(claim, personas)

    claim = fresh(claim)
    assert claim.state == ClaimState.SUBMITTED
    item = open_item(claim)
    assert (item.step_code, item.step_index, item.assignee) == ("line_manager", 0,
                                                                personas["east_mgr"])
    assert request_of(claim).round == round_before + 1
    assert event.data == {"route": "restart"}


def test_straight_back_to_the_sales_gm_when_the_gm_returned_it(at_finance, travel_budget,
                                                                submitted, personas):
    claim = submitted("east_rep1", "6400.00")
    inbox.task_approve(task_id=open_item(claim).pk, actor=personas["east_mgr"])
    gm_step = open_item(claim)
    assert gm_step.step_code == "sales_gm"
    inbox.task_return(task_id=gm_step.pk, actor=personas["gm"], reason="说明招待对象",
                      resubmit_to="returner")

    event = resubmit(claim, personas)

    item = open_item(claim)
    assert (item.step_code, item.step_index, item.assignee) == ("sales_gm", 1, personas["gm"])
    assert fresh(claim).state == ClaimState.SUBMITTED
    assert event.data == {"route": "returner", "resumed_at": "sales_gm"}
    # the line manager, whose approval stands, may not decide another step of this round
    inbox.task_approve(task_id=item.pk, actor=personas["gm"])
    assert open_item(claim).step_code == "finance_review"


def test_restarts_whatever_was_chosen_when_the_revision_changed_the_total(at_finance,
                                                                          personas):
    claim, review = at_finance()
    inbox.task_return(task_id=review.pk, actor=personas["finance"], reason="金额有误",
                      resubmit_to="returner")
    claim_update(claim_id=claim.pk, actor=personas["east_rep1"], lines=[
        {"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": "5400.00",
         "description": "高铁往返"}])

    event = resubmit(claim, personas)

    assert fresh(claim).state == ClaimState.SUBMITTED
    assert open_item(claim).step_code == "line_manager"
    assert event.data == {"route": "restart", "restarted_because": "amount_changed"}


def test_refused_and_nothing_changed_when_the_choice_is_unknown(at_finance, personas):
    claim, review = at_finance()

    with no_audit_event(), pytest.raises(InvalidInputError) as refused:
        inbox.task_return(task_id=review.pk, actor=personas["finance"], reason="x",
                          resubmit_to="elsewhere")

    assert "resubmit_to" in refused.value.fields
    assert fresh(claim).state == ClaimState.APPROVED
    assert open_item(claim).pk == review.pk
