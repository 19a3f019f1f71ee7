"""A signed contract is immutable: it changes only by an amendment, the next version under the
same number, reviewed again; signing the amendment supersedes the version it amends."""

from decimal import Decimal

import pytest

from core.exceptions import InvalidInputError, StateConflictError
from core.inbox import services as inbox
from tests.core.inbox.helpers import no_audit_event, one_audit_event
from workflows.contracts.models import Contract, ContractState
from workflows.contracts.services import (
    contract_amend,
    contract_submit,
    contract_update,
)
from workflows.contracts.services.contracts import version_diff

from .conftest import fresh, item, open_items, request_of

pytestmark = pytest.mark.django_db


def test_version_two_draft_with_same_number_when_signed_contract_is_amended(personas, signed):
    owner = personas["east_rep1"]
    v1 = signed("500000.00", terms=30)
    assert v1.number.startswith("HT-")

    with one_audit_event("contract.amendment_drafted") as audit:
        v2 = contract_amend(contract_id=v1.pk, actor=owner, reason="追加数量",
                            value=Decimal("650000.00"), payment_terms_days=45)

    assert (v2.number, v2.version, v2.previous_id) == (v1.number, 2, v1.pk)
    assert v2.state == ContractState.DRAFT
    assert v2.title == v1.title
    assert version_diff(v1, v2) == {"value": ["500000.00", "650000.00"],
                                    "payment_terms_days": ["30", "45"]}
    assert audit["event"].changes == version_diff(v1, v2)
    assert fresh(v1).state == ContractState.SIGNED


def test_previous_version_superseded_when_amendment_is_signed(personas, signed):
    owner = personas["east_rep1"]
    v1 = signed("500000.00")
    v2 = contract_amend(contract_id=v1.pk, actor=owner, reason="延长交付",
                        delivery_terms="分两批交付")
    contract_submit(contract_id=v2.pk, actor=owner)
    assert request_of(v2).number == f"{v1.number} v2"
    inbox.task_approve(task_id=item(v2, "regional_review").pk, actor=personas["east_mgr"])
    inbox.task_approve(task_id=item(v2, "legal_review").pk, actor=personas["legal"])
    inbox.task_approve(task_id=item(v2, "credit_review").pk, actor=personas["finance"])
    assert fresh(v1).state == ContractState.SIGNED  # still in force until v2 is signed

    inbox.task_approve(task_id=item(v2, "sales_gm").pk, actor=personas["gm"])

    assert fresh(v2).state == ContractState.SIGNED
    assert fresh(v1).state == ContractState.SUPERSEDED
    assert Contract.objects.filter(number=v1.number, state=ContractState.SIGNED).count() == 1


def test_refused_when_an_amendment_is_already_under_way(personas, signed):
    v1 = signed()
    contract_amend(contract_id=v1.pk, actor=personas["east_rep1"], reason="一")
    with no_audit_event(), pytest.raises(StateConflictError):
        contract_amend(contract_id=v1.pk, actor=personas["east_rep1"], reason="二")


def test_refused_when_amendment_has_no_reason(personas, signed):
    v1 = signed()
    with pytest.raises(InvalidInputError) as exc:
        contract_amend(contract_id=v1.pk, actor=personas["east_rep1"], reason="  ")
    assert "reason" in exc.value.fields


def test_refused_when_contract_to_amend_is_not_signed(personas, in_parallel):
    contract = in_parallel()
    with pytest.raises(StateConflictError):
        contract_amend(contract_id=contract.pk, actor=personas["east_rep1"], reason="改价")


def test_update_refused_when_contract_is_signed(personas, signed):
    v1 = signed("500000.00")
    with no_audit_event(), pytest.raises(StateConflictError):
        contract_update(contract_id=v1.pk, actor=personas["east_rep1"],
                        value=Decimal("1.00"))
    assert fresh(v1).value == Decimal("500000.00")


def test_update_refused_when_contract_is_in_review(personas, submitted):
    contract = submitted()
    with pytest.raises(StateConflictError):
        contract_update(contract_id=contract.pk, actor=personas["east_rep1"], title="改")


def test_returned_contract_edited_and_rechecked_when_resubmitted(personas, customer,
                                                                 in_parallel):
    owner = personas["east_rep1"]
    contract = in_parallel("500000.00", terms=120)  # rating A allows 90 days
    assert contract.credit_breach
    inbox.task_return(task_id=item(contract, "credit_review").pk, actor=personas["finance"],
                      reason="账期超限")

    with one_audit_event("contract.edited") as audit:
        contract_update(contract_id=contract.pk, actor=owner, payment_terms_days=60)
    assert audit["event"].changes == {"payment_terms_days": ["120", "60"]}
    inbox.request_resubmit(request_id=request_of(contract).pk, actor=owner)

    contract = fresh(contract)
    assert not contract.credit_breach
    assert [s["code"] for s in request_of(contract).chain] == ["sales_gm"]
    assert [i.step_code for i in open_items(contract)] == ["regional_review"]
