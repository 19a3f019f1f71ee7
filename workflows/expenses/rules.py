"""Pure rules over values: budget splits (policy 7.1) and reimbursement standards (7.3)."""

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
