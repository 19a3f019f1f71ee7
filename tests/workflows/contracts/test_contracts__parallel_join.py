"""Legal and finance review in parallel after the regional review (policy 4.4): both must
approve before the one sign-off task opens; either may reject (the other's task is cancelled,
the contract is rejected) or return it to the owner, who resubmits to the regional review."""

import pytest

from core.audit.verify import verify_all
from core.inbox import services as inbox
from core.inbox.models import Decision, RequestStatus, WorkItem, WorkItemStatus
from tests.core.inbox.helpers import one_audit_event
from workflows.contracts.models import ContractState

from .conftest import fresh, item, open_items, request_of

pytestmark = pytest.mark.django_db

PARALLEL = {"legal_review", "credit_review"}


def steps(contract) -> list[tuple[str, str, str]]:
    return list(WorkItem.objects.filter(request=request_of(contract)).order_by("pk")
                .values_list("step_code", "status", "decision"))


def test_both_reviews_open_when_regional_manager_approves(personas, submitted):
    contract = submitted()
    assert [i.step_code for i in open_items(contract)] == ["regional_review"]
    assert item(contract, "regional_review").assignee == personas["east_mgr"]

    with one_audit_event("contract.step_approved"):
        inbox.task_approve(task_id=item(contract, "regional_review").pk,
                           actor=personas["east_mgr"])

    opened = open_items(contract)
    assert {i.step_code for i in opened} == PARALLEL
    legal, credit = item(contract, "legal_review"), item(contract, "credit_review")
    assert set(legal.candidate_set.values_list("user__username", flat=True)) == {"legal",
                                                                                 "legal2"}
    assert set(credit.candidate_set.values_list("user__username", flat=True)) == {
        "finance", "finance_clerk"}
    req = request_of(contract)
    assert req.current_step == "legal_review+credit_review"
    assert set(req.waiting_on_ids) == {personas[u].pk for u in
                                       ("legal", "legal2", "finance", "finance_clerk")}


@pytest.mark.parametrize("first, second", [
    (("legal_review", "legal"), ("credit_review", "finance")),
    (("credit_review", "finance_clerk"), ("legal_review", "legal2")),
], ids=["legal_first", "finance_first"])
def test_one_sign_off_task_when_both_reviews_approve_in_either_order(personas, in_parallel,
                                                                     first, second):
    contract = in_parallel("500000.00")

    with one_audit_event("contract.step_approved"):
        inbox.task_approve(task_id=item(contract, first[0]).pk, actor=personas[first[1]])
    assert [i.step_code for i in open_items(contract)] == [second[0]]
    assert request_of(contract).current_step == second[0]

    with one_audit_event("contract.step_approved"):
        inbox.task_approve(task_id=item(contract, second[0]).pk, actor=personas[second[1]])

    (sign_off,) = open_items(contract)
    assert sign_off.step_code == "sales_gm"
    assert sign_off.assignee == personas["gm"]
    assert fresh(contract).state == ContractState.IN_REVIEW
    assert request_of(contract).status == RequestStatus.IN_REVIEW

    with one_audit_event("contract.signed"):
        inbox.task_approve(task_id=sign_off.pk, actor=personas["gm"])
    contract = fresh(contract)
    assert contract.state == ContractState.SIGNED and contract.signed_at is not None
    assert request_of(contract).status == RequestStatus.APPROVED
    assert open_items(contract) == []
    assert [s[0] for s in steps(contract)].count("sales_gm") == 1


@pytest.mark.parametrize("rejecting, other", [
    (("legal_review", "legal"), "credit_review"),
    (("credit_review", "finance"), "legal_review"),
])
def test_contract_rejected_and_sibling_cancelled_when_one_review_rejects(personas, in_parallel,
                                                                         rejecting, other):
    contract = in_parallel()
    sibling = item(contract, other)

    with one_audit_event("contract.rejected") as audit:
        inbox.task_reject(task_id=item(contract, rejecting[0]).pk, actor=personas[rejecting[1]],
                          reason="违约条款不可接受")
    assert audit["event"].to_state == ContractState.REJECTED

    assert fresh(contract).state == ContractState.REJECTED
    req = request_of(contract)
    assert req.status == RequestStatus.REJECTED
    assert req.current_step == ""
    assert open_items(contract) == []
    sibling = WorkItem.objects.select_related("task").get(pk=sibling.pk)
    assert sibling.status == WorkItemStatus.CANCELLED
    assert not sibling.candidate_set.filter(open=True).exists()
    assert not WorkItem.objects.filter(request=req, step_code__in=["sales_gm", "ceo"]).exists()


