from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .period import Span

MAX_MONTHS = 36


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"})
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            day = date.fromisoformat(f"{value}-01")
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not 2000 <= day.year <= 2100:
            raise forms.ValidationError(_("Choose a month from 2000 to 2100."), code="range")
        return day


class PeriodForm(forms.Form):
    """Any whole months, up to three years; the report compares them with the months before
    and with the same months a year earlier."""

    month_from = MonthField(label=_("First month"))
    month_to = MonthField(label=_("Last month"), required=False,
                          help_text=_("Empty: the first month alone."))

    def clean(self):
        data = super().clean()
        first, last = data.get("month_from"), data.get("month_to") or data.get("month_from")
        if first and last:
            if last < first:
                self.add_error("month_to", _("The end comes before the start."))
            elif Span.months_of(first, last).length > MAX_MONTHS:
                self.add_error("month_to", _("Choose at most 36 months."))
            elif first > timezone.localdate():
                self.add_error("month_from", _("This month has not begun yet."))
        return data

    def span(self) -> Span:
        d = self.cleaned_data
        return Span.months_of(d["month_from"], d.get("month_to") or d["month_from"])
