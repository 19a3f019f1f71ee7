"""The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last is
a check character over the first 17. Shared by every process that records a company's code
(customers in contracts, invoice sellers and buyers in expenses)."""

from django.utils.translation import gettext as _

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_error(code: str) -> str | None:
    """Why a unified social credit code is invalid, or None when it is valid."""
    code = (code or "").strip().upper()
    if len(code) != 18:
        return _("A unified social credit code has 18 characters; this one has %(n)d.") % {
            "n": len(code)}
    bad = sorted({c for c in code if c not in USCC_ALPHABET})
    if bad:
        return _("Characters not used in credit codes: %(chars)s.") % {"chars": " ".join(bad)}
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return _("The check character is %(found)s but should be %(expected)s: a typo?") % {
            "found": code[17], "expected": expected}
    return None
