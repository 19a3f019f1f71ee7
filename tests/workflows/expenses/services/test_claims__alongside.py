"""加签 alongside me on a claim: the line manager asks legal to co-sign their step; the claim
moves on to finance only when both approved, and a co-signer's rejection rejects it."""

import pytest

from core.inbox import actions
from core.inbox import services as inbox
from core.inbox.models import WorkItemStatus
from workflows.expenses.models import ClaimState

from .helpers import fresh, open_item, open_items, request_of

pytestmark = pytest.mark.django_db


def co_sign(claim, personas):
    mine = open_item(claim)
    assert mine.step_code == "line_manager" and mine.assignee == personas["east_mgr"]
    actions.task_add_signer(task_id=mine.pk, actor=personas["east_mgr"],
                            signers=[personas["legal"]], position="alongside",
                            reason="招待对象涉及合同，请法务会签")
    theirs = next(i for i in open_items(claim) if i.assignee == personas["legal"])
    return mine, theirs


def test_the_claim_reaches_finance_when_the_manager_and_the_co_signer_approved(
        travel_budget, submitted, personas, through_chain):
    claim = submitted("east_rep1", "860.00")
    mine, theirs = co_sign(claim, personas)

    inbox.task_approve(task_id=theirs.pk, actor=personas["legal"])
    assert fresh(claim).state == ClaimState.SUBMITTED
    assert [i.pk for i in open_items(claim)] == [mine.pk]

    inbox.task_approve(task_id=mine.pk, actor=personas["east_mgr"])
    finance = through_chain(claim)  # the rest of the chain, if any, then finance
    assert finance.step_code == "finance_review"
    assert fresh(claim).state == ClaimState.APPROVED


def test_a_co_signers_rejection_rejects_the_claim_and_closes_the_managers_task(
        travel_budget, submitted, personas):
    claim = submitted("east_rep1", "860.00")
    mine, theirs = co_sign(claim, personas)

    inbox.task_reject(task_id=theirs.pk, actor=personas["legal"], reason="不合规")

    assert fresh(claim).state == ClaimState.REJECTED
    assert not open_items(claim)
    assert fresh(mine).status == WorkItemStatus.CANCELLED
    assert request_of(claim).status == "rejected"
