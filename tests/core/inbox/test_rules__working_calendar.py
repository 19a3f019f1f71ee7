from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.inbox.rules import TZ, add_working_hours, is_working_day, subtract_working_hours

# March 2025: Mon 3 .. Fri 7, Sat 8, Sun 9, Mon 10, Tue 11.


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        (at(3, 10), 2, at(3, 12)),  # inside one working day
        (at(3, 16), 4, at(4, 11)),  # 2 h this evening is closed: 2 h tonight, 2 h tomorrow
        (at(3, 20), 1, at(4, 10)),  # starts after 18:00: the clock starts next morning
        (at(3, 7), 1, at(3, 10)),  # starts before 09:00: the clock starts at 09:00
        (at(7, 17), 2, at(10, 10)),  # Friday 17:00 + 2 h skips the weekend
        (at(8, 11), 1, at(10, 10)),  # Saturday: nothing counts until Monday 09:00
        (at(9, 23, 30), 1, at(10, 10)),  # late Sunday
        (at(3, 9), 16, at(4, 16)),  # the default two working days: 9 h + 7 h
        (at(3, 9), Decimal("0.5"), at(3, 9, 30)),
        (at(3, 9), 45, at(7, 18)),  # a whole working week ends Friday 18:00, not Monday
    ],
)
def test_moment_is_working_time_later_when_adding_hours(start, hours, expected):
    assert add_working_hours(start, hours) == expected


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        (at(3, 9), 9, at(3, 18)),  # a full day ends at 18:00 the same day, not 09:00 next day
        (at(3, 16), 2, at(3, 18)),
        (at(3, 18), 1, at(4, 10)),  # 18:00 is closing time: nothing left today
        (at(3, 8, 59), 9, at(3, 18)),
        (at(7, 18), 1, at(10, 10)),
    ],
)
def test_boundaries_exact_when_adding_up_to_opening_or_closing_time(start, hours, expected):
    assert add_working_hours(start, hours) == expected


def test_holidays_skipped_when_adding_hours():
    holidays = frozenset({date(2025, 3, 10)})  # Monday off

    assert add_working_hours(at(7, 17), 2, holidays) == at(11, 10)


def test_consecutive_holidays_and_weekend_skipped_when_adding_hours():
    holidays = frozenset({date(2025, 3, 6), date(2025, 3, 7), date(2025, 3, 10)})

    assert add_working_hours(at(5, 17), 3, holidays) == at(11, 11)


def test_result_same_instant_when_start_given_in_utc():
    start = datetime(2025, 3, 3, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai

    result = add_working_hours(start, 1)

    assert result == at(3, 10)
    assert result.utcoffset() == timedelta(hours=8)


def test_error_when_calendar_has_no_working_time():
    # Every day from eleven years before to eleven years after: longer than the ten-year guard.
    every_day = frozenset(date(2014, 1, 1) + timedelta(days=n) for n in range(22 * 366))

    with pytest.raises(ValueError, match="no working time"):
        add_working_hours(at(3, 9), 1, every_day)
    with pytest.raises(ValueError, match="no working time"):
        subtract_working_hours(at(3, 9), 1, every_day)


@pytest.mark.parametrize(
    ("end", "hours", "expected"),
    [
        (at(3, 12), 2, at(3, 10)),
        (at(4, 10), 2, at(3, 17)),  # across the evening
        (at(10, 10), 2, at(7, 17)),  # across the weekend
        (at(3, 20), 1, at(3, 17)),  # ends after 18:00: counts back from 18:00
        (at(4, 8), 1, at(3, 17)),  # ends before 09:00: counts back from yesterday's 18:00
        (at(9, 12), 1, at(7, 17)),  # ends on a Sunday
        (at(3, 18), 9, at(3, 9)),  # exactly one day back lands on 09:00 the same day
        (at(4, 9), 1, at(3, 17)),  # 09:00 is opening time: nothing before it today
        (at(4, 16), 16, at(3, 9)),
    ],
)
def test_moment_is_working_time_earlier_when_subtracting_hours(end, hours, expected):
    assert subtract_working_hours(end, hours) == expected


def test_holidays_skipped_when_subtracting_hours():
    holidays = frozenset({date(2025, 3, 7)})  # Friday off

    assert subtract_working_hours(at(10, 10), 2, holidays) == at(6, 17)


def test_weekday_and_holiday_when_checking_working_days():
    assert is_working_day(date(2025, 3, 3), frozenset())
    assert not is_working_day(date(2025, 3, 8), frozenset())
    assert not is_working_day(date(2025, 3, 9), frozenset())
    assert not is_working_day(date(2025, 3, 3), frozenset({date(2025, 3, 3)}))


working_moments = st.builds(
    lambda day, minute: datetime(2025, 3, 3, 9, tzinfo=TZ) + timedelta(days=day, minutes=minute),
    day=st.sampled_from([0, 1, 2, 3, 4, 7, 8, 9]),  # weekdays only
    minute=st.integers(min_value=1, max_value=9 * 60 - 1),  # strictly inside 09:00-18:00
)


@settings(database=None)  # no .hypothesis/ directory outside the tests
@given(start=working_moments, minutes=st.integers(min_value=1, max_value=60 * 60))
def test_subtract_undoes_add_when_start_inside_working_hours(start, minutes):
    hours = Decimal(minutes) / 60
    due = add_working_hours(start, hours)

    assert due > start
    assert subtract_working_hours(due, hours) == start
