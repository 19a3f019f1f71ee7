"""Pages for 抄送 copy to, comments with @mentions on the request page, and the "copied to me"
list (core/inbox/copies.py). Thin: parse, call the one service, redirect; a refusal
re-renders the page with what was typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import ApprovalError

from . import copies, services, views
from .forms import CommentForm, CopyForm
from .models import CarbonCopy
from .views import MAX_ID, _page, _task_context, _visible_item, _visible_request


def _task_id(request) -> int | None:
    raw = request.POST.get("task", "")
    return int(raw) if raw.isdigit() and int(raw) <= MAX_ID else None


def _refused(request, req, task_id, name: str, form, status: int):
    """The page the form came from again, with the typed input and its errors."""
    if task_id is not None:
        ctx = _task_context(request, _visible_item(request.user, task_id))
        ctx["more_forms"] = {name: form}
        return render(request, "inbox/task.html", ctx, status=status)
    request.cs_copy_forms = {name: form}  # read by the request page's `request_copies` tag
    response = views.request_detail(request, req.pk)
    response.status_code = status
    return response


def _add_errors(form, exc: ApprovalError) -> None:
    for field, errors in exc.fields.items():
        if field in form.fields:
            for error in errors:
                form.add_error(field, error)


@login_required
@require_POST
def request_copy(request, request_id):
    req = _visible_request(request.user, request_id)
    task_id = _task_id(request)
    form = CopyForm(request.POST, prefix="copy", choices=copies.copy_choices(req))
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _refused(request, req, task_id, "copy", form, 400)
    people = list(form.cleaned_data["people"])
    try:
        copies.request_copy(request_id=req.pk, actor=request.user, people=people,
                            comment=form.cleaned_data["comment"])
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        _add_errors(form, exc)
        return _refused(request, req, task_id, "copy", form, exc.status)
    messages.success(request, _("Copied to %(who)s.") % {"who": ", ".join(map(str, people))})
    if task_id is not None:
        return redirect("inbox:task", task_id=task_id)
    return redirect("inbox:request", request_id=req.pk)


@login_required
@require_POST
def request_comment(request, request_id):
    req = _visible_request(request.user, request_id)
    form = CommentForm(request.POST, prefix="comment")
    if form.is_valid():
        try:
            services.request_comment(request_id=req.pk, actor=request.user,
                                     comment=form.cleaned_data["comment"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            _add_errors(form, exc)
            return _refused(request, req, None, "comment", form, exc.status)
        messages.success(request, _("Comment added."))
        return redirect("inbox:request", request_id=req.pk)
    messages.error(request, _("Please correct the errors below."))
    return _refused(request, req, None, "comment", form, 400)


@login_required
def copied(request):
    """The requests I am copied on, newest first, unread ones marked."""
    page = _page(request, copies.copied_to(request.user))
    return render(request, "inbox/copied.html", {
        "page": page, "unread": copies.unread_copies(request.user)})


@login_required
@require_POST
def copied_read(request):
    """Mark one entry read and open its request (`id`), or mark them all read."""
    raw = request.POST.get("id", "")
    if raw.isdigit() and int(raw) <= MAX_ID:
        row = CarbonCopy.objects.filter(person=request.user, pk=int(raw)).first()
        if row is not None:
            copies.mark_all_read(request.user, request_ids=[row.request_id])
            return redirect("inbox:request", request_id=row.request_id)
        return redirect("inbox:copied")
    copies.mark_all_read(request.user)
    return redirect("inbox:copied")