def test_rejected_after_one_approval_when_the_other_review_rejects(personas, in_parallel):
    contract = in_parallel()
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])

    inbox.task_reject(task_id=item(contract, "legal_review").pk, actor=personas["legal"],
                      reason="管辖条款缺失")

    assert fresh(contract).state == ContractState.REJECTED
    assert request_of(contract).status == RequestStatus.REJECTED
    assert open_items(contract) == []
    assert not WorkItem.objects.filter(request=request_of(contract),
                                       step_code__in=["sales_gm", "ceo"]).exists()


def test_owner_revises_and_history_kept_when_finance_returns(personas, in_parallel):
    owner = personas["east_rep1"]
    contract = in_parallel()
    legal = item(contract, "legal_review")

    with one_audit_event("contract.returned") as audit:
        inbox.task_return(task_id=item(contract, "credit_review").pk, actor=personas["finance"],
                          reason="账期过长")
    assert audit["event"].to_state == ContractState.RETURNED

    assert WorkItem.objects.get(pk=legal.pk).status == WorkItemStatus.CANCELLED
    (revise,) = open_items(contract)
    assert revise.step_code == "revise" and revise.is_revision
    assert revise.assignee == owner
    assert fresh(contract).state == ContractState.RETURNED
    assert request_of(contract).status == RequestStatus.RETURNED

    with one_audit_event("contract.resubmitted"):
        inbox.request_resubmit(request_id=request_of(contract).pk, actor=owner, comment="已改")

    assert fresh(contract).state == ContractState.IN_REVIEW
    (regional,) = open_items(contract)
    assert regional.step_code == "regional_review"
    assert regional.assignee == personas["east_mgr"]
    history = steps(contract)
    assert len(history) == 5
    assert history[0] == ("regional_review", WorkItemStatus.DONE, Decision.APPROVED)
    # the split opens its two branches in an order of its own
    assert set(history[1:3]) == {("legal_review", WorkItemStatus.CANCELLED, ""),
                                 ("credit_review", WorkItemStatus.DONE, Decision.RETURNED)}
    assert history[3:] == [("revise", WorkItemStatus.DONE, Decision.REVISED),
                           ("regional_review", WorkItemStatus.OPEN, "")]
    assert verify_all(save=False).ok


def test_one_sign_off_task_when_both_approve_after_a_return(personas, in_parallel):
    """The join must work again on the second pass, after its first run ended in a return."""
    owner = personas["east_rep1"]
    contract = in_parallel()
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])
    inbox.task_return(task_id=item(contract, "credit_review").pk, actor=personas["finance"],
                      reason="补充付款计划")
    inbox.request_resubmit(request_id=request_of(contract).pk, actor=owner)
    inbox.task_approve(task_id=item(contract, "regional_review").pk, actor=personas["east_mgr"])
    assert {i.step_code for i in open_items(contract)} == PARALLEL

    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal2"])
    assert [i.step_code for i in open_items(contract)] == ["credit_review"]
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])

    assert [i.step_code for i in open_items(contract)] == ["sales_gm"]
    inbox.task_approve(task_id=item(contract, "sales_gm").pk, actor=personas["gm"])
    assert fresh(contract).state == ContractState.SIGNED
    assert request_of(contract).status == RequestStatus.APPROVED
    assert verify_all(save=False).ok


def test_legal_review_cancelled_when_legal_returns_too(personas, in_parallel):
    contract = in_parallel()
    credit = item(contract, "credit_review")
    inbox.task_return(task_id=item(contract, "legal_review").pk, actor=personas["legal"],
                      reason="条款需修改")
    assert WorkItem.objects.get(pk=credit.pk).status == WorkItemStatus.CANCELLED
    assert [i.step_code for i in open_items(contract)] == ["revise"]
    assert fresh(contract).state == ContractState.RETURNED
