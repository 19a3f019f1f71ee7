"""Execution tracking (执行跟踪): attainment with server-drawn SVG charts (target vs actual per
month, attainment by region or salesperson) and the actuals of the plan's year (entered or
imported)."""

import math
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import ApprovalError

from . import rules, selectors, services
from .forms import ActualBasisForm, ActualForm, UploadForm
from .models import MONTHS, ActualBasis, Plan, PlanState
from .services.common import month_name
from .views import plan_or_404

CHART_W, CHART_H = 720, 280
PAD_L, PAD_R, PAD_T, PAD_B = 70, 70, 20, 40
ZERO = rules.ZERO


def _short(amount) -> str:
    """An axis label: ¥3.6M / ¥850k in English, ¥363万 / ¥1.2亿 in Chinese."""
    value = float(amount)
    units = ((1e8, "亿"), (1e4, "万")) if get_language().startswith("zh") else (
        (1e9, "B"), (1e6, "M"), (1e3, "k"))
    for size, suffix in units:
        if abs(value) >= size:
            scaled = value / size
            return f"¥{scaled:,.0f}{suffix}" if abs(scaled) >= 100 else f"¥{scaled:.3g}{suffix}"
    return f"¥{value:,.0f}"


def _nice_top(value: float, parts: int = 4) -> float:
    """The axis top: `parts` equal steps of a round size (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8
    times a power of ten) reaching at least `value`, so the tick labels read as round figures."""
    step = value / parts
    power = 10 ** math.floor(math.log10(step))
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * power >= step * (1 - 1e-9):
            return factor * power * parts
    return value


def monthly_chart(target: list[Decimal], actual: list[Decimal], through: int) -> dict:
    """Bars per month (target, actual; left axis) and the cumulative actual against the
    cumulative target (right axis)."""
    plot_w, plot_h = CHART_W - PAD_L - PAD_R, CHART_H - PAD_T - PAD_B
    base = PAD_T + plot_h
    month_max = _nice_top(float(max([*target, *actual, Decimal(1)])))
    cum_t, cum_a, run_t, run_a = [], [], ZERO, ZERO
    for t, a in zip(target, actual, strict=True):
        run_t += t
        run_a += a
        cum_t.append(run_t)
        cum_a.append(run_a)
    cum_max = _nice_top(float(max(run_t, run_a, Decimal(1))))
    slot = plot_w / 12
    bar_w = slot * 0.36
    bars, target_pts, actual_pts = [], [], []
    for i in range(12):
        x = PAD_L + i * slot + slot * 0.12
        ht = float(target[i]) / month_max * plot_h
        ha = float(actual[i]) / month_max * plot_h
        cx = round(PAD_L + (i + 0.5) * slot, 1)
        pct = rules.attainment_pct(actual[i], target[i])
        bars.append({"label": month_name(i + 1), "cx": cx, "tx": round(x, 1),
                     "ty": round(base - ht, 1), "th": round(ht, 1), "ax": round(x + bar_w + 1, 1),
                     "ay": round(base - ha, 1), "ah": round(ha, 1), "w": round(bar_w, 1),
                     "target": target[i], "actual": actual[i], "pct": pct,
                     "level": "" if i >= through or pct is None else
                     "ok" if pct >= 100 else "warn" if pct >= 80 else "over"})
        target_pts.append((cx, round(base - float(cum_t[i]) / cum_max * plot_h, 1)))
        if i < through:
            actual_pts.append((cx, round(base - float(cum_a[i]) / cum_max * plot_h, 1)))
    ticks = [{"y": round(base - f * plot_h, 1), "left": _short(month_max * f),
              "right": _short(cum_max * f)} for f in (0, 0.25, 0.5, 0.75, 1)]
    return {"w": CHART_W, "h": CHART_H, "left": PAD_L, "right": CHART_W - PAD_R, "base": base,
            "bars": bars, "ticks": ticks,
            "target_line": " ".join(f"{x},{y}" for x, y in target_pts),
            "actual_line": " ".join(f"{x},{y}" for x, y in actual_pts), "dots": actual_pts}


def ranking_chart(lines) -> dict:
    """Horizontal bars: each line's actual against its target to date (100 % marked)."""
    label_w, bar_w, row_h = 150, 480, 30
    pcts = [(ln, ln.to_date_pct) for ln in lines]
    top = max([float(p) for _ln, p in pcts if p is not None] + [100.0])
    scale = bar_w / (top * 1.1)
    rows = []
    for i, (ln, pct) in enumerate(pcts):
        width = float(pct or 0) * scale
        rows.append({"y": 10 + i * row_h, "label": ln.label, "w": round(width, 1),
                     "pct": pct, "actual": ln.year_actual, "target": ln.to_date_target,
                     "level": "" if pct is None else "ok" if pct >= 100 else
                     "warn" if pct >= 80 else "over", "tx": round(label_w + width + 6, 1)})
    return {"w": label_w + bar_w + 80, "h": 36 + len(rows) * row_h, "label_w": label_w,
            "hundred": round(label_w + 100 * scale, 1), "rows": rows,
            "bottom": 10 + len(rows) * row_h}


def _combined(lines, through):
    target = [sum((ln.target[m - 1] for ln in lines), ZERO) for m in MONTHS]
    actual = [sum((ln.actual[m - 1] for ln in lines), ZERO) for m in MONTHS]
    return selectors.Attained("combined", "", target, actual, through)


