"""The template editor, for administrators and each template's process owner: the draft of the
next version (form and routing as JSON, checked on save), the route preview for an example
submitter and values, publishing, disabling, the diff between versions and the export."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from core.exceptions import ApprovalError
from core.org.models import Department, Region, Role, User

from . import export, rules, selectors, services
from .models import FormTemplate, TemplateCategory


def _managed(user, template_id) -> FormTemplate:
    template = get_object_or_404(FormTemplate, pk=template_id)
    if not services.may_manage(user, template):
        raise Http404
    return template


@login_required
def templates(request):
    if not services.manages_any(request.user):
        raise Http404
    rows = [t for t in FormTemplate.objects.prefetch_related("versions")
            if services.may_manage(request.user, t)]
    return render(request, "forms/templates.html", {
        "templates": rows, "may_create": services.may_manage(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def template_new(request):
    if not services.may_manage(request.user):
        raise Http404
    data = {k: request.POST.get(k, "").strip() for k in
            ("code", "name_zh", "name_en", "category", "number_prefix")}
    errors: dict = {}
    if request.method == "POST":
        try:
            template = services.template_create(actor=request.user, **data)
        except ApprovalError as exc:
            errors = exc.fields or {"__all__": [str(exc.message)]}
        except Exception as exc:  # full_clean's ValidationError: shown by the field
            errors = getattr(exc, "message_dict", {"__all__": [str(exc)]})
        else:
            services.template_edit_start(actor=request.user, template_id=template.pk)
            return redirect("forms:template", template_id=template.pk)
    return render(request, "forms/template_new.html",
                  {"data": data, "errors": errors, "general_errors": errors.get("__all__", []),
                   "categories": TemplateCategory.choices},
                  status=400 if errors else 200)


def _json(text: str):
    try:
        return json.loads(text), None
    except ValueError as exc:
        return None, _("Not valid JSON: %(error)s") % {"error": exc}


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request, template_id):
    template = _managed(request.user, template_id)
    action = request.POST.get("action", "")
    errors: list[str] = []
    preview = None
    draft_text = request.POST.get("definition", "")
    values_text = request.POST.get("values", "{}")
    status = 200
    if request.method == "POST":
        try:
            if action == "save":
                definition, error = _json(draft_text)
                if error:
                    errors = [error]
                else:
                    services.template_save_draft(actor=request.user, template_id=template.pk,
                                                 definition=definition)
                    messages.success(request, _("Draft saved."))
                    return redirect("forms:template", template_id=template.pk)
            elif action == "edit":
                services.template_edit_start(actor=request.user, template_id=template.pk)
                return redirect("forms:template", template_id=template.pk)
            elif action == "publish":
                version = services.template_publish(
                    actor=request.user, template_id=template.pk,
                    note=request.POST.get("note", "")[:200])
                messages.success(request, _("Published version %(n)s.") % {"n": version.number})
                return redirect("forms:template", template_id=template.pk)
            elif action in ("enable", "disable"):
                services.template_set_enabled(actor=request.user, template_id=template.pk,
                                              enabled=action == "enable")
                return redirect("forms:template", template_id=template.pk)
            elif action == "audience":
                def ids(name):
                    return [int(v) for v in request.POST.getlist(name) if v.isdigit()]
                owner = request.POST.get("owner", "")
                services.template_set_audience(
                    actor=request.user, template_id=template.pk,
                    roles=request.POST.getlist("roles"), department_ids=ids("departments"),
                    region_ids=ids("regions"),
                    owner_id=int(owner) if owner.isdigit() else None,
                    keep_owner="owner" not in request.POST)
                messages.success(request, _("Saved."))
                return redirect("forms:template", template_id=template.pk)
            elif action == "preview":
                definition, error = _json(draft_text)
                values, verror = _json(values_text)
                errors = [e for e in (error, verror) if e]
                submitter = User.objects.filter(pk=request.POST.get("submitter") or 0).first()
                if submitter is None:
                    errors.append(_("Choose an example submitter."))
                if not errors:
                    errors = services.check_definition(definition, category=template.code)
                if not errors:
                    clean, _field_errors = rules.validate(
                        definition, values if isinstance(values, dict) else {},
                        known=services.known_ids(definition))
                    preview = selectors.with_names(services.editor_route_preview(
                        definition=definition, values=clean, submitter=submitter,
                        category=template.code))
        except ApprovalError as exc:
            errors = [str(m) for ms in exc.fields.values() for m in ms] or [str(exc.message)]
        status = 400 if errors else 200
    if not draft_text:
        current = template.current()
        shown = template.draft if template.draft is not None else (
            current.definition if current else {})
        draft_text = json.dumps(shown, ensure_ascii=False, indent=2)
    return render(request, "forms/template_edit.html", {
        "template": template, "versions": template.versions.order_by("-number"),
        "draft_text": draft_text, "values_text": values_text, "errors": errors,
        "preview": preview, "has_draft": template.draft is not None,
        "people": User.objects.filter(is_active=True).order_by("username"),
        "submitter": request.POST.get("submitter", ""),
        "roles": [(v, label, v in template.submit_roles) for v, label in Role.choices],
        "departments": [(d.pk, d.name, d.pk in template.submit_departments)
                        for d in Department.objects.order_by("code")],
        "regions": [(r.pk, r.label, r.pk in template.submit_regions)
                    for r in Region.objects.order_by("code")],
        "is_admin": services.may_manage(request.user),
        "field_editor": _field_editor_text()}, status=status)


TYPE_NAMES = {
    rules.TEXT: _lazy("Text"), rules.LONG_TEXT: _lazy("Long text"),
    rules.INTEGER: _lazy("Integer"), rules.MONEY: _lazy("Money (CNY)"),
    rules.DATE: _lazy("Date"), rules.DATE_RANGE: _lazy("Date range"),
    rules.CHOICE: _lazy("Single choice"), rules.MULTI_CHOICE: _lazy("Multiple choice"),
    rules.PERSON: _lazy("Person"), rules.DEPARTMENT: _lazy("Department"),
    rules.REGION: _lazy("Region"), rules.CUSTOMER: _lazy("Customer"),
    rules.ATTACHMENT: _lazy("Attachments"), rules.TABLE: _lazy("Table"),
}


def _field_editor_text() -> dict:
    """The words of the field list editor (static/js/forms_editor.js), in the reader's
    language: it edits the fields' common settings and writes the JSON below it."""
    return {
        "types": [[code, str(TYPE_NAMES.get(code, code))] for code in rules.FIELD_TYPES],
        "key": _("Key"), "type": _("Type"), "label_zh": _("Label (Chinese)"),
        "label_en": _("Label (English)"), "required": _("Required"),
        "help": _("Help text (Chinese)"), "add": _("Add a field"), "up": _("Move up"),
        "down": _("Move down"), "remove": _("Remove"),
        "broken": _("The JSON below does not parse: correct it there to use the field list."),
        "more": _("Choices, table columns, min/max and conditions: in the JSON below."),
    }


@login_required
def template_diff(request, template_id):
    template = _managed(request.user, template_id)
    versions = {v.number: v.definition for v in template.versions.all()}
    try:
        a = int(request.GET.get("a", 0))
    except ValueError:
        a = 0
    b_raw = request.GET.get("b", "draft")
    if b_raw == "draft":
        after = template.draft if template.draft is not None else {}
    else:
        try:
            after = versions.get(int(b_raw), {})
        except ValueError:
            raise Http404 from None
    rows = rules.diff(versions.get(a, {}), after)
    return render(request, "forms/template_diff.html", {
        "template": template, "rows": rows, "a": a, "b": b_raw})


@login_required
def template_export(request, template_id):
    template = _managed(request.user, template_id)
    body = export.submissions_xlsx(template)
    response = HttpResponse(body, content_type="application/vnd.openxmlformats-officedocument"
                                                ".spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{template.code}.xlsx"'
    return response
