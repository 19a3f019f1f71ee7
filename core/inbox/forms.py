from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core import kinds, widgets
from core.forms import AmountField, BusinessDateField
from core.org.models import User
from core.registry import RESTART, TO_RETURNER

from . import search
from .models import RequestStatus


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("A reason is required.")})


SUBMITTER = "submitter:"  # a to_step choice: the submitter, the resubmission going <choice>


class ReturnForm(ReasonForm):
    """Back to the submitter or an earlier step. Where the process lets the returner choose
    (ProcessSpec.resubmit_to), "the submitter" comes once per choice of where the resubmission
    goes, the process's default first; cleaned_data then carries `resubmit_to`."""

    to_step = forms.ChoiceField(label=_("Return to"), required=False)

    def __init__(self, *args, steps=(), resubmit_to=(RESTART,), **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            RESTART: _("The submitter; the resubmission goes through the whole route again"),
            TO_RETURNER: _("The submitter; the resubmission comes straight back to me"),
        }
        submitter = ([("", _("The submitter, for revision"))] if len(resubmit_to) < 2 else
                     [("" if n == 0 else SUBMITTER + choice, labels[choice])
                      for n, choice in enumerate(resubmit_to)])
        self.fields["to_step"].choices = submitter + [(str(i), label) for i, label in steps]

    def clean(self):
        data = super().clean()
        value = data.get("to_step") or ""
        data["resubmit_to"] = value[len(SUBMITTER):] if value.startswith(SUBMITTER) else None
        data["to_step"] = int(value) if value.isdigit() else None
        return data


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


def _search_field():
    return forms.CharField(
        label=_("Search"), required=False, max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _(
            "Number, title, customer or submitter")}))


class SearchFilterForm(forms.Form):
    """A list's filter form with the one search box and a sort, drawn apart from the other
    fields (`filter_fields` leaves out the names in `apart`). An unknown sort is dropped, never
    an error: the list keeps its own order."""

    apart = ("q", "sort")
    sorts: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"] = _search_field()
        self.fields["sort"] = forms.CharField(required=False, max_length=20)

    def clean_sort(self):
        value = self.cleaned_data.get("sort", "")
        return value if value in self.sorts else ""


class TaskFilterForm(SearchFilterForm):
    sorts = tuple(search.TASK_SORTS)
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


class RequestFilterForm(SearchFilterForm):
    sorts = tuple(search.REQUEST_SORTS)
    kind = forms.ChoiceField(label=_("Process"), required=False,
                             choices=_all_kinds)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All"))] + list(RequestStatus.choices))


class AuditFilterForm(forms.Form):
    apart = ("q",)  # the search box, drawn by the page (the `search_bar` tag)
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
        self.fields = {"q": _search_field(), **self.fields}
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


class SampleForm(forms.Form):
    """The auditor's draw (core.inbox.workbench.draw_sample)."""

    kind = forms.ChoiceField(label=_("Process"), choices=kinds.choices)
    since = BusinessDateField(label=_("Submitted from"), widget=widgets.DateInput())
    until = BusinessDateField(label=_("Submitted to"), widget=widgets.DateInput())
    n = forms.IntegerField(label=_("Number of requests"), min_value=1, max_value=500,
                           initial=10)
    seed = forms.CharField(label=_("Seed"), required=False, max_length=64,
                           help_text=_("Empty: a new random seed. The same seed and "
                                       "parameters draw the same requests again."))

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", _("The end date is before the start date."))
        return data


class ReviewForm(forms.Form):
    finding = forms.ChoiceField(label=_("Finding"), widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .workbench import Finding

        self.fields["finding"].choices = Finding.choices


class MarginForm(forms.Form):
    margin = AmountField(label=_("Margin below the limit (%)"), required=False,
                                min_value=0, max_value=50, decimal_places=2, max_digits=5)


class TransferForm(ReassignForm):
    """转交: the holder picks someone who may decide the step and says why."""


class UrgeForm(forms.Form):
    comment = forms.CharField(label=_("Note to the holder (optional)"), required=False,
                              max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class AddSignerForm(ReasonForm):
    """加签: whom, before, after or alongside the holder's step, why, and their deadline."""

    signers = forms.ModelMultipleChoiceField(
        label=_("Signers"), queryset=User.objects.filter(is_active=True).order_by("username"),
        help_text=_("Up to five people, who sign in this order."))
    position = forms.ChoiceField(
        label=_("When"), widget=forms.RadioSelect, initial="before",
        choices=[("before", _("Before me: they decide first, then the step comes back to me")),
                 ("after", _("After me: an extra step after my approval")),
                 ("alongside", _("Alongside me: they sign my step with me, and every one of "
                                 "us must approve"))])
    sla_hours = AmountField(label=_("Working hours each has (optional)"), required=False,
                                   min_value=Decimal("0.5"), max_value=Decimal("240"),
                                   decimal_places=1, max_digits=5,
                                   widget=widgets.NumberInput(attrs={"step": "0.5"}))

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["signers"].queryset = choices


class CopyForm(forms.Form):
    """抄送: whom to copy on the request, and a note for them."""

    people = forms.ModelMultipleChoiceField(
        label=_("Copy to"), queryset=User.objects.filter(is_active=True).order_by("username"),
        help_text=_("They can read the request and comment, never decide."))
    comment = forms.CharField(label=_("Note (optional)"), required=False, max_length=500,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["people"].queryset = choices
