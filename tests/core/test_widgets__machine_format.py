"""Every HTML5 date, month, date-time and number input of every form in the project carries
its value in machine format, in every language: a browser shows `2026/12/04` in a date input
as an empty field, and the next save fails with "required" (issue 18, defect 1)."""

import datetime
import importlib
import pkgutil
import re
from decimal import Decimal

import pytest
from django import forms
from django.test import override_settings
from django.utils import timezone, translation

import core
import workflows

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 4)
MOMENT = timezone.make_aware(datetime.datetime(2026, 12, 4, 9, 30))
MACHINE = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "datetime-local": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$"),
    "number": re.compile(r"^-?\d+(\.\d+)?$"),
}
INPUT = re.compile(r"<input\b[^>]*>")
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
# Forms whose constructor needs more than `initial`.
KWARGS = {
    "AuditFilterForm": lambda: {"event_types": ["x.y"]},
    "ReturnForm": lambda: {"steps": [(1, "step")]},
    "ContractForm": lambda: {"customers": _model("contracts", "Customer").objects.all()},
    "StatisticsFilterForm": lambda: {"user": _model("org", "User").objects.get_or_create(
        username="widget-walker")[0]},
    "OutOfOfficeForm": lambda: {"user": _model("org", "User").objects.get_or_create(
        username="widget-walker")[0]},
    "RiskForm": lambda: {"customers": _model("contracts", "Customer").objects.all(),
                         "contracts": _model("contracts", "Contract").objects.all(),
                         "may_assign": True},
}


def _model(app, name):
    from django.apps import apps

    return apps.get_model(app, name)


def _kwargs(cls):
    return KWARGS[cls.__name__]() if cls.__name__ in KWARGS else {}


def _all_forms():
    for package in (core, workflows):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if ".migrations" in info.name or info.name.endswith((".tests", "verify_worker")):
                continue
            importlib.import_module(info.name)
    seen, todo = set(), [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return sorted((c for c in seen if c.__module__.startswith(("core.", "workflows."))),
                  key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _value_for(field):
    if isinstance(field, forms.SplitDateTimeField | forms.DateTimeField):
        return MOMENT
    if isinstance(field, forms.DateField):
        return DAY
    if isinstance(field, forms.DecimalField | forms.FloatField):
        return Decimal("1234567.50")
    if isinstance(field, forms.IntegerField):
        return 1234567
    return None


def _html5_inputs(form):
    found = []
    for name, field in form.fields.items():
        if _value_for(field) is None:
            continue
        for tag in INPUT.findall(str(form[name])):
            attrs = dict(ATTR.findall(tag))
            if attrs.get("type") in MACHINE:
                found.append((name, attrs["type"], attrs.get("value")))
    return found


FORMS = _all_forms()


def test_the_walk_finds_the_forms_with_date_and_number_inputs():
    names = {c.__name__ for c in FORMS}
    assert {"ClaimForm", "LineForm", "MilestoneForm", "MeasureForm", "AuditFilterForm",
            "BudgetCreateForm", "StatisticsFilterForm"} <= names


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@override_settings(USE_THOUSAND_SEPARATOR=True)
def test_every_html5_input_renders_machine_format_when_language_is(language):
    wrong, checked = [], 0
    with translation.override(language):
        for cls in FORMS:
            probe = cls(**_kwargs(cls))
            initial = {name: v for name, f in probe.fields.items()
                       if (v := _value_for(f)) is not None}
            if not initial:
                continue
            form = cls(initial=initial, **_kwargs(cls))
            for name, kind, value in _html5_inputs(form):
                checked += 1
                if value is None or not MACHINE[kind].match(value):
                    wrong.append(f"{cls.__module__}.{cls.__name__}.{name} "
                                 f"<input type={kind} value={value!r}>")
    assert checked > 20
    assert not wrong, "\n".join(wrong)
