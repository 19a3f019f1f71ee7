"""Budget splits (policy 7.1): quarters add up to the year, months to their quarter, to the fen."""

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workflows.expenses.rules import QUARTER_MONTHS, even_split, shaped_split, split_errors

CENT = Decimal("0.01")


def grid(month: str = "1000.00"):
    months = [Decimal(month)] * 12
    quarters = [sum(months[m - 1] for m in QUARTER_MONTHS[q]) for q in range(1, 5)]
    return sum(quarters), quarters, months


def test_no_errors_when_months_add_up_to_quarters_and_quarters_to_total():
    total, quarters, months = grid()

    assert split_errors(total, quarters, months) == {}


@pytest.mark.parametrize("month, quarter", [(1, "q1"), (3, "q1"), (5, "q2"), (9, "q3"),
                                            (12, "q4")])
def test_month_off_by_a_fen_named_by_its_quarter_when_grid_does_not_add_up(month, quarter):
    total, quarters, months = grid()
    months[month - 1] += CENT

    errors = split_errors(total, quarters, months)

    assert list(errors) == [quarter]
    assert f"Q{quarter[1]}" in errors[quarter]
    assert "¥3,000.00" in errors[quarter]  # the quarter as given
    assert "¥3,000.01" in errors[quarter]  # what its months add up to
    assert "off by ¥0.01" in errors[quarter]


def test_every_off_quarter_named_with_its_own_difference_when_several_are_off():
    total, quarters, months = grid()
    months[1] -= Decimal("0.05")  # Q1 short by 0.05
    months[10] += Decimal("12.34")  # Q4 over by 12.34

    errors = split_errors(total, quarters, months)

    assert set(errors) == {"q1", "q4"}
    assert "off by ¥-0.05" in errors["q1"]
    assert "off by ¥12.34" in errors["q4"]


def test_total_named_with_difference_when_quarters_do_not_add_up_to_it():
    total, quarters, months = grid()

    errors = split_errors(total + CENT, quarters, months)

    assert list(errors) == ["total"]
    assert "¥12,000.00" in errors["total"] and "¥12,000.01" in errors["total"]
    assert "off by ¥-0.01" in errors["total"]


def test_quarter_and_total_both_named_when_one_quarter_is_off_from_both():
    total, quarters, months = grid()
    quarters[2] += Decimal("1.00")

    errors = split_errors(total, quarters, months)

    assert set(errors) == {"total", "q3"}
    assert "off by ¥1.00" in errors["total"]
    assert "off by ¥-1.00" in errors["q3"]


def test_each_negative_amount_named_when_amounts_are_negative():
    total, quarters, months = grid()
    months[3] = Decimal("-0.01")
    quarters[0] = Decimal("-5")

    errors = split_errors(total, quarters, months)

    # Negative amounts are reported alone: sums over them would only repeat the same mistake.
    assert set(errors) == {"m4", "q1"}
    assert all("negative" in message for message in errors.values())


def test_negative_total_refused_when_parts_are_negative_too():
    errors = split_errors(Decimal("-12"), [Decimal("-3")] * 4, [Decimal("-1")] * 12)

    assert set(errors) == {"total", "q1", "q2", "q3", "q4", *[f"m{m}" for m in range(1, 13)]}


def _consistent(total, quarters, months):
    assert len(quarters) == 4 and len(months) == 12
    assert all(x == x.quantize(CENT) for x in [*quarters, *months])
    assert sum(months, Decimal(0)) == total
    assert sum(quarters, Decimal(0)) == total
    for q, months_of_q in QUARTER_MONTHS.items():
        assert quarters[q - 1] == sum(months[m - 1] for m in months_of_q)
    assert split_errors(total, quarters, months) == {}


cents = st.integers(min_value=0, max_value=10**12).map(lambda c: Decimal(c) * CENT)


@settings(max_examples=300, deadline=None, database=None)  # no .hypothesis/ directory
@given(total=cents)
@example(total=Decimal("0.00"))
@example(total=Decimal("0.11"))
@example(total=Decimal("100000.07"))
def test_even_split_adds_up_to_the_fen_when_total_is_any_amount(total):
    quarters, months = even_split(total)

    _consistent(total, quarters, months)
    assert max(months) - min(months) <= CENT
    assert months == sorted(months, reverse=True)  # the remainder goes to the first months


shapes = st.lists(
    st.integers(min_value=0, max_value=10**9).map(lambda c: Decimal(c) * CENT),
    min_size=12, max_size=12,
)


@settings(max_examples=300, deadline=None, database=None)  # no .hypothesis/ directory
@given(total=cents, shape=shapes)
@example(total=Decimal("100.00"), shape=[Decimal(1)] * 12)
@example(total=Decimal("0.05"), shape=[Decimal(1)] * 12)
@example(total=Decimal("1000.00"), shape=[Decimal(0)] * 11 + [Decimal(1)])
@example(total=Decimal("999.99"), shape=[Decimal(3), *[Decimal(0)] * 10, Decimal(7)])
def test_shaped_split_adds_up_to_the_fen_when_total_and_shape_are_random(total, shape):
    quarters, months = shaped_split(total, shape)

    _consistent(total, quarters, months)
    assert all(m >= 0 for m in months)
    weight = sum(shape, Decimal(0))
    if weight > 0:
        for month, share in zip(months, shape, strict=True):
            # Each month is its exact proportion, within the fen handed out for rounding.
            assert abs(month - total * share / weight) <= CENT
            if share == 0:
                assert month == 0


def test_shaped_split_falls_back_to_even_split_when_shape_is_all_zero():
    assert shaped_split(Decimal("1200.05"), [Decimal(0)] * 12) == even_split(Decimal("1200.05"))


def test_shaped_split_follows_last_year_when_shape_is_seasonal():
    shape = [Decimal(x) for x in (1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4)]

    quarters, months = shaped_split(Decimal("2400.00"), shape)

    assert months[0] == Decimal("100.00") and months[11] == Decimal("400.00")
    assert quarters == [Decimal("400.00"), Decimal("600.00"), Decimal("600.00"),
                        Decimal("800.00")]
