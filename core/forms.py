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


def cc_from_post(data) -> list:
    """抄送 on a submit page: the people picked in the form's `cc` list (user ids). An id that
    is no user is refused like the API refuses it; the engine refuses inactive people and the
    submitter, naming them (core/inbox/copies.py clean_cc)."""
    from django.utils.translation import gettext as _

    from core.exceptions import InvalidInputError
    from core.org.models import User

    raw = [v for v in (data.getlist("cc") if hasattr(data, "getlist") else []) if v]
    if not raw:
        return []
    ids = [int(v) for v in raw if str(v).isascii() and str(v).isdigit() and 0 < int(v) < 2**63]
    people = list(User.objects.filter(pk__in=ids).order_by("pk"))
    if len(ids) != len(raw) or len(people) != len(set(ids)):
        raise InvalidInputError(_("No active user with this id or username."),
                                fields={"cc": [_("No active user with this id or username.")]})
    return people
