"""HTML5 inputs that always carry machine-format values.

A browser reads the value of `<input type="date">` only as `YYYY-MM-DD` (and `type="number"`
only with a dot and no grouping), whatever the page's language. Django's DateInput formats its
value with the active locale's first input format, which for zh-hans is `2026/12/04`: the
browser shows an empty field and the next save fails with "required" on every date. Every form
in the project uses these widgets for dates, months, date-times and numbers;
tests/core/test_widgets__machine_format.py walks every form and checks it.
"""

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_MONTH = "%Y-%m"
ISO_DATETIME = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None, format=None):  # noqa: A002 - Django's own keyword
        super().__init__(attrs, format=format or ISO_DATE)


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None, format=None):  # noqa: A002
        super().__init__(attrs, format=format or ISO_MONTH)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None, format=None):  # noqa: A002
        super().__init__(attrs, format=format or ISO_DATETIME)


class NumberInput(forms.NumberInput):
    """Never localized, even on a field declared with localize=True: `1234.50`, not
    `1,234.50`."""

    def format_value(self, value):
        if value is None or value == "":
            return None
        return str(value)

    def get_context(self, name, value, attrs):
        self.is_localized = False
        return super().get_context(name, value, attrs)
