"""Collection on-time rate = collections done on or before their due date / those done or
past due; the overdue amount, and the part overdue by more than 30 days (policy 8.3)."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from workflows.contracts.models import Contract, ContractState, Milestone
from workflows.contracts.services import (
    contract_amend,
    contract_submit,
    milestone_add,
    milestone_done,
)

from .conftest import at, figures, submit, through

pytestmark = pytest.mark.django_db
TODAY = date(2025, 9, 1)


def add(personas, contract, kind, amount, due, done=None):
    m = milestone_add(contract_id=contract.pk, actor=personas["east_rep1"], kind=kind,
                      amount=Decimal(amount), due_date=due)
    if done:
        milestone_done(milestone_id=m.pk, actor=personas["finance"], done_date=done)
    return m


@pytest.fixture
def signed_2025(personas, east):
    c = submit(personas, east, "1000000.00", at(2025, 3, 3), terms=60)
    return through(personas, c, at(2025, 3, 3))


def test_rate_and_overdue_amounts_when_collections_are_on_time_late_and_overdue(personas,
                                                                               signed_2025):
    c = signed_2025
    col, delivery, invoice = (Milestone.Kind.COLLECTION, Milestone.Kind.DELIVERY,
                              Milestone.Kind.INVOICE)
    add(personas, c, col, "100000", date(2025, 6, 1), done=date(2025, 5, 30))  # early
    add(personas, c, col, "100000", date(2025, 6, 1), done=date(2025, 6, 1))  # on the day
    add(personas, c, col, "100000", date(2025, 7, 1), done=date(2025, 7, 5))  # late
    add(personas, c, col, "150000", date(2025, 8, 22))  # 10 days overdue
    add(personas, c, col, "250000", date(2025, 7, 20))  # 43 days overdue
    add(personas, c, col, "300000", date(2025, 9, 11))  # not due yet: not measured
    add(personas, c, delivery, "0", date(2025, 5, 1))  # not a collection
    add(personas, c, invoice, "1000000", date(2025, 5, 15), done=date(2025, 5, 20))

    got = figures(personas["gm"], 2025, today=TODAY)["collections"]

    assert got == {
        "on_time": 2, "late": 1, "overdue": 2, "measured": 5,
        "on_time_percent": Decimal("40.0"),
        "overdue_amount": Decimal("400000.00"),
        "overdue_30": 1, "overdue_30_amount": Decimal("250000.00"),
        "open_amount": Decimal("700000.00"),
    }


def test_no_rate_when_nothing_is_done_or_due(personas, signed_2025):
    add(personas, signed_2025, Milestone.Kind.COLLECTION, "100000", date(2025, 12, 1))
    got = figures(personas["gm"], 2025, today=TODAY)["collections"]
    assert (got["measured"], got["on_time_percent"], got["open_amount"]) == (
        0, None, Decimal("100000.00"))


def test_not_counted_when_contract_was_submitted_outside_the_period(personas, signed_2025):
    add(personas, signed_2025, Milestone.Kind.COLLECTION, "100000", date(2025, 6, 1),
        done=date(2025, 6, 1))
    got = figures(personas["gm"], 2024, today=TODAY)["collections"]
    assert (got["on_time"], got["measured"]) == (0, 0)


def test_collections_of_both_versions_count_once_when_contract_was_amended(personas,
                                                                          signed_2025):
    add(personas, signed_2025, Milestone.Kind.COLLECTION, "400000", date(2025, 5, 1),
        done=date(2025, 4, 30))
    late = add(personas, signed_2025, Milestone.Kind.COLLECTION, "600000", date(2025, 7, 1))
    with time_machine.travel(at(2025, 6, 1), tick=False):
        v2 = contract_amend(contract_id=signed_2025.pk, actor=personas["east_rep1"],
                            reason="追加", value=Decimal("1100000.00"))
        contract_submit(contract_id=v2.pk, actor=personas["east_rep1"])
    v2 = through(personas, Contract.objects.get(pk=v2.pk), at(2025, 6, 1))
    assert v2.state == ContractState.SIGNED
    assert Milestone.objects.get(pk=late.pk).contract_id == v2.pk  # moved to the amendment

    got = figures(personas["gm"], 2025, today=TODAY)["collections"]

    assert (got["on_time"], got["overdue"], got["overdue_amount"]) == (
        1, 1, Decimal("600000.00"))
