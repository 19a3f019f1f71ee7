from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core import kinds, widgets
from core.forms import AmountField, BusinessDateField
from core.org.models import User

from .models import RequestStatus


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("A reason is required.")})


class ReturnForm(ReasonForm):
    to_step = forms.TypedChoiceField(label=_("Return to"), required=False, coerce=int,
                                     empty_value=None)

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_step"].choices = [("", _("The submitter, for revision"))] + [
            (i, label) for i, label in steps
        ]


class ReassignForm(ReasonForm):
    assignee = forms.ModelChoiceField(
        label=_("New assignee"),
        queryset=User.objects.filter(is_active=True).order_by("username"),
        help_text=_("People who hold this step's authority."),
    )

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["assignee"].queryset = choices


def _all_kinds():
    return [("", _("All")), *kinds.choices()]


class TaskFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Process"), required=False,
                             choices=_all_kinds)
    step = forms.CharField(label=_("Step"), required=False, max_length=40)
    submitter = forms.CharField(label=_("Submitter"), required=False, max_length=150,
                                help_text=_("Username"))
    amount_min = AmountField(label=_("Amount from"), required=False, min_value=0,
                                    decimal_places=2, max_digits=14)
    amount_max = AmountField(label=_("Amount to"), required=False, min_value=0,
                                    decimal_places=2, max_digits=14)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


class RequestFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Process"), required=False,
                             choices=_all_kinds)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All"))] + list(RequestStatus.choices))


class AuditFilterForm(forms.Form):
    subject_kind = forms.ChoiceField(label=_("Process"), required=False,
                                     choices=_all_kinds)
    number = forms.CharField(label=_("Request number"), required=False, max_length=40)
    actor = forms.CharField(label=_("Actor"), required=False, max_length=150,
                            help_text=_("Username"))
    event = forms.ChoiceField(label=_("Event type"), required=False)
    since = BusinessDateField(label=_("From date"), required=False,
                            widget=widgets.DateInput())
    until = BusinessDateField(label=_("To date"), required=False,
                            widget=widgets.DateInput())
    amount_min = AmountField(label=_("Amount from"), required=False, min_value=0,
                                    decimal_places=2, max_digits=14)
    amount_max = AmountField(label=_("Amount to"), required=False, min_value=0,
                                    decimal_places=2, max_digits=14)
    configuration = forms.BooleanField(label=_("Configuration changes only"), required=False)

    def __init__(self, *args, event_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        from .templatetags.countersign import event_choices  # the sentences' one source

        self.fields["event"].choices = [("", _("All")), *event_choices(event_types)]

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", _("The end date is before the start date."))
        lo, hi = data.get("amount_min"), data.get("amount_max")
        if lo is not None and hi is not None and hi < lo:
            self.add_error("amount_max", _("The upper amount is below the lower one."))
        return data


class TransferForm(ReassignForm):
    """转交: the holder picks someone who may decide the step and says why."""


class UrgeForm(forms.Form):
    comment = forms.CharField(label=_("Note to the holder (optional)"), required=False,
                              max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class AddSignerForm(ReasonForm):
    """加签: whom, before or after the holder's step, why, and their own deadline."""

    signers = forms.ModelMultipleChoiceField(
        label=_("Signers"), queryset=User.objects.filter(is_active=True).order_by("username"),
        help_text=_("Up to five people, who sign in this order."))
    position = forms.ChoiceField(
        label=_("When"), widget=forms.RadioSelect, initial="before",
        choices=[("before", _("Before me: they decide first, then the step comes back to me")),
                 ("after", _("After me: an extra step after my approval"))])
    sla_hours = forms.DecimalField(label=_("Working hours each has (optional)"), required=False,
                                   min_value=Decimal("0.5"), max_value=Decimal("240"),
                                   decimal_places=1, max_digits=5,
                                   widget=widgets.NumberInput(attrs={"step": "0.5"}))

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["signers"].queryset = choices
