"""Budget pages (list, page with versions and diff, create / adjust with split helpers, submit)
and the live monitor (实时监控) with a server-drawn SVG chart. Thin, like views.py."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import engine
from core.exceptions import ApprovalError
from core.forms import cc_from_post
from core.org import selectors as org
from core.org.models import Role

from . import rules, selectors, services
from .forms import (
    AMOUNT_FIELDS,
    BudgetAdjustForm,
    BudgetCreateForm,
    BudgetFilterForm,
    MonitorFilterForm,
)
from .models import MONTHS, QUARTERS, Budget, BudgetState, Category
from .rules import QUARTER_MONTHS
from .views import page_of


def _label(field: str) -> str:
    return str(Budget._meta.get_field(field).verbose_name)


def _finance_or_404(user):
    if not org.has_role(user, Role.FINANCE):
        raise Http404


def _budget_or_404(user, budget_id) -> Budget:
    qs = selectors.budgets_for(user)
    budget = qs.filter(pk=budget_id).first() if qs is not None else None
    if budget is None:
        raise Http404
    return budget


@login_required
def budget_list(request):
    form = BudgetFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        filters = {"year": d["year"], "category": d["category"], "state": d["state"],
                   "department_id": d["department"].pk if d["department"] else None,
                   "region_id": d["region"].pk if d["region"] else None}
    qs = selectors.budgets_for(request.user, **filters)
    if qs is None:
        raise Http404
    scope = selectors.budget_scope(request.user)
    return render(request, "expenses/budgets.html", {
        "page": page_of(request, qs), "form": form, "all_departments": scope.everything,
        "is_finance": org.has_role(request.user, Role.FINANCE),
    })


def _quarter_grid(budget: Budget) -> list[dict]:
    return [{"label": f"Q{q}", "amount": getattr(budget, f"q{q}"),
             "months": [(_label(f"m{m}"), getattr(budget, f"m{m}")) for m in QUARTER_MONTHS[q]]}
            for q in QUARTERS]


def _diff(before: Budget, after: Budget) -> list[dict]:
    rows = []
    for name in AMOUNT_FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            rows.append({"label": _label(name), "before": old, "after": new,
                         "change": new - old})
    return rows


@login_required
def budget_detail(request, budget_id):
    user = request.user
    budget = _budget_or_404(user, budget_id)
    versions = selectors.budget_versions(budget)
    chain = selectors.previous_chain(budget, versions)
    previous = chain[1] if len(chain) > 1 else None
    req = selectors.budget_request(budget)
    if req is not None and not engine.visible_requests(user).filter(pk=req.pk).exists():
        req = None
    actions = selectors.budget_actions(user, budget)
    under_way = next((v for v in versions
                      if v.state in selectors.UNDER_WAY and v.pk != budget.pk), None)
    return render(request, "expenses/budget.html", {
        "budget": budget, "grid": _quarter_grid(budget), "versions": versions,
        "chain": chain, "previous": previous,
        "diff": _diff(previous, budget) if previous else [], "req": req,
        "actions": actions,
        "can_submit": selectors.SUBMIT in actions,
        "can_edit": selectors.EDIT in actions,
        "can_adjust": selectors.ADJUST in actions,
        "under_way": under_way,
    })


@login_required
@require_POST
def budget_submit(request, budget_id):
    budget = _budget_or_404(request.user, budget_id)
    try:
        services.budget_submit(budget_id=budget.pk, actor=request.user,
                               cc=cc_from_post(request.POST))
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Submitted for approval: the sales GM, then the CEO."))
    return redirect("expenses:budget", budget_id=budget.pk)


# --- create and adjust ----------------------------------------------------------------------


def _prefill(request, form, *, year, department_id, category, region_id=None):
    """'Split evenly' / 'same shape as last year': the grid filled in from the typed total,
    the rest kept as typed; nothing is saved."""
    form.is_valid()
    total = form.cleaned_data.get("total")
    if total is None:
        messages.error(request, _("Enter the annual total first."))
        return form, 400
    shape = None
    if request.POST.get("action") == "shape":
        if year and department_id and category:
            shape = selectors.last_year_months(year=year, department_id=department_id,
                                               category=category, region_id=region_id)
        if shape is None:
            messages.warning(request, _("No budget of last year is in force for this line: "
                                        "split evenly instead."))
    quarters, months = rules.shaped_split(total, shape) if shape else rules.even_split(total)
    initial = {bf.name: bf.value() for bf in form}
    initial.update({f"q{q}": quarters[q - 1] for q in QUARTERS})
    initial.update({f"m{m}": months[m - 1] for m in MONTHS})
    initial["total"] = total
    return type(form)(initial=initial), 200


def _apply_errors(exc: ApprovalError, form) -> None:
    for key, msgs in (exc.fields or {}).items():
        form.add_error(key if key in form.fields else None, msgs)


def _render_grid(request, form, *, budget=None, status=200):
    quarters = [{"field": form[f"q{q}"], "months": [form[f"m{m}"] for m in QUARTER_MONTHS[q]]}
                for q in QUARTERS]
    return render(request, "expenses/budget_form.html", {
        "form": form, "quarters": quarters, "budget": budget,
        "header": [form[n] for n in ("fiscal_year", "department", "region", "category", "owner")
                   if n in form.fields],
    }, status=status)


@login_required
def budget_new(request):
    _finance_or_404(request.user)
    if request.method != "POST":
        return _render_grid(request, BudgetCreateForm())
    form = BudgetCreateForm(request.POST)
    if request.POST.get("action") in ("even", "shape"):
        form.is_valid()
        d = form.cleaned_data
        dept = d.get("department")
        form, status = _prefill(request, form, year=d.get("fiscal_year"),
                                department_id=dept.pk if dept else None,
                                category=d.get("category"),
                                region_id=d["region"].pk if d.get("region") else None)
        return _render_grid(request, form, status=status)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _render_grid(request, form, status=400)
    d = form.cleaned_data
    try:
        budget = services.budget_create(
            actor=request.user, fiscal_year=d["fiscal_year"], department=d["department"],
            category=d["category"], owner=d["owner"], region=d["region"], **form.amounts())
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        _apply_errors(exc, form)
        return _render_grid(request, form, status=exc.status)
    messages.success(request, _("Budget saved as a draft; submit it for approval."))
    return redirect("expenses:budget", budget_id=budget.pk)




def _grid_page(request, budget: Budget, save):
    """The amounts grid of an existing budget: prefill helpers, validation, then `save(form)`,
    which calls a service and returns where to go. Refusals keep what was typed."""
    if request.method != "POST":
        initial = {name: getattr(budget, name) for name in AMOUNT_FIELDS}
        return _render_grid(request, BudgetAdjustForm(initial=initial), budget=budget)
    form = BudgetAdjustForm(request.POST)
    if request.POST.get("action") in ("even", "shape"):
        form, status = _prefill(request, form, year=budget.fiscal_year,
                                department_id=budget.department_id, category=budget.category,
                                region_id=budget.region_id)
        return _render_grid(request, form, budget=budget, status=status)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _render_grid(request, form, budget=budget, status=400)
    try:
        return save(form)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        _apply_errors(exc, form)
        return _render_grid(request, form, budget=budget, status=exc.status)


@login_required
def budget_adjust(request, budget_id):
    """Finance drafts the next version of the budget in force (an adjustment)."""
    budget = _budget_or_404(request.user, budget_id)
    if selectors.ADJUST not in selectors.budget_permissions(request.user, budget):
        raise Http404
    if budget.state != BudgetState.IN_FORCE:
        messages.error(request, _("Only the budget in force can be adjusted."))
        return redirect("expenses:budget", budget_id=budget.pk)

    def save(form):
        new = services.budget_revise(budget_id=budget.pk, actor=request.user,
                                     reason=form.cleaned_data["reason"], **form.amounts())
        messages.success(request, _("Version %(v)d drafted; submit it for approval.")
                         % {"v": new.version})
        return redirect("expenses:budget", budget_id=new.pk)

    return _grid_page(request, budget, save)


@login_required
def budget_edit(request, budget_id):
    """The preparer corrects a draft or a returned budget."""
    budget = _budget_or_404(request.user, budget_id)
    if selectors.EDIT not in selectors.budget_permissions(request.user, budget):
        raise Http404
    if selectors.EDIT not in selectors.budget_actions(request.user, budget):
        messages.error(request, _("Only a draft or a returned budget can be changed."))
        return redirect("expenses:budget", budget_id=budget.pk)

    def save(form):
        services.budget_update(budget_id=budget.pk, actor=request.user,
                               reason=form.cleaned_data["reason"], **form.amounts())
        messages.success(request, _("Budget changed."))
        return redirect("expenses:budget", budget_id=budget.pk)

    return _grid_page(request, budget, save)


# --- monitor (实时监控) ------------------------------------------------------------------------

CHART_W, CHART_H = 720, 280
PAD_L, PAD_R, PAD_T, PAD_B = 70, 70, 20, 40


def _short(amount: Decimal | float) -> str:
    value = float(amount)
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"¥{value / size:.3g}{suffix}"
    return f"¥{value:.0f}"


def _chart(rows: list[selectors.MonitorRow]) -> dict:
    """Geometry for the monthly bars (budget vs used, left axis) and the cumulative-use line
    (right axis: cumulative use against the annual budget)."""
    plot_w, plot_h = CHART_W - PAD_L - PAD_R, CHART_H - PAD_T - PAD_B
    base = PAD_T + plot_h
    month_max = float(max([max(r.budget, r.used) for r in rows] + [Decimal(1)]))
    cumulative, running = [], Decimal(0)
    for r in rows:
        running += r.used
        cumulative.append(running)
    annual = sum((r.budget for r in rows), Decimal(0))
    cum_max = float(max(annual, running, Decimal(1)))
    slot = plot_w / len(rows)
    bar_w = slot * 0.36
    bars, points = [], []
    for i, r in enumerate(rows):
        x = PAD_L + i * slot + slot * 0.12
        hb = float(r.budget) / month_max * plot_h
        hu = float(r.used) / month_max * plot_h
        bars.append({
            "label": _label(f"m{r.month}"), "cx": round(PAD_L + (i + 0.5) * slot, 1),
            "bx": round(x, 1), "by": round(base - hb, 1), "bh": round(hb, 1),
            "ux": round(x + bar_w + 1, 1), "uy": round(base - hu, 1), "uh": round(hu, 1),
            "w": round(bar_w, 1), "row": r,
        })
        y = base - float(cumulative[i]) / cum_max * plot_h
        points.append((round(PAD_L + (i + 0.5) * slot, 1), round(y, 1)))
    ticks = [{"y": round(base - f * plot_h, 1), "left": _short(month_max * f),
              "right": _short(cum_max * f)} for f in (0, 0.25, 0.5, 0.75, 1)]
    return {
        "w": CHART_W, "h": CHART_H, "left": PAD_L, "right": CHART_W - PAD_R, "base": base,
        "top": PAD_T, "bars": bars, "ticks": ticks,
        "points": " ".join(f"{x},{y}" for x, y in points), "dots": points,
        "cumulative": cumulative, "annual": annual,
    }


@login_required
def monitor(request):
    scope = selectors.budget_scope(request.user)
    if not scope.allowed:
        raise Http404
    year, category, department_id, region_id = timezone.localdate().year, "", None, None
    data = request.GET.copy()
    data.setdefault("year", str(year))  # shown in the filter; this year unless asked
    form = MonitorFilterForm(data)
    if form.is_valid():
        d = form.cleaned_data
        year = d["year"] or year
        category = d["category"]
        department_id = d["department"].pk if d["department"] else None
        region_id = d["region"].pk if d["region"] else None
    if not scope.everything:
        department_id = scope.department_id  # a regional manager sees their own department
    by_category = selectors.monitor_rows(year, department_id=department_id, category=category,
                                         region_id=region_id)
    tables = [{"category": c, "label": Category(c).label, "rows": rows,
               "total": selectors.monitor_total(rows, c), "warned": any(r.level for r in rows)}
              for c, rows in by_category.items()]
    combined = [selectors.MonitorRow(category or "", m,
                                     sum((t["rows"][m - 1].budget for t in tables), Decimal(0)),
                                     sum((t["rows"][m - 1].reserved for t in tables), Decimal(0)),
                                     sum((t["rows"][m - 1].spent for t in tables), Decimal(0)))
                for m in MONTHS]
    warnings = [r for t in tables for r in t["rows"] if r.level]
    return render(request, "expenses/monitor.html", {
        "form": form, "year": year, "tables": tables, "chart": _chart(combined),
        "combined": combined,
        "overall": selectors.monitor_total(combined), "warnings": warnings,
        "all_departments": scope.everything, "category": category,
        "category_label": Category(category).label if category else _("All categories"),
    })
