"""After signing (policy 4.4): milestones on signed contracts only; open receivables derived
from uncollected collection milestones; one credit alert per collection overdue > 30 days."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.exceptions import PermissionDeniedError, StateConflictError
from tests.core.inbox.helpers import one_audit_event
from workflows.contracts.models import CreditAlert, Milestone
from workflows.contracts.services import collections_sweep, milestone_add, milestone_done

from .conftest import fresh

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def add(personas, contract, kind, amount, days_from_today, who="east_rep1"):
    return milestone_add(contract_id=contract.pk, actor=personas[who], kind=kind,
                         amount=amount, due_date=TODAY() + timedelta(days=days_from_today))


def test_refused_when_contract_is_not_signed(personas, submitted):
    contract = submitted()
    with pytest.raises(StateConflictError):
        add(personas, contract, Milestone.Kind.DELIVERY, "0", 10)
    assert not Milestone.objects.exists()


def test_refused_when_actor_neither_owns_nor_manages(personas, signed):
    contract = signed()
    for who in ("east_rep2", "legal", "auditor"):
        with pytest.raises(PermissionDeniedError):
            add(personas, contract, Milestone.Kind.DELIVERY, "0", 10, who=who)


def test_receivables_follow_collections_when_added_and_done(personas, customer, signed):
    contract = signed("800000.00")
    with one_audit_event("contract.milestone_added"):
        first = add(personas, contract, Milestone.Kind.COLLECTION, "300000.00", 30)
    add(personas, contract, Milestone.Kind.COLLECTION, "500000.00", 90, who="finance")
    add(personas, contract, Milestone.Kind.INVOICE, "800000.00", 20)
    assert fresh(customer).open_receivables == Decimal("800000.00")

    with one_audit_event("contract.milestone_done"):
        milestone_done(milestone_id=first.pk, actor=personas["finance"])

    assert fresh(first).done_date == TODAY()
    assert fresh(customer).open_receivables == Decimal("500000.00")


def test_one_alert_per_overdue_collection_when_swept_twice(personas, customer, signed):
    contract = signed("900000.00")
    late = add(personas, contract, Milestone.Kind.COLLECTION, "100000.00", -31)
    later = add(personas, contract, Milestone.Kind.COLLECTION, "200000.00", -90)
    add(personas, contract, Milestone.Kind.COLLECTION, "300000.00", -30)  # not yet > 30 days
    add(personas, contract, Milestone.Kind.DELIVERY, "0", -60)  # not a collection
    collected = add(personas, contract, Milestone.Kind.COLLECTION, "50000.00", -60)
    milestone_done(milestone_id=collected.pk, actor=personas["finance"])

    assert collections_sweep() == 2
    assert collections_sweep() == 0

    alerts = {a.milestone_id: a for a in CreditAlert.objects.all()}
    assert set(alerts) == {late.pk, later.pk}
    assert alerts[late.pk].days_overdue == 31 and alerts[later.pk].days_overdue == 90
    assert {a.customer_id for a in alerts.values()} == {customer.pk}
    # A later day finds the 30-day one, once.
    assert collections_sweep(today=TODAY() + timedelta(days=1)) == 1
    assert CreditAlert.objects.count() == 3
