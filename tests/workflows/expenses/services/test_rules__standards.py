"""Reimbursement standards (policy 7.3): a cap per unit, times the units, and the excess."""

from decimal import Decimal

import pytest

from workflows.expenses.rules import check_line, quarter_of


@pytest.mark.parametrize("amount, units, cap, excess", [
    ("1100.00", 2, "1000.00", "100.00"),  # two nights at 500
    ("1000.00", 2, "1000.00", "0.00"),  # exactly at the cap
    ("999.99", 2, "1000.00", "0.00"),
    ("1800.00", 6, "3000.00", "0.00"),
    ("500.01", 1, "500.00", "0.01"),
])
def test_cap_is_per_unit_cap_times_units_when_standard_applies(amount, units, cap, excess):
    check = check_line(Decimal(amount), units, Decimal("500.00"), refuse_excess=True)

    assert check.cap == Decimal(cap)
    assert check.excess == Decimal(excess)
    assert check.refuse is (Decimal(excess) > 0)


def test_excess_sent_for_approval_not_refused_when_standard_allows_extra_approval():
    check = check_line(Decimal("1800.00"), 6, Decimal("200.00"), refuse_excess=False)

    assert (check.cap, check.excess, check.refuse) == (Decimal("1200.00"), Decimal("600.00"),
                                                       False)


def test_no_cap_and_no_excess_when_no_standard_applies():
    check = check_line(Decimal("99999.99"), 3, None, refuse_excess=True)

    assert (check.cap, check.excess, check.refuse) == (None, Decimal("0.00"), False)


def test_one_unit_assumed_when_units_are_zero():
    check = check_line(Decimal("600.00"), 0, Decimal("500.00"), refuse_excess=True)

    assert (check.cap, check.excess) == (Decimal("500.00"), Decimal("100.00"))


def test_cap_and_excess_rounded_to_the_fen_when_inputs_have_more_places():
    check = check_line(Decimal("100.005"), 3, Decimal("33.333"), refuse_excess=False)

    assert check.cap == Decimal("100.00")
    assert check.excess == Decimal("0.01")


@pytest.mark.parametrize("month, quarter", [(1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (9, 3),
                                            (10, 4), (12, 4)])
def test_month_belongs_to_its_quarter_when_mapped(month, quarter):
    assert quarter_of(month) == quarter
