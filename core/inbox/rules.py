"""Working-time arithmetic: Monday–Friday 09:00–18:00 Asia/Shanghai, minus holidays. Pure."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")
DAY_START = time(9, 0)
DAY_END = time(18, 0)
DEFAULT_SLA_HOURS = Decimal("16")  # two working days when no rule matches
DEFAULT_REMIND_BEFORE = Decimal("4")


def is_working_day(d: date, holidays: frozenset[date] | set[date]) -> bool:
    return d.weekday() < 5 and d not in holidays


def _bounds(d: date) -> tuple[datetime, datetime]:
    return datetime.combine(d, DAY_START, TZ), datetime.combine(d, DAY_END, TZ)


def add_working_hours(start: datetime, hours: Decimal | float, holidays=frozenset()) -> datetime:
    """The moment `hours` of working time after `start` (which may fall outside hours)."""
    remaining = timedelta(seconds=float(Decimal(str(hours)) * 3600))
    current = start.astimezone(TZ)
    for _guard in range(3660):  # ten years of days: a holiday list can never loop forever
        d = current.date()
        opens, closes = _bounds(d)
        if is_working_day(d, holidays) and current < closes:
            current = max(current, opens)
            available = closes - current
            if remaining <= available:
                return current + remaining
            remaining -= available
        current = datetime.combine(d + timedelta(days=1), time(0, 0), TZ)
    raise ValueError("holiday calendar leaves no working time")


def subtract_working_hours(end: datetime, hours: Decimal | float, holidays=frozenset()) -> datetime:
    """The moment `hours` of working time before `end`."""
    remaining = timedelta(seconds=float(Decimal(str(hours)) * 3600))
    current = end.astimezone(TZ)
    for _guard in range(3660):
        d = current.date()
        opens, closes = _bounds(d)
        if is_working_day(d, holidays) and current > opens:
            current = min(current, closes)
            available = current - opens
            if remaining <= available:
                return current - remaining
            remaining -= available
        current = datetime.combine(d - timedelta(days=1), time(23, 59, 59, 999999), TZ)
    raise ValueError("holiday calendar leaves no working time")
