"""Pages of template requests: the catalogue (发起申请), the generated form with its route
preview, a request read-only and its revision. Thin: parse, call a service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core import engine
from core.exceptions import ApprovalError
from core.forms import cc_from_post

from . import budget, selectors, services
from .models import FormTemplate, SubmissionState, TemplateCategory
from .steps import KIND


@login_required
def catalogue(request):
    q = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("category", "")
    templates = FormTemplate.objects.filter(enabled=True, versions__isnull=False).distinct()
    if category in TemplateCategory.values:
        templates = templates.filter(category=category)
    else:
        category = ""
    if q:
        # a category matches by its name in the reader's language, not by its code
        named = [c for c, label in TemplateCategory.choices if q.lower() in str(label).lower()]
        templates = templates.filter(Q(name_zh__icontains=q) | Q(name_en__icontains=q)
                                     | Q(category__in=named))
    rows = [t for t in templates if services.may_submit(request.user, t)]
    return render(request, "forms/catalogue.html", {
        "templates": rows, "q": q, "category": category,
        "categories": TemplateCategory.choices})


def _render_form(request, template, version, raw, errors, *, preview=None, status=200,
                 submission=None):
    ctx = {"template": template, "version": version,
           "fields": selectors.form_rows(version.definition, raw, errors),
           "errors": errors, "preview": preview, "submission": submission}
    return render(request, "forms/form.html", ctx, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def new(request, code):
    template = get_object_or_404(FormTemplate, code=code)
    if not services.may_submit(request.user, template):
        raise Http404
    version = template.current()
    if version is None:
        raise Http404
    if request.method == "GET":
        return _render_form(request, template, version, {}, {})
    raw = selectors.parse_post(version.definition, request.POST, request.FILES)
    action = request.POST.get("action", "submit")
    if action == "preview":
        try:
            chain = services.route_preview(template=template, submitter=request.user, raw=raw)
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            chain = []
        return _render_form(request, template, version, raw, {},
                            preview=selectors.with_names(chain))
    try:
        # the request and its files together: a refused file leaves no request behind
        with transaction.atomic():
            obj = services.submission_submit(actor=request.user, template_id=template.pk,
                                             values=raw, draft=action == "draft",
                                             cc=cc_from_post(request.POST))
            selectors.attach_files(request, obj, version.definition)
    except ApprovalError as exc:
        if not exc.fields or "cc" in exc.fields:
            messages.error(request, str(exc.message))
        return _render_form(request, template, version, raw, exc.fields, status=400)
    req = engine.request_for(KIND, obj.pk)
    if action == "draft":
        messages.success(request, _("Saved %(n)s as a draft.") % {"n": obj.number})
    else:
        messages.success(request, _("Submitted %(n)s.") % {"n": obj.number})
    return redirect("inbox:request", request_id=req.pk)


@login_required
def detail(request, submission_id):
    obj, req = selectors.submission_for(request.user, submission_id)
    definition = obj.version.definition
    return render(request, "forms/detail.html", {
        "obj": obj, "req": req, "rows": selectors.read_rows(definition, obj.values),
        "chain": req.chain if req else [],
        "action_items": selectors.action_item_rows(obj),
        "hold": budget.held(obj.pk) if budget.setting(definition) else None,
        "may_cancel": services.may_cancel(request.user, obj),
        "may_revise": obj.submitter_id == request.user.pk and obj.state in (
            SubmissionState.RETURNED, SubmissionState.DRAFT)})


@login_required
@require_http_methods(["GET", "POST"])
def revise(request, submission_id):
    obj, req = selectors.submission_for(request.user, submission_id)
    if obj.submitter_id != request.user.pk or obj.state not in (SubmissionState.RETURNED,
                                                                SubmissionState.DRAFT):
        raise Http404
    version = obj.version
    if request.method == "GET":
        return _render_form(request, obj.template, version, obj.values, {}, submission=obj)
    raw = selectors.parse_post(version.definition, request.POST, request.FILES)
    try:
        if obj.state == SubmissionState.DRAFT:
            services.submission_send_draft(actor=request.user, submission_id=obj.pk,
                                           values=raw, cc=cc_from_post(request.POST))
        else:
            services.submission_revise(actor=request.user, submission_id=obj.pk, values=raw,
                                       comment=request.POST.get("comment", "")[:500])
    except ApprovalError as exc:
        if not exc.fields or "cc" in exc.fields:
            messages.error(request, str(exc.message))
        return _render_form(request, obj.template, version, raw, exc.fields, status=400,
                            submission=obj)
    messages.success(request, _("Submitted %(n)s.") % {"n": obj.number})
    return redirect("inbox:request", request_id=req.pk)



@login_required
@require_http_methods(["POST"])
def cancel(request, submission_id):
    obj, _req = selectors.submission_for(request.user, submission_id)
    try:
        services.submission_cancel(actor=request.user, submission_id=obj.pk,
                                   reason=request.POST.get("reason", "")[:500])
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        if exc.fields.get("reason"):
            messages.error(request, str(exc.fields["reason"][0]))
    else:
        messages.success(request, _("%(n)s was called off.") % {"n": obj.number})
    return redirect("forms:detail", submission_id=obj.pk)
