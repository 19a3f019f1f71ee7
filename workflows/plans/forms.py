from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import AmountField
from core.org.models import Region, Role, User

from .models import MONTHS, ActualBasis, PlanState
from .services.common import MONTH_NAMES


class PlanFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Fiscal year"), required=False, min_value=2000,
                              max_value=2100)
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("Any state")), *PlanState.choices])


class PlanCreateForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("Fiscal year"), min_value=2000, max_value=2100)
    target = AmountField(label=_("Company target (CNY)"), min_value=0, max_digits=14,
                                decimal_places=2)
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            help_text=_("Left empty: “<year> sales plan”."))
    strategy = forms.CharField(label=_("Strategy"), required=False,
                               widget=forms.Textarea(attrs={"rows": 4}))
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"), queryset=Region.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple, to_field_name="code")
    spread = forms.ChoiceField(label=_("Spread the target"), widget=forms.RadioSelect,
                               choices=[("even", _("Evenly over regions, months and people")),
                                        ("last_year", _("Like last year's actual sales"))],
                               initial="even")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].initial = timezone.localdate().year + 1
        self.fields["regions"].initial = list(self.fields["regions"].queryset)


class PlanDetailsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    strategy = forms.CharField(label=_("Strategy"), required=False,
                               widget=forms.Textarea(attrs={"rows": 4}))


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment (optional)"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=4000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("A reason is required.")})


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))


class ActualForm(forms.Form):
    salesperson = forms.ModelChoiceField(label=_("Salesperson"), queryset=User.objects.none(),
                                         to_field_name="username")
    month = forms.TypedChoiceField(label=_("Month"), coerce=int,
                                   choices=[(m, MONTH_NAMES[m - 1]) for m in MONTHS])
    amount = AmountField(label=_("Actual sales (CNY)"), min_value=0, max_digits=14,
                                decimal_places=2)
    note = forms.CharField(label=_("Note"), required=False, max_length=200)

    def __init__(self, *args, region_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = User.objects.filter(is_active=True, role_assignments__role=Role.SALESPERSON)
        if region_ids is not None:
            people = people.filter(role_assignments__region_id__in=region_ids)
        self.fields["salesperson"].queryset = people.distinct().order_by("region__code",
                                                                         "username")
        self.fields["salesperson"].label_from_instance = (
            lambda u: f"{u} ({u.region or '—'})")


class ActualBasisForm(forms.Form):
    actual_basis = forms.ChoiceField(label=_("Actual sales from"), choices=ActualBasis.choices)
