"""The page a signed action link opens: GET shows what will be decided, POST decides.

Logged out, the link acts as its recipient for its one decision (no session is opened);
logged in as someone else it is refused; with CHANNELS_LINKS_REQUIRE_LOGIN the person logs
in first. Every refusal is a page that says why and changes nothing."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.exceptions import ApprovalError

from . import links
from .forms import LinkDecisionForm, PreferenceForm
from .models import Digest, LinkAction, Preference


def _refused(request, exc: links.LinkRefused):
    return render(request, "channels/link_refused.html",
                  {"code": exc.code, "message": links.refusal_message(exc.code)},
                  status=exc.status)


@never_cache
@require_http_methods(["GET", "POST"])
def act(request, token: str):
    user = request.user if request.user.is_authenticated else None
    if user is None and getattr(settings, "CHANNELS_LINKS_REQUIRE_LOGIN", False):
        return redirect_to_login(request.get_full_path())
    try:
        link = links.check(token, user=user)
    except links.LinkRefused as exc:
        return _refused(request, exc)
    row, item = link.token, link.item
    required = row.action != LinkAction.APPROVE
    form = LinkDecisionForm(request.POST or None, required=required)
    status = 200
    error = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                decided = links.act(token, user=user, comment=form.cleaned_data["comment"])
            except links.LinkRefused as exc:
                return _refused(request, exc)
            except ApprovalError as exc:
                error, status = str(exc.message), exc.status
            else:
                return render(request, "channels/link_done.html", {
                    "item": decided, "req": decided.request, "action": row.action,
                    "action_label": row.get_action_display(),
                    "task_url": reverse("inbox:task", kwargs={"task_id": decided.pk}),
                })
        else:
            status = 400
    return render(request, "channels/link_confirm.html", {
        "item": item, "req": item.request, "row": row, "form": form, "error": error,
        "action": row.action, "action_label": row.get_action_display(),
        "recipient": row.recipient, "logged_out": user is None,
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    """Each person chooses the language of what is sent to them and immediate or digest
    task e-mails."""
    pref = Preference.objects.filter(user=request.user).first()
    initial = {"language": pref.language if pref else "",
               "email_digest": pref.email_digest if pref else Digest.IMMEDIATE}
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                pref = Preference.objects.select_for_update().filter(user=request.user).first()
                if pref is None:
                    pref = Preference(user=request.user)
                pref.language = form.cleaned_data["language"]
                pref.email_digest = form.cleaned_data["email_digest"]
                pref.save()
            messages.success(request, _("Preferences saved."))
            return redirect("channels:preferences")
        return render(request, "channels/preferences.html", {"form": form}, status=400)
    return render(request, "channels/preferences.html", {"form": form})
