"""Contract statistics (合同统计, policy 4.4): the page with server-drawn SVG charts, and the
same figures as a CSV download. Thin: parse the filter, call statistics.contract_statistics,
render. Anyone logged in may open it and sees only the contracts they may see."""

import csv
import math
from decimal import Decimal

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core import widgets
from core.api.audit import csv_cell

from . import statistics as st

STATE_COLOURS = {"in_review": "#1f5fbf", "returned": "#f79009", "signed": "#1f7a3f",
                 "rejected": "#b42318", "withdrawn": "#98a2b3"}


class StatisticsFilterForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), required=False)
    date_from = forms.DateField(label=gettext_lazy("Submitted from"), required=False,
                                widget=widgets.DateInput())
    date_to = forms.DateField(label=gettext_lazy("Submitted until"), required=False,
                              widget=widgets.DateInput())
    region = forms.ModelChoiceField(
        label=gettext_lazy("Region"), required=False, queryset=None, to_field_name="code",
        empty_label=gettext_lazy("All my regions"),
        error_messages={"invalid_choice": gettext_lazy("Unknown region.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = st.regions_for(user)

    def clean(self):
        data = super().clean()
        errors = st.period_errors(year=data.get("year"), date_from=data.get("date_from"),
                                  date_to=data.get("date_to"))
        for field, messages in errors.items():
            for message in messages:
                self.add_error(field, message)
        return data

    def period(self) -> st.Period:
        d = self.cleaned_data
        return st.period_for(year=d.get("year"), date_from=d.get("date_from"),
                             date_to=d.get("date_to"))


def _form(request) -> StatisticsFilterForm:
    data = request.GET.copy()
    if not (data.get("date_from") or data.get("date_to")):
        data.setdefault("year", str(timezone.localdate().year))  # shown in the filter
    return StatisticsFilterForm(data, user=request.user)


@login_required
@require_GET
def statistics_page(request):
    form = _form(request)
    context = {"form": form, "figures": None}
    if form.is_valid():
        figures = st.contract_statistics(request.user, period=form.period(),
                                         region=form.cleaned_data["region"])
        context.update(figures=figures, query=request.GET.urlencode(),
                       months=_month_chart(figures), regions=_bars(figures["by_region"]),
                       states=_donut(figures["by_state"]),
                       steps=_hour_bars(figures["cycle_times"]),
                       review_days=_days(figures["review_time"]["avg_hours"]))
    return render(request, "contracts/statistics.html", context)


@login_required
@require_GET
def statistics_csv(request):
    form = _form(request)
    if not form.is_valid():
        lines = [f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()]
        return HttpResponseBadRequest("\n".join(lines), content_type="text/plain; charset=utf-8")
    figures = st.contract_statistics(request.user, period=form.period(),
                                     region=form.cleaned_data["region"])
    response = StreamingHttpResponse(_csv_lines(figures), content_type="text/csv; charset=utf-8")
    p = figures["period"]
    name = f"contract-statistics-{p['start']:%Y%m%d}-{p['end']:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- CSV: one long table (figure, dimension, key, label, count, value, unit) -----------------

CSV_COLUMNS = ("figure", "dimension", "key", "label", "count", "value", "unit")


def csv_rows(figures: dict):
    cur = figures["currency"]
    t = figures["totals"]
    yield ("contracts", "total", "all", _("All contracts"), t["count"], t["value"], cur)
    yield ("signed", "total", "all", _("Signed contracts"), t["signed_count"], t["signed_value"],
           cur)
    for dimension, rows in (("region", figures["by_region"]), ("state", figures["by_state"]),
                            ("month", figures["by_month"])):
        for r in rows:
            yield ("contracts", dimension, r["key"], r["label"], r["count"], r["value"], cur)
    for r in figures["signed_by_month"]:
        yield ("signed", "month", r["key"], r["label"], r["count"], r["value"], cur)
    for r in figures["cycle_times"]:
        yield ("review_hours", "step", r["key"], r["label"], r["count"], r["avg_hours"], "hours")
    whole = figures["review_time"]
    yield ("review_hours", "whole", "submitted_to_signed", _("Submission to signing"),
           whole["count"], whole["avg_hours"], "hours")
    b = figures["credit_breach"]
    yield ("credit_breach", "contracts", "breached", _("Contracts with a credit breach"),
           b["breached"], b["percent"], "percent")
    c = figures["collections"]
    yield ("collections", "milestones", "on_time", _("Collected on time"), c["on_time"],
           c["on_time_percent"], "percent")
    yield ("collections", "milestones", "late", _("Collected late"), c["late"], None, "")
    yield ("collections", "milestones", "overdue", _("Overdue"), c["overdue"],
           c["overdue_amount"], cur)
    yield ("collections", "milestones", "overdue_30", _("Overdue by more than 30 days"),
           c["overdue_30"], c["overdue_30_amount"], cur)


class _Echo:
    def write(self, value):
        return value


def _csv_lines(figures: dict):
    writer = csv.writer(_Echo())
    # The BOM makes Excel read the file as UTF-8 (Chinese region names and labels).
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for row in csv_rows(figures):
        yield writer.writerow([csv_cell(str(v)) if isinstance(v, str) else
                               ("" if v is None else v) for v in row])


# --- chart geometry (the template draws it as inline SVG) ------------------------------------


def _short(amount) -> str:
    """An axis label: ¥7.44M / ¥850k in English, ¥744万 / ¥1.2亿 in Chinese."""
    value = float(amount)
    units = ((1e8, "亿"), (1e4, "万")) if get_language().startswith("zh") else (
        (1e6, "M"), (1e3, "k"))
    for size, suffix in units:
        if abs(value) >= size:
            return f"¥{value / size:.3g}{suffix}"
    return f"¥{value:.0f}"


def _nice(top: float) -> float:
    """The axis maximum: 1, 2, 2.5 or 5 times a power of ten, at or above top."""
    if top <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(top))
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= top)


def _month_chart(figures: dict) -> dict:
    """Two bars a month: value submitted (by month of submission) and value signed (by month
    of signing)."""
    submitted = {r["key"]: r for r in figures["by_month"]}
    signed = {r["key"]: r for r in figures["signed_by_month"]}
    keys = sorted(set(submitted) | set(signed))
    w, h, left, right, top, bottom = 600, 250, 62, 10, 12, 36
    plot_w, plot_h = w - left - right, h - top - bottom
    base = top + plot_h
    zero = {"count": 0, "value": Decimal(0)}
    peak = _nice(max([float(r["value"]) for r in (*submitted.values(), *signed.values())]
                     + [0]))
    slot = plot_w / max(len(keys), 1)
    every = max(1, math.ceil(len(keys) / 12))  # at most 12 axis labels
    one_year = len({k[:4] for k in keys}) == 1
    bars = []
    for i, key in enumerate(keys):
        s, g = submitted.get(key, zero), signed.get(key, zero)
        hs, hg = float(s["value"]) / peak * plot_h, float(g["value"]) / peak * plot_h
        x = left + i * slot + slot * 0.14
        bw = slot * 0.34
        bars.append({
            "key": key, "sub": s, "sig": g, "w": round(bw, 1),
            "sx": round(x, 1), "sy": round(base - hs, 1), "sh": round(hs, 1),
            "gx": round(x + bw + 1, 1), "gy": round(base - hg, 1), "gh": round(hg, 1),
            "cx": round(left + (i + 0.5) * slot, 1),
            "label": (str(int(key[5:])) if one_year else f"{key[2:4]}/{int(key[5:])}")
            if i % every == 0 else "",
        })
    ticks = [{"y": round(base - f * plot_h, 1), "text": _short(peak * f)}
             for f in (0, 0.25, 0.5, 0.75, 1)]
    return {"w": w, "h": h, "left": left, "right": w - right, "base": base, "bars": bars,
            "ticks": ticks}


def _hbars(rows: list[dict], values: list[float], texts: list[str]) -> dict:
    """Horizontal bars scaled to the largest value, each under its label (long step names fit
    a phone); 360 units wide so that a phone shows them at about their natural size."""
    w, row_h, text_w = 360, 44, 100
    peak = max(values + [0]) or 1.0
    out = []
    for i, (row, value, text) in enumerate(zip(rows, values, texts, strict=True)):
        length = value / peak * (w - text_w)
        top = i * row_h
        out.append({"row": row, "ly": top + 14, "y": top + 20, "ty": top + 33,
                    "len": round(length, 1), "tx": round(length + 5, 1), "text": text})
    return {"w": w, "h": max(len(rows), 1) * row_h, "rows": out}


def _bars(rows: list[dict]) -> dict:
    return _hbars(rows, [float(r["value"]) for r in rows],
                  [_short(r["value"]) + f" · {r['count']}" for r in rows])


def _hour_bars(rows: list[dict]) -> dict:
    return _hbars(rows, [float(r["avg_hours"] or 0) for r in rows],
                  [_("%(h)s h") % {"h": r["avg_hours"]} for r in rows])


def _donut(rows: list[dict]) -> dict:
    """Arcs of a ring (stroke-dasharray on one circle each), starting at twelve o'clock."""
    radius = 60
    circumference = 2 * math.pi * radius
    total = sum(r["count"] for r in rows)
    arcs, offset = [], 0.0
    for r in rows:
        length = circumference * r["count"] / total if total else 0
        arcs.append({"row": r, "colour": STATE_COLOURS.get(r["key"], "#667085"),
                     "dash": f"{length:.2f} {circumference - length:.2f}",
                     "offset": f"{-offset:.2f}", "shown": length > 0})
        offset += length
    return {"r": radius, "total": total, "arcs": arcs}


def _days(hours: Decimal | None) -> Decimal | None:
    return None if hours is None else (hours / 24).quantize(Decimal("0.1"))
