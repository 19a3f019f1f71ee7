"""API input fields for amounts and business dates (core/dates.py): ASCII digits only, dates in
ISO form (no week dates, no basic format) inside the business window."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from core import dates


class AmountField(serializers.DecimalField):
    def to_internal_value(self, data):
        if isinstance(data, bool):  # JSON true/false are not amounts (Decimal(True) == 1)
            self.fail("invalid")
        if isinstance(data, str) and data.strip() and not dates.ascii_amount(data.strip()):
            raise serializers.ValidationError(str(dates.AMOUNT_MESSAGE), code="invalid")
        return super().to_internal_value(data)


class BusinessDateField(serializers.DateField):
    def to_internal_value(self, value):
        if isinstance(value, str) and not dates.ascii_date(value.strip()):
            raise serializers.ValidationError(str(dates.DATE_MESSAGE), code="invalid")
        parsed = super().to_internal_value(value)
        try:
            dates.check_business_date(parsed)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(list(exc.messages), code="invalid") from None
        return parsed
