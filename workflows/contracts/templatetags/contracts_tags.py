"""Small helpers for the contract templates."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def minus(a, b):
    """a - b for amounts (how far over the credit limit)."""
    try:
        return Decimal(a) - Decimal(b)
    except (TypeError, ArithmeticError, ValueError):
        return None
