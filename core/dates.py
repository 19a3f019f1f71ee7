"""Business dates and amounts as people type them (issue 17, hole 6): ASCII digits only, and
dates inside one window, BUSINESS_DATE_WINDOW (default 2000-01-01 to ten years from today).
Python's Decimal and date parsers accept much more ("１２３", "١٢٣", "1_000", "+5", "2025-W01-1",
"0001-01-01"), which would be stored as if meant."""

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.inbox.rules import TZ

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")

AMOUNT_MESSAGE = _("Enter the amount with the digits 0-9 and an optional decimal point, "
                   "e.g. 1234.50.")
DATE_MESSAGE = _("Enter the date as YYYY-MM-DD with the digits 0-9, e.g. 2025-03-31.")


def business_window() -> tuple[date, date]:
    """The first and last date any business date may take."""
    window = getattr(settings, "BUSINESS_DATE_WINDOW", {})
    earliest = date.fromisoformat(window.get("EARLIEST", "2000-01-01"))
    today = timezone.localtime(timezone.now(), TZ).date()
    years = int(window.get("YEARS_AHEAD", 10))
    try:
        latest = today.replace(year=today.year + years)
    except ValueError:  # 29 February
        latest = today.replace(year=today.year + years, day=28)
    return earliest, latest


def check_business_date(value: date | None) -> None:
    if value is None:
        return
    earliest, latest = business_window()
    if not earliest <= value <= latest:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": earliest.isoformat(), "latest": latest.isoformat()},
        )


def ascii_date(text: str) -> bool:
    return _ISO_DATE.fullmatch(text) is not None


def ascii_amount(text: str) -> bool:
    return _AMOUNT.fullmatch(text) is not None