@login_required
def attainment_home(request):
    """This year's published plan (or the latest published one the user may see)."""
    plans = selectors.visible_plans(request.user).filter(
        state=PlanState.PUBLISHED).order_by("-fiscal_year")
    plan = plans.filter(fiscal_year=timezone.localdate().year).first() or plans.first()
    if plan is None:
        return render(request, "plans/attainment.html", {"plan": None, "tab": "attainment"})
    return redirect("plans:attainment", plan_id=plan.pk)


@login_required
def attainment(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    a = selectors.attainment(plan, request.user)
    main = a.company or (_combined(a.regions, a.through) if a.regions else
                         (a.people[0] if len(a.people) == 1 else
                          _combined(a.people, a.through) if a.people else None))
    ranked = a.regions if len(a.regions) > 1 else a.people
    published = list(selectors.visible_plans(request.user).filter(
        state__in=[PlanState.PUBLISHED, PlanState.SUPERSEDED]).order_by("-fiscal_year",
                                                                           "-version"))
    return render(request, "plans/attainment.html", {
        "plan": plan, "a": a, "main": main, "tab": "attainment", "plans": published,
        "chart": monthly_chart(main.target, main.actual, a.through) if main else None,
        "ranking": ranking_chart(ranked) if len(ranked) > 1 else None,
        "ranking_by_region": ranked is a.regions,
        "months": [month_name(m) for m in MONTHS],
        "basis_form": (ActualBasisForm(initial={"actual_basis": plan.actual_basis})
                       if selectors.is_planner(request.user) else None),
    })


@login_required
@require_POST
def actual_basis(request, plan_id):
    """The sales GM chooses where the plan's actual sales come from."""
    plan = plan_or_404(request.user, plan_id)
    form = ActualBasisForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where actual sales come from."))
    else:
        try:
            services.plan_set_actual_basis(plan_id=plan.pk, actor=request.user,
                                           basis=form.cleaned_data["actual_basis"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Actual sales now come from: %(basis)s.")
                             % {"basis": fresh_basis_label(form.cleaned_data["actual_basis"])})
    return redirect("plans:attainment", plan_id=plan.pk)


def fresh_basis_label(value: str) -> str:
    return str(dict(ActualBasis.choices).get(value, value))


def _pivot(actuals) -> list[dict]:
    rows: dict = {}
    for act in actuals:
        row = rows.setdefault(act.salesperson_id, {
            "person": act.salesperson, "region": act.region, "months": [None] * 12})
        row["months"][act.month - 1] = act
    out = sorted(rows.values(), key=lambda r: (r["region"].code, r["person"].username))
    for row in out:
        row["total"] = sum((a.amount for a in row["months"] if a), ZERO)
    return out


def _actuals_page(request, plan: Plan, form=None, status=200):
    can_record = selectors.RECORD_ACTUAL in selectors.plan_actions(request.user, plan,
                                                                   any_state=True)
    allowed = selectors.recordable_region_ids(request.user) if can_record else set()
    actuals = list(selectors.actuals_for(request.user, plan.fiscal_year))
    return render(request, "plans/actuals.html", {
        "plan": plan, "rows": _pivot(actuals), "tab": "actuals",
        "months": [month_name(m) for m in MONTHS],
        "totals": [sum((a.amount for a in actuals if a.month == m), ZERO) for m in MONTHS],
        "total": sum((a.amount for a in actuals), ZERO),
        "can_record": can_record,
        "form": form or (ActualForm(region_ids=allowed) if can_record else None),
        "upload_form": UploadForm(),
    }, status=status)


@login_required
def actuals(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    if request.method != "POST":
        return _actuals_page(request, plan)
    allowed = selectors.recordable_region_ids(request.user)
    form = ActualForm(request.POST, region_ids=allowed)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _actuals_page(request, plan, form, status=400)
    d = form.cleaned_data
    try:
        services.actual_record(actor=request.user, salesperson=d["salesperson"],
                               year=plan.fiscal_year, month=d["month"], amount=d["amount"],
                               note=d["note"])
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        for key, errors in (exc.fields or {}).items():
            form.add_error(key if key in form.fields else None, errors)
        return _actuals_page(request, plan, form, status=exc.status)
    messages.success(request, _("Actual sales recorded."))
    return redirect("plans:actuals", plan_id=plan.pk)


@login_required
@require_POST
def actuals_import(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an .xlsx or .csv file to import."))
        return redirect("plans:actuals", plan_id=plan.pk)
    upload = form.cleaned_data["file"]
    if upload.size > services.actuals.MAX_UPLOAD:
        messages.error(request, _("The file is larger than 2 MB."))
        return redirect("plans:actuals", plan_id=plan.pk)
    try:
        n = services.actuals_import(actor=request.user, data=upload.read(),
                                    filename=upload.name or "", year=plan.fiscal_year)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        for key, errors in list((exc.fields or {}).items())[:30]:
            messages.error(request, f"{key}: {' '.join(str(e) for e in errors)}")
        return redirect("plans:actuals", plan_id=plan.pk)
    messages.success(request, _("%(n)d rows imported.") % {"n": n})
    return redirect("plans:actuals", plan_id=plan.pk)
