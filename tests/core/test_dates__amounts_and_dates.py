"""Amounts and business dates as typed (issue 17, hole 6): ASCII digits only, no sign or digit
grouping tricks, ISO dates (no week dates) inside BUSINESS_DATE_WINDOW; a clear 400 otherwise."""

from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.test import override_settings
from rest_framework import serializers

from core.api.fields import AmountField, BusinessDateField
from core.dates import business_window
from core.forms import AmountField as AmountFormField
from core.forms import BusinessDateField as BusinessDateFormField

BAD_AMOUNTS = ["１２３", "١٢٣", "1_000", "+5", "1e3", "NaN", "Infinity", " ", "12.3.4"]
BAD_DATES = ["0001-01-01", "9999-12-31", "2025-W01-1", "2025W011", "20250301", "２０２５-０３-０１",
             "1999-12-31", "2025-3-1"]


class Amount(serializers.Serializer):
    amount = AmountField(max_digits=14, decimal_places=2)


class When(serializers.Serializer):
    on = BusinessDateField()


class AmountForm(forms.Form):
    amount = AmountFormField(max_digits=14, decimal_places=2)


class WhenForm(forms.Form):
    on = BusinessDateFormField()


@pytest.mark.parametrize("text", BAD_AMOUNTS)
def test_api_refuses_amount_when_not_plain_ascii(text):
    s = Amount(data={"amount": text})
    assert not s.is_valid()
    assert "amount" in s.errors


@pytest.mark.parametrize("text", BAD_AMOUNTS)
def test_form_refuses_amount_when_not_plain_ascii(text):
    form = AmountForm(data={"amount": text})
    assert not form.is_valid()
    assert "amount" in form.errors


@pytest.mark.parametrize("value", ["123", "123.45", "0.5", ".5", "-3", 12, 12.5])
def test_amount_accepted_when_plain(value):
    s = Amount(data={"amount": value})
    assert s.is_valid(), s.errors
    assert s.validated_data["amount"] == Decimal(str(value))


def test_api_refuses_json_true_as_an_amount():
    assert not Amount(data={"amount": True}).is_valid()


@pytest.mark.parametrize("text", BAD_DATES)
def test_api_refuses_date_when_outside_window_or_not_iso(text):
    s = When(data={"on": text})
    assert not s.is_valid()
    assert "on" in s.errors


@pytest.mark.parametrize("text", BAD_DATES)
def test_form_refuses_date_when_outside_window_or_not_iso(text):
    form = WhenForm(data={"on": text})
    assert not form.is_valid()
    assert "on" in form.errors


def test_date_accepted_inside_the_window_and_message_names_it():
    earliest, latest = business_window()
    assert earliest == date(2000, 1, 1)
    assert latest.year - date.today().year in (9, 10, 11)
    assert When(data={"on": "2025-03-31"}).is_valid()
    assert When(data={"on": latest.isoformat()}).is_valid()
    s = When(data={"on": "1999-12-31"})
    s.is_valid()
    assert "2000-01-01" in str(s.errors["on"][0])


@override_settings(BUSINESS_DATE_WINDOW={"EARLIEST": "2020-01-01", "YEARS_AHEAD": 1})
def test_window_comes_from_the_one_setting():
    assert business_window()[0] == date(2020, 1, 1)
    assert not When(data={"on": "2019-12-31"}).is_valid()


@pytest.mark.django_db
def test_api_answers_400_naming_the_field_when_a_filter_amount_is_fullwidth(client, personas):
    client.force_login(personas["east_mgr"])
    response = client.get("/api/tasks/", {"amount_min": "１２３"})
    assert response.status_code == 400
    assert "amount_min" in response.json()["fields"]


def test_every_api_and_form_date_and_amount_input_is_the_strict_field():
    """No serializer or form of the project declares a plain DateField/DecimalField for input."""
    import importlib
    import pkgutil

    import core
    import workflows

    plain = []
    for package in (core, workflows):
        for mod in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not mod.name.endswith(("forms", "serializers", "budget_serializers")):
                continue
            module = importlib.import_module(mod.name)
            for obj in vars(module).values():
                declared = getattr(obj, "_declared_fields", None) or getattr(
                    obj, "declared_fields", None) if isinstance(obj, type) else None
                for name, field in (declared or {}).items():
                    if getattr(field, "read_only", False):
                        continue
                    if type(field) in (serializers.DateField, serializers.DecimalField,
                                       forms.DecimalField) or (
                            type(field) is forms.DateField and field.input_formats != ["%Y-%m"]):
                        plain.append(f"{mod.name}.{obj.__name__}.{name}")
    # output-only serializers (responses), never parsed
    assert set(plain) <= {"workflows.plans.api.serializers.AttainmentPeriodSerializer.attainment"}
