"""The register (filters, pagination), the 5 × 5 heat map, the escalation summary and the form
that identifies a risk. Each view parses input, calls one service or selector and renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.exceptions import ApprovalError
from core.org import selectors as org
from core.org.models import User
from workflows.contracts.models import ContractState
from workflows.contracts.selectors import visible_contracts, visible_customers

from .. import selectors, services
from ..forms import RegisterFilterForm, RiskForm
from ..models import Level
from ..selectors import OPEN_FILTER, RegisterFilters
from ..services.risks import ASSIGNS_OWNERS

PAGE_SIZE = 25
# The heat map's geometry (SVG user units): a 5 × 5 grid with room for the axis labels.
CELL, LEFT, TOP = 96, 56, 12


def _filters(request) -> tuple[RegisterFilterForm, RegisterFilters]:
    form = RegisterFilterForm(request.GET or None)
    f = RegisterFilters()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        owner_id = None
        if d["owner"].strip():
            owner_id = User.objects.filter(username=d["owner"].strip()).values_list(
                "pk", flat=True).first() or -1
        f = RegisterFilters(type=d["type"], level=d["level"], state=d["status"],
                            owner=owner_id, region=getattr(d["region"], "pk", None),
                            overdue=d["overdue"], likelihood=d["likelihood"],
                            impact=d["impact"], q=d["q"].strip())
    return form, f


def _counts(user) -> list[tuple[str, str, int]]:
    return [(level, Level(level).label, n) for level, n in selectors.level_counts(user).items()]


def _common(request, tab: str) -> dict:
    user = request.user
    return {"tab": tab, "read_only": org.is_read_only(user),
            "sees_summary": selectors.sees_summary(user)}


@login_required
def register(request):
    form, f = _filters(request)
    page = Paginator(selectors.register(request.user, f), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "risks/register.html", {
        **_common(request, "register"), "form": form, "page": page,
        "reviews_due": selectors.reviews_due_for(request.user)[:20],
        "counts": _counts(request.user), "today": timezone.localdate(),
    })


def heat_cells(request, f: RegisterFilters) -> list[dict]:
    """The 25 cells with their SVG position and the register link for each."""
    register_url = reverse("risks:register")
    base = {k: v for k, v in request.GET.items() if k not in ("likelihood", "impact", "page")}
    base.setdefault("status", OPEN_FILTER)
    cells = []
    for row, line in enumerate(selectors.heatmap(request.user, f)):
        for col, cell in enumerate(line):
            cells.append({**cell.__dict__, "x": LEFT + col * CELL, "y": TOP + row * CELL,
                          "cx": LEFT + col * CELL + CELL // 2,
                          "cy": TOP + row * CELL + CELL // 2,
                          "url": f"{register_url}?" + urlencode(
                              {**base, "likelihood": cell.likelihood,
                               "impact": cell.impact})})
    return cells


@login_required
def heatmap(request):
    form, f = _filters(request)
    cells = heat_cells(request, f)
    axis = [{"n": n, "x": LEFT + (n - 1) * CELL + CELL // 2, "y": TOP + (5 - n) * CELL
             + CELL // 2} for n in range(1, 6)]
    return render(request, "risks/heatmap.html", {
        **_common(request, "heatmap"), "form": form, "cells": cells, "axis": axis,
        "total": sum(c["count"] for c in cells), "size": LEFT + 5 * CELL + 8,
        "height": TOP + 5 * CELL + 44, "grid_bottom": TOP + 5 * CELL, "left": LEFT,
        "grid_mid": LEFT + 5 * CELL // 2, "mid_y": TOP + 5 * CELL // 2,
    })


@login_required
def summary(request):
    user = request.user
    if not selectors.sees_summary(user):
        raise Http404
    today = timezone.localdate()
    late = list(selectors.overdue_measures(user, today)[:200])
    for m in late:
        m.days_late = (today - m.due_date).days
    return render(request, "risks/summary.html", {
        **_common(request, "summary"), "counts": _counts(user),
        "escalations": selectors.recent_escalations(user), "late": late,
        "in_approval": selectors.in_approval(user).order_by("-score")[:50],
        "reviews_late": selectors.late_reviews(user, today)[:100],
    })


def _risk_form(request, data=None) -> RiskForm:
    user = request.user
    contracts = visible_contracts(user).filter(
        state__in=(ContractState.SIGNED, ContractState.IN_REVIEW)).order_by("-created")
    return RiskForm(data, customers=visible_customers(user).order_by("name"),
                    contracts=contracts, may_assign=org.has_role(user, *ASSIGNS_OWNERS))


@login_required
def risk_new(request):
    if org.is_read_only(request.user):
        messages.error(request, _("Auditors can read everything and change nothing."))
        return redirect("risks:register")
    form = _risk_form(request, request.POST if request.method == "POST" else None)
    status, route = 200, None
    if request.method == "POST" and request.POST.get("action") == "preview":
        # who would approve the plan for the level typed; nothing is saved
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                route = services.risk_route_preview(
                    actor=request.user, likelihood=d["likelihood"], impact=d["impact"],
                    owner=d.get("owner"), region=d["region"], customer=d["customer"],
                    contract=d["contract"], title=d["title"])
            except ApprovalError as exc:
                messages.error(request, str(exc.message))
                for key, msgs in exc.fields.items():
                    form.add_error(key if key in form.fields else None, msgs)
            else:
                status = 200
        else:
            messages.error(request, _("Please correct the errors below."))
    elif request.method == "POST":
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                risk = services.risk_create(
                    actor=request.user, type=d["type"], title=d["title"],
                    description=d["description"], customer=d["customer"],
                    contract=d["contract"], region=d["region"], owner=d.get("owner"),
                    likelihood=d["likelihood"], impact=d["impact"])
            except ApprovalError as exc:
                messages.error(request, str(exc.message))
                for key, msgs in exc.fields.items():
                    form.add_error(key if key in form.fields else None, msgs)
                status = exc.status
            else:
                messages.success(request, _("Risk %(number)s recorded.") % {
                    "number": risk.number})
                return redirect("risks:risk", risk_id=risk.pk)
        else:
            messages.error(request, _("Please correct the errors below."))
    bands = [(Level(level).label, lo, hi) for level, lo, hi in sorted(
        selectors.bands(), key=lambda b: b[1])]
    return render(request, "risks/risk_form.html", {
        **_common(request, "new"), "form": form, "bands": bands, "route": route,
        "preview": route is not None,
        "preview_hint": _("From the risk's level and who holds each role today; the approver "
                          "is fixed when you submit the response plan.")}, status=status)
