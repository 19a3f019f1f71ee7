"""Forms parse and type the input; the services decide (standards, budget, splits)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import widgets
from core.org.models import Department, User

from .models import (
    MONTHS,
    QUARTERS,
    Budget,
    BudgetState,
    Category,
    CityTier,
    ClaimState,
    ItemType,
    TravelClass,
)

MAX_LINES = 50


def _money(label, **kwargs):
    return forms.DecimalField(label=label, max_digits=14, decimal_places=2,
                              widget=widgets.NumberInput(attrs={"step": "0.01",
                                                                "inputmode": "decimal"}),
                              **kwargs)


class ClaimForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"),
                                 choices=[("", "—")] + list(Category.choices))
    title = forms.CharField(label=_("Title"), max_length=200)
    expense_date = forms.DateField(label=_("Expense date"), widget=widgets.DateInput(),
                                   help_text=_("Decides the month and quarter of the budget."))
    purpose = forms.CharField(label=_("Purpose"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class LineForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=widgets.DateInput())
    item_type = forms.ChoiceField(label=_("Item"), choices=ItemType.choices,
                                  initial=ItemType.OTHER)
    description = forms.CharField(label=_("Description"), max_length=200)
    amount = _money(_("Amount"), min_value=0.01)
    city_tier = forms.ChoiceField(label=_("City tier"), required=False,
                                  choices=[("", _("Any / not applicable"))]
                                  + list(CityTier.choices))
    units = forms.IntegerField(label=_("Nights / days / guests"), min_value=1, max_value=999,
                               initial=1)
    travel_class = forms.ChoiceField(label=_("Travel class"), required=False,
                                     choices=[("", _("Not applicable"))]
                                     + list(TravelClass.choices))

    def has_changed(self):
        # A row is blank (and skipped) when nothing a person types is filled in; the default
        # item and units alone do not make a line.
        return any(str(self[name].value() or "").strip()
                   for name in ("date", "description", "amount"))


class BaseLineFormSet(forms.BaseFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = True  # blank rows are skipped; the service wants at least one
        return form

    def lines(self) -> tuple[list[dict], list[int]]:
        """The filled, undeleted rows as the service takes them, and each one's form index."""
        rows, index = [], []
        for i, form in enumerate(self.forms):
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            rows.append({k: data[k] for k in ("date", "item_type", "description", "amount",
                                              "city_tier", "units", "travel_class")})
            index.append(i)
        return rows, index


def line_formset(data=None, *, initial=None, extra: int = 2):
    cls = forms.formset_factory(LineForm, formset=BaseLineFormSet, extra=extra,
                                can_delete=True, max_num=MAX_LINES, validate_max=True,
                                absolute_max=MAX_LINES)
    return cls(data, initial=initial, prefix="lines")


class ResubmitForm(forms.Form):
    comment = forms.CharField(label=_("What did you change?"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ReduceLineForm(forms.Form):
    amount = _money(_("Reduce to"), min_value=0)
    reason = forms.CharField(label=_("Reason"), max_length=200,
                             error_messages={"required": _("A reason is required.")})


class ClaimFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All"))] + list(ClaimState.choices))
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("All"))] + list(Category.choices))
    submitter = forms.CharField(label=_("Submitter"), required=False, max_length=150,
                                help_text=_("Username"))
    month = forms.DateField(label=_("Month"), required=False, input_formats=["%Y-%m"],
                            widget=widgets.MonthInput())


# --- budgets --------------------------------------------------------------------------------

AMOUNT_FIELDS = ["total", *[f"q{q}" for q in QUARTERS], *[f"m{m}" for m in MONTHS]]


class SplitForm(forms.Form):
    """The annual total, its four quarters and twelve months (checked by the service)."""

    total = _money(_("Annual total"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for q in QUARTERS:
            self.fields[f"q{q}"] = _money(Budget._meta.get_field(f"q{q}").verbose_name,
                                          required=False)
        for m in MONTHS:
            label = Budget._meta.get_field(f"m{m}").verbose_name
            self.fields[f"m{m}"] = _money(label, required=False)

    def amounts(self) -> dict:
        """What the service takes; an empty cell is 0 (the split check then names it)."""
        d = self.cleaned_data
        return {
            "total": d["total"],
            "quarters": [d.get(f"q{q}") or 0 for q in QUARTERS],
            "months": [d.get(f"m{m}") or 0 for m in MONTHS],
        }


class BudgetCreateForm(SplitForm):
    fiscal_year = forms.IntegerField(label=_("Fiscal year"), min_value=2000, max_value=2100)
    department = forms.ModelChoiceField(label=_("Department"),
                                        queryset=Department.objects.order_by("code"))
    category = forms.ChoiceField(label=_("Category"),
                                 choices=[("", "—")] + list(Category.choices))
    owner = forms.ModelChoiceField(label=_("Budget owner"), required=False,
                                   queryset=User.objects.filter(is_active=True)
                                   .order_by("username"),
                                   help_text=_("Warned at 80 % and 100 %; you if empty."))

    field_order = ["fiscal_year", "department", "category", "owner", "total"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].initial = timezone.localdate().year


class BudgetAdjustForm(SplitForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("A reason is required.")})


class BudgetFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("All"))] + list(Category.choices))
    department = forms.ModelChoiceField(label=_("Department"), required=False,
                                        queryset=Department.objects.order_by("code"),
                                        empty_label=_("All"))
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All"))] + list(BudgetState.choices))


class MonitorFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    department = forms.ModelChoiceField(label=_("Department"), required=False,
                                        queryset=Department.objects.order_by("code"),
                                        empty_label=_("All"))
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("All"))] + list(Category.choices))
