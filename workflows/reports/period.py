"""A report period: one or more whole months (plans and budgets are monthly), with the period
before it (month over month) and the same months a year earlier (year over year)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, 1)


@dataclass(frozen=True)
class Span:
    start: date  # the first day of a month
    end: date  # the last day of a month

    @classmethod
    def month(cls, year: int, month: int) -> Span:
        first = date(year, month, 1)
        return cls(first, _add_months(first, 1) - timedelta(days=1))

    @classmethod
    def months_of(cls, start: date, end: date) -> Span:
        """The whole months from start's month to end's month."""
        first = start.replace(day=1)
        return cls(first, _add_months(end.replace(day=1), 1) - timedelta(days=1))

    @classmethod
    def before(cls, today: date) -> Span:
        """The month before the one `today` is in (the scheduled report's month)."""
        first = _add_months(today.replace(day=1), -1)
        return cls.month(first.year, first.month)

    @property
    def length(self) -> int:
        return (self.end.year * 12 + self.end.month) - (self.start.year * 12 + self.start.month) + 1

    def shifted(self, months: int) -> Span:
        first = _add_months(self.start, months)
        return Span(first, _add_months(first, self.length) - timedelta(days=1))

    @property
    def previous(self) -> Span:
        return self.shifted(-self.length)

    @property
    def last_year(self) -> Span:
        return self.shifted(-12)

    def year_months(self) -> dict[int, list[int]]:
        """{year: [months]} covered by the span."""
        out: dict[int, list[int]] = {}
        for i in range(self.length):
            d = _add_months(self.start, i)
            out.setdefault(d.year, []).append(d.month)
        return out

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as aware datetimes in the company's time zone (Asia/Shanghai)."""
        tz = ZoneInfo(settings.TIME_ZONE)
        return (datetime.combine(self.start, time.min, tz),
                datetime.combine(self.end + timedelta(days=1), time.min, tz))

    def label(self) -> str:
        if self.length == 1:
            return f"{self.start:%Y-%m}"
        return f"{self.start:%Y-%m} – {self.end:%Y-%m}"
