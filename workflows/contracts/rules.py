"""Pure rules: the unified social credit code (GB 32100-2015) and the credit check (policy 4.4)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from core.money import fmt

# The credit code rule moved to core (invoices in expenses check it too); kept importable here.
from core.uscc import (  # noqa: F401
    USCC_ALPHABET,
    USCC_WEIGHTS,
    uscc_check_char,
    uscc_error,
)


def finance_copied(value: Decimal | None, threshold: Decimal) -> bool:
    """抄送 by rule: finance is copied on a contract whose value is over the threshold."""
    return value is not None and value > threshold


# Longest payment terms (days) a customer of each credit rating may get without a breach.
TERMS_BY_RATING = {"A": 90, "B": 60, "C": 30, "D": 0}


@dataclass(frozen=True)
class CreditCheck:
    value: Decimal
    open_receivables: Decimal
    credit_limit: Decimal
    payment_terms: int
    allowed_terms: int

    @property
    def exposure(self) -> Decimal:
        return self.value + self.open_receivables

    @property
    def over_limit(self) -> bool:
        return self.exposure > self.credit_limit

    @property
    def over_terms(self) -> bool:
        return self.payment_terms > self.allowed_terms

    @property
    def breach(self) -> bool:
        return self.over_limit or self.over_terms

    def reasons(self) -> list[str]:
        out = []
        if self.over_limit:
            out.append(_("Value %(v)s plus open receivables %(r)s exceed the credit limit %(l)s.")
                       % {"v": fmt(self.value), "r": fmt(self.open_receivables),
                          "l": fmt(self.credit_limit)})
        if self.over_terms:
            out.append(_("Payment terms of %(t)d days exceed the %(a)d days allowed for the "
                         "customer's rating.") % {"t": self.payment_terms, "a": self.allowed_terms})
        return out

    def as_dict(self) -> dict:
        return {"value": str(self.value), "open_receivables": str(self.open_receivables),
                "credit_limit": str(self.credit_limit), "exposure": str(self.exposure),
                "payment_terms": self.payment_terms, "allowed_terms": self.allowed_terms,
                "breach": self.breach, "reasons": self.reasons()}


def credit_check(*, value: Decimal, open_receivables: Decimal, credit_limit: Decimal,
                 payment_terms: int, rating: str) -> CreditCheck:
    return CreditCheck(value=value, open_receivables=open_receivables,
                       credit_limit=credit_limit, payment_terms=payment_terms,
                       allowed_terms=TERMS_BY_RATING.get(rating, 0))


def line_value(*, quantity: Decimal, unit_price: Decimal, discount: Decimal) -> Decimal:
    """Quantity × unit price less the discount (percent), to the fen, half up."""
    gross = quantity * unit_price * (Decimal(100) - discount) / Decimal(100)
    return gross.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# The English of the units a Chinese catalogue writes (a product's `unit_en` when the workbook or
# the admin gives none); anything else is shown as written.
UNITS_EN = {"台": "unit", "套": "set", "吨": "t", "年": "year", "项": "lot", "个": "piece",
            "件": "piece", "只": "piece", "米": "m", "千克": "kg", "公斤": "kg", "箱": "box",
            "次": "time", "批": "batch", "月": "month", "人天": "person-day", "天": "day",
            "小时": "hour", "份": "copy", "-": "-"}


def in_language(zh: str, en: str, language: str) -> str:
    """A catalogue text in `language`: the English one on English pages when there is one,
    else the Chinese."""
    return en if en and not (language or "").startswith("zh") else zh
