"""Pages for 转交 transfer and 催办 urge (core/inbox/actions.py). Thin: parse, call the one
service, redirect; a refusal re-renders the task page with the typed input kept."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import ApprovalError

from . import actions
from .forms import AddSignerForm, TransferForm, UrgeForm
from .views import _back_to_list, _back_to_task, _task_context, _visible_item


def _refused(request, item, action, form, status):
    ctx = _task_context(request, _visible_item(request.user, item.pk))
    ctx["more_forms"] = {action: form}
    return render(request, "inbox/task.html", ctx, status=status)


@login_required
@require_POST
def task_transfer(request, task_id):
    item = _visible_item(request.user, task_id)
    form = TransferForm(request.POST, prefix="transfer",
                        choices=actions.transfer_choices(item))
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _refused(request, item, "transfer", form, 400)
    try:
        actions.task_transfer(task_id=item.pk, actor=request.user,
                              assignee=form.cleaned_data["assignee"],
                              reason=form.cleaned_data["reason"])
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        return _refused(request, item, "transfer", form, exc.status)
    messages.success(request, _("Handed over to %(who)s.") % {
        "who": form.cleaned_data["assignee"]})
    return _back_to_list(request)


@login_required
@require_POST
def task_urge(request, task_id):
    item = _visible_item(request.user, task_id)
    form = UrgeForm(request.POST, prefix="urge")
    from_request_page = request.POST.get("next") == "request"
    if form.is_valid():
        try:
            urge = actions.task_urge(task_id=item.pk, actor=request.user,
                                     comment=form.cleaned_data["comment"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            if from_request_page:
                return redirect("inbox:request", request_id=item.request_id)
            return _refused(request, item, "urge", form, exc.status)
        messages.success(request, _("Urged: %(n)d people were told it is urgent.") % {
            "n": len(urge.recipient_ids)})
    else:
        messages.error(request, _("Please correct the errors below."))
        if not from_request_page:
            return _refused(request, item, "urge", form, 400)
    if from_request_page:
        return redirect("inbox:request", request_id=item.request_id)
    return _back_to_task(request, item.pk)


@login_required
@require_POST
def task_add_signer(request, task_id):
    item = _visible_item(request.user, task_id)
    form = AddSignerForm(request.POST, prefix="signer", choices=actions.signer_choices(item))
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _refused(request, item, "add_signer", form, 400)
    d = form.cleaned_data
    try:
        actions.task_add_signer(task_id=item.pk, actor=request.user, signers=list(d["signers"]),
                                position=d["position"], reason=d["reason"],
                                sla_hours=d["sla_hours"])
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        for field, errors in exc.fields.items():
            if field in form.fields:
                for error in errors:
                    form.add_error(field, error)
        return _refused(request, item, "add_signer", form, exc.status)
    names = ", ".join(str(u) for u in d["signers"])
    if d["position"] == actions.BEFORE:
        messages.success(request, _("%(who)s will decide first; the step then comes back to "
                                    "you.") % {"who": names})
        return _back_to_list(request)
    if d["position"] == actions.ALONGSIDE:
        messages.success(request, _("%(who)s will sign this step with you; it is decided "
                                    "when every one of you has approved.") % {"who": names})
        return _back_to_task(request, item.pk)
    messages.success(request, _("%(who)s will sign after you.") % {"who": names})
    return _back_to_task(request, item.pk)
