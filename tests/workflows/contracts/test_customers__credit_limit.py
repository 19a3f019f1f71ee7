"""A credit limit changes only when finance, other than the requester, approves (policy 4.4)."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.exceptions import PermissionDeniedError, StateConflictError
from tests.core.inbox.helpers import no_audit_event, one_audit_event
from workflows.contracts.models import CreditLimitChange
from workflows.contracts.services import credit_limit_decide, credit_limit_request

from .conftest import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def change(personas, customer):
    with one_audit_event("customer.limit_change_requested"):
        return credit_limit_request(customer_id=customer.pk, actor=personas["east_rep1"],
                                    new_limit="5000000", reason="年采购量翻倍")


def test_limit_changes_and_is_audited_when_finance_approves(personas, customer, change):
    assert fresh(customer).credit_limit == Decimal("3000000.00")

    with one_audit_event("customer.limit_changed") as audit:
        credit_limit_decide(change_id=change.pk, actor=personas["finance"], approve=True,
                            comment="同意")

    assert fresh(customer).credit_limit == Decimal("5000000.00")
    change = fresh(change)
    assert change.state == CreditLimitChange.State.APPROVED
    assert change.decided_by == personas["finance"] and change.decided_at is not None
    assert audit["event"].changes == {"credit_limit": ["3000000.00", "5000000.00"]}


def test_limit_unchanged_when_finance_refuses(personas, customer, change):
    with one_audit_event("customer.limit_change_refused"):
        credit_limit_decide(change_id=change.pk, actor=personas["finance_clerk"], approve=False)
    assert fresh(customer).credit_limit == Decimal("3000000.00")
    assert fresh(change).state == CreditLimitChange.State.REJECTED


def test_refused_when_requester_decides_their_own_change(personas, customer):
    own = credit_limit_request(customer_id=customer.pk, actor=personas["finance"],
                               new_limit="4000000", reason="复核")
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        credit_limit_decide(change_id=own.pk, actor=personas["finance"], approve=True)
    assert fresh(own).state == CreditLimitChange.State.PENDING

    credit_limit_decide(change_id=own.pk, actor=personas["finance_clerk"], approve=True)
    assert fresh(customer).credit_limit == Decimal("4000000.00")


@pytest.mark.parametrize("who", ["gm", "ceo", "east_mgr", "legal", "auditor"])
def test_refused_when_decider_is_not_finance(personas, customer, change, who):
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        credit_limit_decide(change_id=change.pk, actor=personas[who], approve=True)
    assert fresh(customer).credit_limit == Decimal("3000000.00")


def test_refused_when_a_change_is_already_pending(personas, customer, change):
    with no_audit_event(), pytest.raises(StateConflictError):
        credit_limit_request(customer_id=customer.pk, actor=personas["east_rep2"],
                             new_limit="6000000", reason="再提")
    assert CreditLimitChange.objects.filter(customer=customer).count() == 1


def test_refused_when_change_was_already_decided(personas, change):
    credit_limit_decide(change_id=change.pk, actor=personas["finance"], approve=True)
    with pytest.raises(StateConflictError):
        credit_limit_decide(change_id=change.pk, actor=personas["finance_clerk"], approve=False)
    assert AuditEvent.objects.filter(event="customer.limit_change_refused").count() == 0


def test_auditor_refused_when_requesting_a_change(personas, customer):
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        credit_limit_request(customer_id=customer.pk, actor=personas["auditor"],
                             new_limit="1", reason="x")
