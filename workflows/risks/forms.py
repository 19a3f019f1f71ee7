"""Forms parse and type the input; the services decide (who may, which state, which level)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import widgets
from core.forms import BusinessDateField
from core.org.models import Region, Role, User

from .models import Level, RiskState, RiskType
from .selectors import OPEN_FILTER

RATING = [("", "—")] + [(n, str(n)) for n in range(1, 6)]


def people():
    """Who can own a risk or a measure: active people other than pure auditors."""
    return (User.objects.filter(is_active=True)
            .exclude(role_assignments__role=Role.AUDITOR).order_by("username").distinct())


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.username})" if obj.display_name else obj.username


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Number or title"), required=False, max_length=100)
    type = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("All"))] + list(RiskType.choices))
    level = forms.ChoiceField(label=_("Level"), required=False,
                              choices=[("", _("All"))] + list(Level.choices))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All")), (OPEN_FILTER, _("Open (not closed)"))]
                               + list(RiskState.choices))
    owner = forms.CharField(label=_("Owner"), required=False, max_length=150,
                            help_text=_("Username"))
    region = forms.ModelChoiceField(label=_("Region"), required=False,
                                    queryset=Region.objects.order_by("code"),
                                    empty_label=_("All"))
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    likelihood = forms.TypedChoiceField(label=_("Likelihood"), required=False, coerce=int,
                                        empty_value=None, choices=RATING)
    impact = forms.TypedChoiceField(label=_("Impact"), required=False, coerce=int,
                                    empty_value=None, choices=RATING)


class RiskForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=[("", "—")] + list(RiskType.choices))
    region = forms.ModelChoiceField(label=_("Region"), required=False,
                                    queryset=Region.objects.order_by("code"),
                                    empty_label=_("From the customer or the owner"))
    owner = PersonChoiceField(label=_("Owner"), required=False, queryset=None,
                              empty_label=_("Me"))
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    customer = forms.ModelChoiceField(label=_("Customer"), required=False, queryset=None,
                                      empty_label="—")
    contract = forms.ModelChoiceField(label=_("Contract"), required=False, queryset=None,
                                      empty_label="—")
    likelihood = forms.TypedChoiceField(label=_("Likelihood (1–5)"), required=False,
                                        coerce=int, empty_value=None, choices=RATING)
    impact = forms.TypedChoiceField(label=_("Impact (1–5)"), required=False, coerce=int,
                                    empty_value=None, choices=RATING)

    def __init__(self, *args, customers, contracts, may_assign: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = customers
        self.fields["contract"].queryset = contracts
        self.fields["owner"].queryset = people()
        if not may_assign:
            del self.fields["owner"]

    def clean(self):
        data = super().clean()
        if (data.get("likelihood") is None) != (data.get("impact") is None):
            self.add_error("impact" if data.get("impact") is None else "likelihood",
                           _("Give both likelihood and impact, or neither."))
        return data


class AssessForm(forms.Form):
    likelihood = forms.TypedChoiceField(label=_("Likelihood (1–5)"), coerce=int,
                                        choices=RATING[1:])
    impact = forms.TypedChoiceField(label=_("Impact (1–5)"), coerce=int, choices=RATING[1:])
    comment = forms.CharField(label=_("Why"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class MeasureForm(forms.Form):
    description = forms.CharField(label=_("Measure"), max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    owner = PersonChoiceField(label=_("Responsible"), queryset=None)
    due_date = BusinessDateField(label=_("Due date"), widget=widgets.DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people()


class CloseForm(forms.Form):
    reason = forms.CharField(label=_("Why it can be closed"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("A reason is required.")})


class ReviewForm(forms.Form):
    measures_effective = forms.TypedChoiceField(
        label=_("Do the measures work?"), coerce=lambda v: v == "yes",
        choices=[("", "—"), ("yes", _("Yes, they work")), ("no", _("No, they need changing"))])
    comment = forms.CharField(label=_("Findings"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 2}))
    likelihood = forms.TypedChoiceField(label=_("Re-assess: likelihood"), required=False,
                                        coerce=int, empty_value=None, choices=RATING)
    impact = forms.TypedChoiceField(label=_("Re-assess: impact"), required=False, coerce=int,
                                    empty_value=None, choices=RATING)

    def clean(self):
        data = super().clean()
        if (data.get("likelihood") is None) != (data.get("impact") is None):
            self.add_error("impact" if data.get("impact") is None else "likelihood",
                           _("Give both likelihood and impact, or neither."))
        return data
