"""Form fields for amounts and business dates: ASCII digits, dates in the business window
(core/dates.py). Every form that takes an amount or a date uses these."""

from django import forms
from django.core.exceptions import ValidationError

from core import dates


class AmountField(forms.DecimalField):
    def to_python(self, value):
        if isinstance(value, str) and value.strip() and not dates.ascii_amount(value.strip()):
            raise ValidationError(dates.AMOUNT_MESSAGE, code="invalid")
        return super().to_python(value)


class BusinessDateField(forms.DateField):
    """YYYY-MM-DD (what <input type="date"> sends) in ASCII digits, inside the window."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str) and value.strip() and not dates.ascii_date(value.strip()):
            raise ValidationError(dates.DATE_MESSAGE, code="invalid")
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        dates.check_business_date(value)
