"""The preferences page's out-of-office (自助代理) section: set and cancel one's own."""

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core import kinds
from core.exceptions import NotFoundError
from core.forms import BusinessDateField
from core.org import out_of_office
from core.org.models import User
from core.widgets import DateInput


class OutOfOfficeForm(forms.Form):
    deputy = forms.ModelChoiceField(
        label=gettext_lazy("Deputy"), queryset=User.objects.filter(is_active=True)
        .order_by("username"))
    starts_on = BusinessDateField(label=gettext_lazy("First day"), widget=DateInput)
    ends_on = BusinessDateField(label=gettext_lazy("Last day"), widget=DateInput)
    kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Processes"), choices=kinds.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave all unticked for every process."))
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=200, required=False)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        deputy = cast(forms.ModelChoiceField, self.fields["deputy"])
        deputy.queryset = User.objects.filter(is_active=True).exclude(pk=user.pk).order_by(
            "username")


def page_context(user: User, form: OutOfOfficeForm | None = None) -> dict:
    names = dict(kinds.choices())
    periods = out_of_office.mine(user)
    for d in periods:
        d.kind_names = [str(names.get(k, k)) for k in d.kinds]  # type: ignore[attr-defined]
    return {"ooo_form": form or OutOfOfficeForm(user=user, prefix="ooo"),
            "ooo_periods": periods}


@login_required
@require_POST
def set_out_of_office(request):
    form = OutOfOfficeForm(request.POST, user=request.user, prefix="ooo")
    if form.is_valid():
        d = form.cleaned_data
        try:
            out_of_office.set_out_of_office(request.user, out_of_office.OutOfOffice(
                deputy=d["deputy"], starts_on=d["starts_on"], ends_on=d["ends_on"],
                kinds=d["kinds"], reason=d["reason"]))
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Out-of-office saved; your line manager is told."))
            return redirect("preferences")
    return render(request, "core/preferences.html", page_context(request.user, form),
                  status=400)


@login_required
@require_POST
def cancel_out_of_office(request, pk: int):
    try:
        out_of_office.cancel_out_of_office(request.user, pk)
    except NotFoundError:
        # someone else's (or none): the same 404 as every other object one may not see
        raise Http404 from None
    messages.success(request, _("Out-of-office cancelled."))
    return redirect("preferences")
