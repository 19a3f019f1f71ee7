"""Money is Decimal with two places (fen) and a currency; never float."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models

CENT = Decimal("0.01")
DEFAULT_CURRENCY = "CNY"


def to_money(value) -> Decimal:
    """Parse a number or string into a two-place Decimal; raise ValueError on anything else."""
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, AttributeError) as exc:
        raise ValueError(f"not an amount: {value!r}") from exc
    if not amount.is_finite():
        raise ValueError(f"not an amount: {value!r}")
    try:
        return amount.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # too many digits to hold to the fen
        raise ValueError(f"amount out of range: {value!r}") from exc


def fmt(amount: Decimal | None, currency: str = DEFAULT_CURRENCY) -> str:
    if amount is None:
        return "∞"
    symbol = "¥" if currency == "CNY" else f"{currency} "
    return f"{symbol}{amount:,.2f}"


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """Split to the fen so the parts add up exactly; the remainder goes to the first parts."""
    cents = int((to_money(total) / CENT).to_integral_value())
    base, rest = divmod(cents, parts)
    return [(Decimal(base + (1 if i < rest else 0)) * CENT) for i in range(parts)]


class MoneyField(models.DecimalField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        from core.forms import AmountField  # ASCII digits only (core/dates.py)

        return super().formfield(**{"form_class": AmountField, **kwargs})
