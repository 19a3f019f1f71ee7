"""Sign-off by the matrix (policy 4.4): the sales GM below 1,000,000.00, the CEO from it; a
credit breach (exposure over the limit, or terms longer than the rating allows) adds the CEO
whatever the value, whether found at submission or at the finance review."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.exceptions import NotYourTaskError
from core.inbox import services as inbox
from core.inbox.models import RequestStatus
from tests.core.inbox.helpers import one_audit_event
from workflows.contracts.models import ContractState, Customer, Milestone
from workflows.contracts.rules import TERMS_BY_RATING, credit_check
from workflows.contracts.services import milestone_add

from .conftest import fresh, item, open_items, request_of

pytestmark = pytest.mark.django_db


def chain_codes(contract) -> list[str]:
    return [s["code"] for s in request_of(contract).chain]


def approve_reviews(personas, contract) -> None:
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])


@pytest.mark.parametrize("value, code", [("999999.99", "sales_gm"), ("1000000.00", "ceo")])
def test_sign_off_by_matrix_when_value_is_at_the_boundary(personas, in_parallel, value, code):
    contract = in_parallel(value)
    assert not contract.credit_breach
    assert chain_codes(contract) == [code]

    approve_reviews(personas, contract)
    (sign_off,) = open_items(contract)
    assert sign_off.step_code == code
    assert sign_off.assignee == personas["gm" if code == "sales_gm" else "ceo"]

    if code == "ceo":  # the GM holds no authority over this band
        with pytest.raises(NotYourTaskError):
            inbox.task_approve(task_id=sign_off.pk, actor=personas["gm"])
        assert fresh(contract).state == ContractState.IN_REVIEW
    inbox.task_approve(task_id=sign_off.pk, actor=sign_off.assignee)
    assert fresh(contract).state == ContractState.SIGNED
    assert request_of(contract).status == RequestStatus.APPROVED


def test_ceo_added_when_value_exceeds_credit_limit(personas, customer, in_parallel):
    Customer.objects.filter(pk=customer.pk).update(credit_limit=Decimal("500000.00"))
    contract = in_parallel("500000.01")

    assert contract.credit_breach
    assert contract.credit_check["breach"] is True
    assert contract.credit_check["exposure"] == "500000.01"
    assert len(contract.credit_check["reasons"]) == 1
    assert chain_codes(contract) == ["sales_gm", "ceo"]

    approve_reviews(personas, contract)
    assert [i.step_code for i in open_items(contract)] == ["sales_gm"]
    inbox.task_approve(task_id=item(contract, "sales_gm").pk, actor=personas["gm"])
    assert fresh(contract).state == ContractState.IN_REVIEW
    assert [i.step_code for i in open_items(contract)] == ["ceo"]
    with one_audit_event("contract.signed"):
        inbox.task_approve(task_id=item(contract, "ceo").pk, actor=personas["ceo"])
    assert fresh(contract).state == ContractState.SIGNED


def test_ceo_signs_once_when_breach_and_value_over_one_million(personas, customer, submitted):
    Customer.objects.filter(pk=customer.pk).update(credit_limit=Decimal("1000000.00"))
    contract = submitted("1200000.00")
    assert contract.credit_breach
    assert chain_codes(contract) == ["ceo"]


def test_no_breach_when_value_equals_credit_limit(customer, submitted):
    Customer.objects.filter(pk=customer.pk).update(credit_limit=Decimal("500000.00"))
    contract = submitted("500000.00")
    assert not contract.credit_breach
    assert chain_codes(contract) == ["sales_gm"]


@pytest.mark.parametrize("rating", ["A", "B", "C"])
def test_ceo_added_when_terms_exceed_the_rating_allowance(personas, customer, submitted,
                                                          rating):
    Customer.objects.filter(pk=customer.pk).update(rating=rating)
    allowed = TERMS_BY_RATING[rating]

    within = submitted(terms=allowed)
    assert not within.credit_breach and chain_codes(within) == ["sales_gm"]

    beyond = submitted(terms=allowed + 1)
    assert beyond.credit_breach
    assert beyond.credit_check["allowed_terms"] == allowed
    assert chain_codes(beyond) == ["sales_gm", "ceo"]


def test_breach_flagged_when_receivables_grow_after_submission(personas, customer, signed,
                                                               in_parallel):
    """Finance reviews the credit check as it stands at its review, not at submission."""
    contract = in_parallel("500000.00")
    assert not contract.credit_breach and chain_codes(contract) == ["sales_gm"]

    # Meanwhile another contract of the customer is signed with 2,600,000.00 to collect.
    other = signed("2600000.00")
    milestone_add(contract_id=other.pk, actor=personas["east_rep1"],
                  kind=Milestone.Kind.COLLECTION, amount="2600000.00",
                  due_date=timezone.localdate() + timedelta(days=60))
    assert fresh(customer).open_receivables == Decimal("2600000.00")

    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])

    contract = fresh(contract)
    assert contract.credit_breach
    assert contract.credit_check["exposure"] == "3100000.00"
    assert chain_codes(contract) == ["sales_gm", "ceo"]
    assert request_of(contract).extra_steps == ["ceo"]
    inbox.task_approve(task_id=item(contract, "sales_gm").pk, actor=personas["gm"])
    inbox.task_approve(task_id=item(contract, "ceo").pk, actor=personas["ceo"])
    assert fresh(contract).state == ContractState.SIGNED


def test_breach_found_at_finance_review_when_finance_approves_first(personas, customer,
                                                                    in_parallel):
    contract = in_parallel("500000.00")
    Customer.objects.filter(pk=customer.pk).update(credit_limit=Decimal("400000.00"))

    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    assert fresh(contract).credit_breach
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])

    assert chain_codes(contract) == ["sales_gm", "ceo"]
    assert [i.step_code for i in open_items(contract)] == ["sales_gm"]


def test_credit_check_rules_when_exposure_and_terms_vary():
    ok = credit_check(value=Decimal("100"), open_receivables=Decimal("900"),
                      credit_limit=Decimal("1000"), payment_terms=60, rating="B")
    assert (ok.exposure, ok.breach, ok.reasons()) == (Decimal("1000"), False, [])
    over = credit_check(value=Decimal("100.01"), open_receivables=Decimal("900"),
                        credit_limit=Decimal("1000"), payment_terms=61, rating="B")
    assert over.over_limit and over.over_terms and len(over.reasons()) == 2
    prepay = credit_check(value=Decimal("1"), open_receivables=Decimal("0"),
                          credit_limit=Decimal("1000"), payment_terms=1, rating="D")
    assert prepay.breach and prepay.allowed_terms == 0
