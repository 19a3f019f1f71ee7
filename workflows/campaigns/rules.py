"""Pure rules of campaigns (no database): the evaluation's due date."""

from collections.abc import Collection
from datetime import date, timedelta


def add_working_days(start: date, days: int, holidays: Collection[date] = frozenset()) -> date:
    """`days` working days after `start`: Monday to Friday, less `holidays` (core's SLA holiday
    calendar, `engine.days_off()`)."""
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            left -= 1
    return current
