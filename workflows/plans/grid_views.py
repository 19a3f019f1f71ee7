"""The grid editor (with the spread helpers and a check that saves nothing), .xlsx export and
import, revision, and the diff between two versions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import ApprovalError
from core.org.models import Region, Role, RoleAssignment

from . import grid_form, rules, selectors, services
from .forms import ReasonForm, UploadForm
from .services.common import describe, grid_of, names_for
from .views import is_sales_gm, plan_or_404


def _addable(plan, rows) -> list[tuple[str, str]]:
    """Salespeople of the plan's regions who have no line yet: (row key, label)."""
    have = {r.person for r in rows if r.person}
    regions = {r.region for r in rows if r.kind == "region"}
    out = []
    for ra in (RoleAssignment.objects.filter(role=Role.SALESPERSON, region__code__in=regions,
                                             user__is_active=True)
               .select_related("user", "region").order_by("region__code", "user__username")):
        if ra.user.username not in have:
            out.append((f"{ra.region.code}:{ra.user.username}", f"{ra.region} · {ra.user}"))
    return out


def _render(request, plan, target, rows, *, loose=(), status=200, checked=False):
    shown = grid_form.with_totals(rows)
    company = grid_form.company_row(rows)
    target_value = grid_form.parse(target)
    return render(request, "plans/grid_form.html", {
        "plan": plan, "target": target, "rows": shown, "company": company,
        "target_diff": (company.year - target_value) if target_value is not None else None,
        "loose": loose, "addable": _addable(plan, rows), "checked": checked,
        "problems": [e for r in rows for e in r.errors],
        "has_last_year": selectors.has_actuals(plan.fiscal_year - 1),
        "upload_form": UploadForm(), "tab": "plans",
    }, status=status)


@login_required
def grid_edit(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    if plan.author_id != request.user.pk:
        raise Http404
    if not plan.is_editable:
        messages.error(request, _("A %(state)s plan cannot be changed.")
                       % {"state": plan.get_state_display()})
        return redirect("plans:plan", plan_id=plan.pk)
    if request.method != "POST":
        target, rows = grid_form.from_grid(grid_of(plan))
        return _render(request, plan, target, rows)
    target, rows = grid_form.from_post(request.POST)
    action = request.POST.get("action", "check")
    if action in ("even", "last_year"):
        basis = None
        if action == "last_year":
            basis = selectors.last_year_basis(plan.fiscal_year - 1, grid_form.layout(rows))
            if not basis.regions:
                messages.warning(request, _("No actual sales of last year: spread evenly."))
        value = grid_form.parse(target)
        if value is None or value < 0:
            messages.error(request, _("Enter the company target first."))
            return _render(request, plan, target, rows, status=400)
        spread = rules.spread_plan(value, grid_form.layout(rows), basis,
                                   region_years=grid_form.region_years(rows))
        grid_form.apply_grid(rows, spread)
        messages.info(request, _("Filled in from the target; nothing is saved until you save."))
        return _render(request, plan, target, rows)
    if action != "save":
        # "Check" (or add / remove a row): show the typed grid with its totals, save nothing.
        try:
            built = services.allocations.build_grid(target=target,
                                                    rows=grid_form.to_grid_rows(rows))
        except ApprovalError as exc:
            fields = exc.fields
        else:
            names = names_for(built)
            fields = {m.cell: [describe(m, names)] for m in rules.reconcile(built)}
        loose = grid_form.mark(rows, fields)
        if action == "check" and not fields:
            messages.success(request, _("Every level adds up."))
        return _render(request, plan, target, rows, loose=loose, checked=True)
    try:
        services.allocations_save(plan_id=plan.pk, actor=request.user, target=target,
                                  rows=grid_form.to_grid_rows(rows), source="page")
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        loose = grid_form.mark(rows, exc.fields)
        return _render(request, plan, target, rows, loose=loose, status=exc.status,
                       checked=True)
    messages.success(request, _("Grid saved: every level adds up."))
    return redirect("plans:plan", plan_id=plan.pk)


@login_required
@require_POST
def grid_import(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the .xlsx file to import."))
        return redirect("plans:plan", plan_id=plan.pk)
    upload = form.cleaned_data["file"]
    if upload.size > services.xlsx.MAX_UPLOAD:
        messages.error(request, _("The file is larger than 2 MB."))
        return redirect("plans:plan", plan_id=plan.pk)
    try:
        services.allocations_import_xlsx(plan_id=plan.pk, actor=request.user,
                                         data=upload.read(), filename=upload.name or "")
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        for key, errors in list((exc.fields or {}).items())[:20]:
            messages.error(request, f"{key}: {' '.join(str(e) for e in errors)}")
        return redirect("plans:plan", plan_id=plan.pk)
    messages.success(request, _("Imported: the grid adds up at every level and is saved."))
    return redirect("plans:plan", plan_id=plan.pk)


@login_required
def grid_export(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    data = services.plan_export_xlsx(plan, **selectors.export_scope(request.user, plan))
    response = HttpResponse(data, content_type=services.xlsx.XLSX_TYPE)
    response["Content-Disposition"] = (f'attachment; filename="{plan.number}-v{plan.version}'
                                       f'.xlsx"')
    return response


@login_required
def plan_revise(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    if not is_sales_gm(request.user):
        raise Http404
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.plan_revise(plan_id=plan.pk, actor=request.user,
                                            reason=form.cleaned_data["reason"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Version %(v)d drafted from the published plan: change "
                                        "the grid, then send it to the regions.")
                             % {"v": revision.version})
            return redirect("plans:plan", plan_id=revision.pk)
    return render(request, "plans/revise.html", {"plan": plan, "form": form, "tab": "plans"},
                  status=400 if request.method == "POST" else 200)


@login_required
def plan_diff(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    versions = selectors.versions_of(plan, request.user)
    raw = request.GET.get("against", "")
    other = None
    if raw.isascii() and raw.isdigit() and len(raw) < 19:
        other = selectors.visible_plan(request.user, int(raw))
    if other is None and plan.previous_id:
        other = selectors.visible_plan(request.user, plan.previous_id)
    if other is None or other.number != plan.number:
        messages.error(request, _("Choose another version of this plan to compare with."))
        return redirect("plans:plan", plan_id=plan.pk)
    diff = selectors.visible_diff(request.user, services.version_diff(other, plan))
    regions = dict(Region.objects.values_list("code", "name"))
    people = names_for(grid_of(plan))
    people.update(names_for(grid_of(other)))
    return render(request, "plans/diff.html", {
        "plan": plan, "other": other, "diff": diff, "versions": versions, "tab": "plans",
        "cells": [{"region": regions.get(c.region, c.region),
                   "person": people.get(("person", c.person), c.person) if c.person else "",
                   "month": c.month, "before": c.before, "after": c.after, "change": c.change}
                  for c in diff.cells],
    })
