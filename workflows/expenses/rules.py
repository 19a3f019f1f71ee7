"""Pure rules over values: budget splits (policy 7.1) and reimbursement standards (7.3)."""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from core.money import CENT, fmt, split_evenly, to_money

QUARTER_MONTHS = {1: (1, 2, 3), 2: (4, 5, 6), 3: (7, 8, 9), 4: (10, 11, 12)}


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def split_errors(total: Decimal, quarters: list[Decimal], months: list[Decimal]) -> dict:
    """{field: message} for every quarter and month that does not add up, with the difference."""
    errors: dict[str, str] = {}
    for name, value in [("total", total), *[(f"q{i}", q) for i, q in enumerate(quarters, 1)],
                        *[(f"m{i}", m) for i, m in enumerate(months, 1)]]:
        if value < 0:
            errors[name] = _("An amount cannot be negative.")
    if errors:
        return errors
    quarter_sum = sum(quarters, Decimal(0))
    if quarter_sum != total:
        errors["total"] = _(
            "The quarters add up to %(sum)s, not the annual total %(total)s (off by %(diff)s)."
        ) % {"sum": fmt(quarter_sum), "total": fmt(total), "diff": fmt(quarter_sum - total)}
    for q, months_of_q in QUARTER_MONTHS.items():
        month_sum = sum((months[m - 1] for m in months_of_q), Decimal(0))
        if month_sum != quarters[q - 1]:
            errors[f"q{q}"] = _(
                "Q%(q)d is %(quarter)s but its months add up to %(sum)s (off by %(diff)s)."
            ) % {"q": q, "quarter": fmt(quarters[q - 1]), "sum": fmt(month_sum),
                 "diff": fmt(month_sum - quarters[q - 1])}
    return errors


def even_split(total: Decimal) -> tuple[list[Decimal], list[Decimal]]:
    """Twelve equal months to the fen (remainder to the first months), quarters their sums."""
    months = split_evenly(to_money(total), 12)
    quarters = [sum(months[m - 1] for m in QUARTER_MONTHS[q]) for q in range(1, 5)]
    return quarters, months


def shaped_split(total: Decimal, shape: list[Decimal]) -> tuple[list[Decimal], list[Decimal]]:
    """Months in proportion to last year's months, rounded so that they add up exactly."""
    total = to_money(total)
    weight = sum(shape, Decimal(0))
    if weight <= 0:
        return even_split(total)
    raw = [total * s / weight for s in shape]
    months = [r.quantize(CENT) for r in raw]
    # Hand the rounding remainder, a fen at a time, to the months that lost the most.
    diff = int(((total - sum(months)) / CENT).to_integral_value())
    order = sorted(range(12), key=lambda i: raw[i] - months[i], reverse=diff > 0)
    for i in order[: abs(diff)]:
        months[i] += CENT if diff > 0 else -CENT
    quarters = [sum(months[m - 1] for m in QUARTER_MONTHS[q]) for q in range(1, 5)]
    return quarters, months


def pick_standard(standards, item_type: str, city_tier: str):
    """The standard a line is held to: its item type's row for its city tier, else the
    any-city row; None when there is none. `standards` are those of the submitter's grade."""
    rows = [s for s in standards if s.item_type == item_type]
    exact = [s for s in rows if s.city_tier == (city_tier or "")]
    return (exact or [s for s in rows if not s.city_tier] or [None])[0]


@dataclass(frozen=True)
class StandardCheck:
    cap: Decimal | None  # total cap for the line (per-unit cap × units), None if no cap
    excess: Decimal
    over_class: bool  # travelled in a higher class than the standard allows
    refuse: bool  # what is over the standard is refused rather than sent for extra approval


def check_line(amount: Decimal, units: int, per_unit_cap: Decimal | None,
               refuse_excess: bool, *, travel_rank: int = 0,
               allowed_rank: int = 0) -> StandardCheck:
    """A line against its standard: an amount cap per unit and/or a highest travel class."""
    cap, excess = None, Decimal("0.00")
    if per_unit_cap is not None:
        cap = to_money(per_unit_cap * max(units, 1))
        excess = max(to_money(amount) - cap, Decimal("0.00"))
    over_class = bool(travel_rank and allowed_rank and travel_rank > allowed_rank)
    over = excess > 0 or over_class
    return StandardCheck(cap=cap, excess=excess, over_class=over_class,
                         refuse=refuse_excess and over)


# --- vouchers (policy 7(三)1) ------------------------------------------------------------------

# How far an invoice's date may be from its line's date before finance's review flags it.
INVOICE_DATE_WINDOW_DAYS = 90
_DIGITS = {n: re.compile(rf"\d{{{n}}}") for n in (8, 10, 12, 20)}


def invoice_errors(invoice_type: str, code: str, number: str) -> dict[str, str]:
    """{field: message} when the code or number does not fit the invoice type's format:
    a fully digital invoice (全电发票) has a 20-digit number and no code; the older VAT
    invoices a 10-digit (special) or 10/12-digit (ordinary) code and an 8-digit number."""
    code, number = (code or "").strip(), (number or "").strip()
    errors: dict[str, str] = {}
    if invoice_type == "digital":
        if not _DIGITS[20].fullmatch(number):
            errors["invoice_number"] = _("A fully digital invoice's number has 20 digits.")
        if code:
            errors["invoice_code"] = _("A fully digital invoice has no invoice code; leave it "
                                       "empty.")
    elif invoice_type in ("vat_special", "vat_ordinary"):
        lengths = (10,) if invoice_type == "vat_special" else (10, 12)
        if not any(_DIGITS[n].fullmatch(code) for n in lengths):
            errors["invoice_code"] = (
                _("A VAT special invoice's code has 10 digits.") if invoice_type == "vat_special"
                else _("An ordinary invoice's code has 10 or 12 digits."))
        if not _DIGITS[8].fullmatch(number):
            errors["invoice_number"] = _("This invoice's number has 8 digits.")
    elif invoice_type == "other" and (len(number) > 20 or len(code) > 12):
        errors["invoice_number"] = _("At most 12 characters of code and 20 of number.")
    return errors


def needs_company_buyer(invoice_type: str) -> bool:
    """VAT invoices name the buyer; the company must be it (other tickets name a person)."""
    return invoice_type in ("digital", "vat_special", "vat_ordinary")


def missing_vouchers(requirements, kinds_present) -> list[list[str]]:
    """The requirements (each a list of alternative voucher kinds) that none of the kinds
    present satisfies."""
    present = set(kinds_present)
    return [list(r) for r in requirements if r and not present.intersection(r)]


def date_near(invoice_date, line_date) -> bool:
    return abs((invoice_date - line_date).days) <= INVOICE_DATE_WINDOW_DAYS
