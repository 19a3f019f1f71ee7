"""Who may decide a claim's step: its holder only; never the submitter (segregation of duties),
never an auditor; a refusal changes nothing and records nothing."""

from decimal import Decimal

import pytest

from core.exceptions import (
    NotYourTaskError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
)
from core.inbox import services as inbox
from workflows.expenses.models import ClaimState

from .helpers import balance, chain_codes, fresh, no_audit_event, open_item, request_of

pytestmark = pytest.mark.django_db

DECISIONS = {
    "approve": lambda item, actor: inbox.task_approve(task_id=item.pk, actor=actor),
    "reject": lambda item, actor: inbox.task_reject(task_id=item.pk, actor=actor, reason="no"),
    "return": lambda item, actor: inbox.task_return(task_id=item.pk, actor=actor, reason="fix"),
}


@pytest.mark.parametrize("decision", DECISIONS)
def test_segregation_of_duties_error_when_manager_decides_own_claim(travel_budget, submitted,
                                                                    personas, decision):
    claim = submitted("east_mgr", "860.00")
    item = open_item(claim)
    assert item.assignee == personas["gm"]  # the manager's own line manager

    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        DECISIONS[decision](item, personas["east_mgr"])

    assert fresh(claim).state == ClaimState.SUBMITTED
    assert open_item(claim).pk == item.pk


def test_segregation_of_duties_error_when_finance_reviews_own_claim(make_budget, standards,
                                                                    policies, submitted,
                                                                    through_chain, personas):
    make_budget("travel", department="finance")
    claim = submitted("finance_clerk", "500.00")
    review = through_chain(claim)

    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        inbox.task_approve(task_id=review.pk, actor=personas["finance_clerk"])

    assert fresh(claim).state == ClaimState.APPROVED


def test_segregation_of_duties_error_when_submitter_approves_own_line_step(travel_budget,
                                                                          submitted, personas):
    claim = submitted("east_rep1")

    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        inbox.task_approve(task_id=open_item(claim).pk, actor=personas["east_rep1"])

    assert fresh(claim).state == ClaimState.SUBMITTED


@pytest.mark.parametrize("who", ["east_rep2", "south_mgr", "gm", "ceo", "finance", "admin"])
@pytest.mark.parametrize("decision", DECISIONS)
def test_not_your_task_error_when_someone_else_decides_the_line_step(travel_budget, submitted,
                                                                     personas, who, decision):
    claim = submitted("east_rep1")
    item = open_item(claim)

    with no_audit_event(), pytest.raises(NotYourTaskError):
        DECISIONS[decision](item, personas[who])

    assert fresh(claim).state == ClaimState.SUBMITTED
    assert balance("M03").reserved == Decimal("860.00")


@pytest.mark.parametrize("who", ["east_mgr", "gm", "ceo"])
def test_not_your_task_error_when_someone_outside_finance_reviews_the_voucher(
    travel_budget, submitted, through_chain, personas, who
):
    claim = submitted("east_rep1")
    review = through_chain(claim)

    with no_audit_event(), pytest.raises(NotYourTaskError):
        inbox.task_approve(task_id=review.pk, actor=personas[who])

    assert fresh(claim).state == ClaimState.APPROVED


@pytest.mark.parametrize("decision", DECISIONS)
def test_read_only_error_when_auditor_decides(travel_budget, submitted, through_chain, personas,
                                              decision):
    claim = submitted("east_rep1")

    with no_audit_event(), pytest.raises(ReadOnlyRoleError):
        DECISIONS[decision](open_item(claim), personas["auditor"])
    review = through_chain(claim)
    with no_audit_event(), pytest.raises(ReadOnlyRoleError):
        DECISIONS[decision](review, personas["auditor"])

    assert fresh(claim).state == ClaimState.APPROVED


def test_permission_denied_when_auditor_or_approver_withdraws_or_resubmits(
    travel_budget, submitted, personas
):
    claim = submitted("east_rep1")
    req = request_of(claim)

    for who in ("auditor", "east_mgr"):
        with no_audit_event(), pytest.raises(PermissionDeniedError):
            inbox.request_withdraw(request_id=req.pk, actor=personas[who])
    inbox.task_return(task_id=open_item(claim).pk, actor=personas["east_mgr"], reason="fix")
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        inbox.request_resubmit(request_id=req.pk, actor=personas["east_mgr"])

    assert fresh(claim).state == ClaimState.RETURNED


def test_admin_not_in_the_chain_when_chain_resolves_normally(travel_budget, submitted):
    claim = submitted("south_rep1", "860.00")

    assert chain_codes(claim) == ["line_manager"]
    assert open_item(claim).assignee.username == "south_mgr"
