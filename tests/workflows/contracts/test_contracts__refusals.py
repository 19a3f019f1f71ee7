"""Who may do what: only the customer's regional manager decides the regional review, only
the role's holders decide legal and finance reviews, the owner never decides their own
contract, an auditor changes nothing; a refusal leaves no trace in the audit chain."""

import pytest

from core.exceptions import (
    NotYourTaskError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
)
from core.inbox import services as inbox
from core.inbox.models import WorkItemStatus
from tests.core.inbox.helpers import no_audit_event
from workflows.contracts.models import Contract, ContractState
from workflows.contracts.services import contract_create, contract_submit, contract_update

from .conftest import fresh, item, open_items

pytestmark = pytest.mark.django_db


def test_not_your_task_when_south_manager_decides_east_regional_review(personas, submitted):
    contract = submitted()
    task = item(contract, "regional_review")
    with no_audit_event(), pytest.raises(NotYourTaskError):
        inbox.task_approve(task_id=task.pk, actor=personas["south_mgr"])
    with pytest.raises(NotYourTaskError):
        inbox.task_reject(task_id=task.pk, actor=personas["south_mgr"], reason="no")
    assert fresh(task).status == WorkItemStatus.OPEN


@pytest.mark.parametrize("step, who", [("legal_review", "finance"), ("credit_review", "legal"),
                                       ("legal_review", "east_mgr"), ("credit_review", "gm")])
def test_not_your_task_when_reviewer_lacks_the_role(personas, in_parallel, step, who):
    contract = in_parallel()
    with no_audit_event(), pytest.raises(NotYourTaskError):
        inbox.task_approve(task_id=item(contract, step).pk, actor=personas[who])
    assert {i.step_code for i in open_items(contract)} == {"legal_review", "credit_review"}


def test_segregation_of_duties_when_owner_decides_own_contract(personas, in_parallel):
    contract = in_parallel()
    for step in ("legal_review", "credit_review"):
        with no_audit_event(), pytest.raises(SegregationOfDutiesError):
            inbox.task_approve(task_id=item(contract, step).pk, actor=personas["east_rep1"])


def test_owner_not_a_candidate_when_they_hold_the_reviewing_role(personas, customer):
    """A finance person who drafts a contract never sees its credit review in their queue."""
    owner = personas["finance_clerk"]
    contract = contract_create(actor=owner, customer=customer, title="内部采购", value="1000")
    contract_submit(contract_id=contract.pk, actor=owner)
    inbox.task_approve(task_id=item(contract, "regional_review").pk, actor=personas["east_mgr"])
    credit = item(contract, "credit_review")
    assert credit.assignee == personas["finance"]
    with pytest.raises(SegregationOfDutiesError):
        inbox.task_approve(task_id=credit.pk, actor=owner)


def test_read_only_when_auditor_acts(personas, customer, in_parallel):
    contract = in_parallel()
    for step in ("legal_review", "credit_review"):
        with no_audit_event(), pytest.raises(ReadOnlyRoleError):
            inbox.task_approve(task_id=item(contract, step).pk, actor=personas["auditor"])
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        contract_create(actor=personas["auditor"], customer=customer, title="x", value="1")
    assert Contract.objects.count() == 1


def test_refused_when_someone_else_edits_or_submits_the_draft(personas, customer):
    draft = contract_create(actor=personas["east_rep1"], customer=customer, title="草稿",
                            value="1000")
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        contract_update(contract_id=draft.pk, actor=personas["east_rep2"], title="改")
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        contract_submit(contract_id=draft.pk, actor=personas["east_mgr"])
    assert fresh(draft).state == ContractState.DRAFT



@pytest.mark.parametrize(("step", "reviewer"), [
    ("regional_review", "east_mgr"), ("legal_review", "legal"), ("credit_review", "finance")])
def test_refused_when_a_review_returns_to_a_sign_off_step_not_yet_reached(
        personas, submitted, in_parallel, step, reviewer):
    """Found by the property tests: a review "returned" to chain step 0 skipped the reviews
    straight into sign-off. A review goes back to the owner only."""
    from core.exceptions import InvalidInputError

    contract = submitted("50000.00") if step == "regional_review" else in_parallel("50000.00")
    task = item(contract, step)
    with pytest.raises(InvalidInputError):
        inbox.task_return(task_id=task.pk, actor=personas[reviewer], reason="改", to_step=0)
    assert item(contract, step).pk == task.pk  # still open, nothing moved
