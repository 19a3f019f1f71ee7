from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import AmountField, BusinessDateField
from core.org.models import Region
from core.widgets import DateInput, MonthInput, NumberInput
from workflows.expenses.models import Category

from .models import CampaignState, CampaignType


class CampaignForm(forms.Form):
    theme = forms.CharField(label=_("Theme"), max_length=200)
    type = forms.ChoiceField(label=_("Type"), choices=CampaignType.choices)
    start = BusinessDateField(label=_("First day"), widget=DateInput())
    end = BusinessDateField(label=_("Last day"), widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=200)
    regions = forms.ModelMultipleChoiceField(label=_("Regions"), queryset=Region.objects.all(),
                                             required=False,
                                             widget=forms.CheckboxSelectMultiple)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 3}),
                              required=False)
    audience = forms.CharField(label=_("Target audience"), max_length=300, required=False)
    expected_leads = forms.IntegerField(label=_("Expected leads"), min_value=0, initial=0,
                                        widget=NumberInput())
    expected_attendees = forms.IntegerField(label=_("Expected attendees"), min_value=0,
                                            initial=0, widget=NumberInput())
    expected_value = AmountField(label=_("Expected contracts value (CNY)"), min_value=0,
                                 max_digits=14, decimal_places=2, initial=0,
                                 widget=NumberInput())


class LineForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices,
                                 initial=Category.MARKETING)
    month = forms.DateField(label=_("Month"), input_formats=["%Y-%m"], widget=MonthInput())
    description = forms.CharField(label=_("Description"), max_length=200)
    amount = AmountField(label=_("Planned (CNY)"), min_value=0, max_digits=14,
                         decimal_places=2, widget=NumberInput())
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False, empty_label=_("the campaign's"))


class BaseLineFormSet(forms.BaseFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = True  # blank rows are skipped; the service wants at least one
        return form

    def lines(self) -> list[dict]:
        return [{k: form.cleaned_data.get(k)
                 for k in ("category", "month", "description", "amount", "region")}
                for form in self.forms
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")]


def line_formset(data=None, *, initial=None, extra: int = 2):
    cls = forms.formset_factory(LineForm, formset=BaseLineFormSet, extra=extra, can_delete=True,
                                max_num=30, validate_max=True)
    return cls(data, initial=initial, prefix="lines")


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is it called off?"), max_length=500)


class EvaluationForm(forms.Form):
    leads = forms.IntegerField(label=_("Actual leads"), min_value=0, widget=NumberInput())
    attendees = forms.IntegerField(label=_("Attendees"), min_value=0, widget=NumberInput())
    customers_met = forms.IntegerField(label=_("Customers met"), min_value=0,
                                       widget=NumberInput())
    contracts = forms.ModelMultipleChoiceField(
        label=_("Contracts attributed"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Signed contracts the campaign brought in."))
    lessons = forms.CharField(label=_("Lessons learned"), widget=forms.Textarea(attrs={"rows": 4}),
                              required=False)

    def __init__(self, *args, contracts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contracts"].queryset = contracts


class FilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("Any")), *CampaignState.choices])
    month = forms.DateField(label=_("Month"), required=False, input_formats=["%Y-%m"],
                            widget=MonthInput())
