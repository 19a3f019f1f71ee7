"""加签 alongside me on a contract's sign-off: the sales GM asks a second legal counsel to
co-sign; the contract is signed when both approved."""

import pytest

from core.inbox import actions
from core.inbox import services as inbox
from core.inbox.models import WorkItemStatus
from workflows.contracts.models import ContractState

from .conftest import fresh, item, open_items, request_of

pytestmark = pytest.mark.django_db


def at_sign_off(in_parallel, personas):
    contract = in_parallel("500000.00")
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    assert [s["code"] for s in request_of(contract).chain] == ["sales_gm"]
    return contract


def test_signed_when_the_gm_and_the_co_signer_approved(in_parallel, personas):
    contract = at_sign_off(in_parallel, personas)
    mine = item(contract, "sales_gm")
    actions.task_add_signer(task_id=mine.pk, actor=personas["gm"], signers=[personas["legal2"]],
                            position="alongside", reason="重大合同，法务会签")
    theirs = next(i for i in open_items(contract) if i.assignee == personas["legal2"])
    assert theirs.step_code == "sales_gm"

    inbox.task_approve(task_id=mine.pk, actor=personas["gm"])
    assert fresh(contract).state != ContractState.SIGNED
    inbox.task_approve(task_id=theirs.pk, actor=personas["legal2"])
    assert fresh(contract).state == ContractState.SIGNED


def test_a_co_signer_who_reviewed_it_already_is_refused(in_parallel, personas):
    contract = at_sign_off(in_parallel, personas)
    mine = item(contract, "sales_gm")
    with pytest.raises(Exception) as exc:  # noqa: PT011
        actions.task_add_signer(task_id=mine.pk, actor=personas["gm"],
                                signers=[personas["legal"]], position="alongside", reason="x")
    assert exc.value.code == "segregation_of_duties"
    assert [i.pk for i in open_items(contract)] == [mine.pk]


def test_the_co_signer_returns_it_and_the_gms_task_closes(in_parallel, personas):
    contract = at_sign_off(in_parallel, personas)
    mine = item(contract, "sales_gm")
    actions.task_add_signer(task_id=mine.pk, actor=personas["gm"], signers=[personas["legal2"]],
                            position="alongside", reason="重大合同，法务会签")
    theirs = next(i for i in open_items(contract) if i.assignee == personas["legal2"])
    inbox.task_return(task_id=theirs.pk, actor=personas["legal2"], reason="条款需修改")
    assert fresh(mine).status == WorkItemStatus.CANCELLED
    assert request_of(contract).status == "returned"
