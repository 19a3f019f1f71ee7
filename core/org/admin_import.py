"""The admin's organisation import: upload a workbook, read the preview (a dry run), apply it.
Staff with the right to add and change people, departments, regions and roles only; every
change is a POST (the admin's CSRF protection), and the upload is kept by id, never under the
name it came with."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import FileExtensionValidator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.exceptions import ApprovalError

from .importer import MAX_UPLOAD, ImportRefused, org_import_apply, org_import_store, template_xlsx

IMPORT_PERMISSIONS = (
    "org.add_user", "org.change_user",
    "org.add_department", "org.change_department",
    "org.add_region", "org.change_region",
    "org.add_roleassignment", "org.delete_roleassignment",
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def may_import(user) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perms(IMPORT_PERMISSIONS))


def _ensure_may_import(request) -> None:
    if not may_import(request.user):
        raise PermissionDenied


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Organisation workbook (.xlsx)"),
        validators=[FileExtensionValidator(["xlsx"])],
        help_text=gettext_lazy("At most 2 MB. Nothing changes until you confirm the preview."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        head = upload.read(4)
        upload.seek(0)
        if head[:2] != b"PK":
            raise forms.ValidationError(_("This is not an Excel workbook (.xlsx)."))
        return upload


FIELD_LABELS = {
    "name": gettext_lazy("name"), "display_name": gettext_lazy("name"),
    "email": gettext_lazy("e-mail"), "mobile": gettext_lazy("mobile"),
    "department": gettext_lazy("department"), "region": gettext_lazy("region"),
    "grade": gettext_lazy("grade"), "manager": gettext_lazy("line manager"),
    "is_active": gettext_lazy("active"), "roles": gettext_lazy("roles"),
}
ENTITY_LABELS = {
    "department": gettext_lazy("Department"), "region": gettext_lazy("Region"),
    "person": gettext_lazy("Person"), "roles": gettext_lazy("Roles"),
}
ACTION_LABELS = {
    "create": gettext_lazy("new"), "update": gettext_lazy("changed"),
    "deactivate": gettext_lazy("deactivated"), "reactivate": gettext_lazy("reactivated"),
}


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if isinstance(value, list):
        return ", ".join(value) or "—"
    return str(value)


def change_rows(plan) -> list[dict]:
    """The preview's table: one row per change, its fields in the reader's language."""
    return [{"entity": ENTITY_LABELS[c.entity], "action": ACTION_LABELS[c.action],
             "action_code": c.action, "key": c.key,
             "fields": [(FIELD_LABELS.get(name, name), _shown(before), _shown(after))
                        for name, (before, after) in c.changes.items()]}
            for c in plan.changes]


def _context(admin_site, request, **extra):
    return {**admin_site.each_context(request), "title": _("Import the organisation"),
            "opts": extra.pop("opts"), **extra}


def import_view(request, model_admin):
    _ensure_may_import(request)
    opts = model_admin.model._meta
    form = UploadForm()
    context: dict = {}
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                stored, plan = org_import_store(data=upload.read(), actor=request.user,
                                                file_name=upload.name)
            except ApprovalError as exc:
                form.add_error("file", str(exc))
            else:
                context = {"plan": plan, "stored": stored, "file_name": upload.name,
                           "rows": change_rows(plan), "counts": _counts(plan)}
    return TemplateResponse(request, "admin/org/import.html", _context(
        model_admin.admin_site, request, opts=opts, form=form,
        template_url=reverse("admin:org_user_import_template"), **context))


def _counts(plan) -> list[tuple[str, int]]:
    counts: dict[tuple[str, str], int] = {}
    for c in plan.changes:
        counts[(c.entity, c.action)] = counts.get((c.entity, c.action), 0) + 1
    return [(f"{ENTITY_LABELS[e]} · {ACTION_LABELS[a]}", n) for (e, a), n in counts.items()]


@require_POST
def apply_view(request, model_admin):
    _ensure_may_import(request)
    try:
        stored_id = int(request.POST.get("upload", ""))
    except ValueError:
        messages.error(request, _("Upload the workbook again."))
        return redirect("admin:org_user_import")
    try:
        plan = org_import_apply(stored_id=stored_id, actor=request.user,
                                expected_digest=request.POST.get("digest", ""))
    except ImportRefused as exc:
        messages.error(request, str(exc))
        return redirect("admin:org_user_import")
    except ApprovalError as exc:
        messages.error(request, str(exc))
        return redirect("admin:org_user_import")
    if plan.changes:
        messages.success(request, _("The organisation was imported: %(n)d change(s), each in "
                                    "the audit trail.") % {"n": len(plan.changes)})
    else:
        messages.info(request, _("Nothing changed: the organisation already matches the "
                                 "workbook."))
    return redirect("admin:org_user_changelist")


@require_GET
def template_view(request, model_admin):
    _ensure_may_import(request)
    response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="countersign-org-template.xlsx"'
    return response
