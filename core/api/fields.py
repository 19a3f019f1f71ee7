"""API input fields for amounts and business dates (core/dates.py): ASCII digits only, dates in
ISO form (no week dates, no basic format) inside the business window; and the one way a
region or a department is named in input (by id or by code)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
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


def by_id_or_code(queryset, value, message: str):
    """The row of `queryset` whose id (a positive integer in range) or `code` is `value`, as
    an API names a region or a department; a ValidationError with `message` otherwise (it
    names nothing it did not find)."""
    from core.api.serializers import MAX_ID

    text = (str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool)
            else "")
    found = None
    if text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID:
        found = queryset.filter(pk=int(text)).first()
    if found is None and text and len(text) <= 32 and text.isprintable():
        found = queryset.filter(code=text).first()
    if found is None:
        raise serializers.ValidationError(message)
    return found


def region_from(value):
    """A sales region by id or by code; a ValidationError otherwise."""
    from core.org.models import Region

    return by_id_or_code(Region.objects.all(), value, _("No region with this id or code."))


def department_from(value):
    """A department by id or by code; a ValidationError otherwise."""
    from core.org.models import Department

    return by_id_or_code(Department.objects.all(), value,
                         _("No department with this id or code."))
