"""The approval analytics page and its CSV downloads: the sales GM, the CEO, auditors and
administrators; 404 for anyone else (the page's existence is not advertised). GET only."""

import csv
import io
from datetime import date, datetime
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from core import registry, widgets
from core.api.audit import csv_cell
from core.org.models import Department, Region

from . import charts, tables
from . import figures as fig


class AnalyticsFilterForm(forms.Form):
    date_from = forms.DateField(label=gettext_lazy("Decided from"), required=False,
                                widget=widgets.DateInput())
    date_to = forms.DateField(label=gettext_lazy("Decided until"), required=False,
                              widget=widgets.DateInput())
    kind = forms.ChoiceField(label=gettext_lazy("Process"), required=False)
    region = forms.ModelChoiceField(
        label=gettext_lazy("Region"), required=False, queryset=Region.objects.order_by("code"),
        to_field_name="code", empty_label=gettext_lazy("All regions"),
        error_messages={"invalid_choice": gettext_lazy("Unknown region.")})
    department = forms.ModelChoiceField(
        label=gettext_lazy("Department"), required=False,
        queryset=Department.objects.order_by("code"), to_field_name="code",
        empty_label=gettext_lazy("All departments"),
        error_messages={"invalid_choice": gettext_lazy("Unknown department.")})
    band = forms.ChoiceField(
        label=gettext_lazy("Amount"), required=False,
        choices=[("", gettext_lazy("Any amount")),
                 *((code, label) for code, label, _lo, _hi in fig.AMOUNT_BANDS)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", gettext_lazy("All processes")),
                                       *((s.kind, s.label) for s in registry.processes())]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", gettext_lazy("The end comes before the start."))
        return data

    def filters(self) -> fig.Filters:
        d = self.cleaned_data
        return fig.Filters.of(date_from=d.get("date_from"), date_to=d.get("date_to"),
                              kind=d.get("kind") or "",
                              region_id=d["region"].pk if d.get("region") else None,
                              department_id=d["department"].pk if d.get("department") else None,
                              band=d.get("band") or "")


def _viewer_or_404(user) -> None:
    if not fig.can_view(user):
        raise Http404


FILTER_KEYS = ("date_from", "date_to", "kind", "region", "department", "band")


def _filter_query(params) -> str:
    """The page's filters only, for the links out of it (downloads, drill-downs)."""
    return urlencode([(k, v) for k in FILTER_KEYS for v in params.getlist(k) if v])


def _heat(figures: dict, query: str) -> dict:
    heat = figures["heatmap"]
    drill = tables.drill_urls(query)
    rows = [{**row, "url": drill({"kind": row["kind"], "step": row["step_code"]}),
             "cells": [{**cell, "url": drill({"kind": row["kind"], "step": row["step_code"],
                                              "week": cell["week"].isoformat()})
                        if cell["count"] else None} for cell in row["cells"]]}
            for row in heat["rows"]]
    return {**heat, "rows": rows}


@login_required
@require_GET
def approvals(request):
    _viewer_or_404(request.user)
    form = AnalyticsFilterForm(request.GET or None)
    context: dict = {"form": form, "tables": None}
    if not request.GET or form.is_valid():
        f = form.filters() if request.GET else fig.Filters.of()
        figures = fig.approval_analytics(f)
        query = _filter_query(request.GET)
        context.update(tables=[tables.render(t, figures, query, html=True)
                                for t in tables.TABLES],
                       period=figures["period"], query=query, heat=_heat(figures, query),
                       charts=charts.for_page(figures))
    return render(request, "analytics/approvals.html", context,
                  status=200 if context["tables"] is not None else 400)


class _Echo:
    def write(self, value):
        return value


def _export_input(request):
    """(table or None for every table, filters) or a 400 response naming the bad fields."""
    _viewer_or_404(request.user)
    table = request.GET.get("table", "")
    chosen = tables.BY_CODE.get(table)
    form = AnalyticsFilterForm(request.GET)
    every = table == "all" and request.resolver_match.url_name == "approvals-xlsx"
    if (chosen is None and not every) or not form.is_valid():
        errors = dict(form.errors) if form.is_bound and not form.is_valid() else {}
        if chosen is None and not every:
            errors["table"] = [str(_("Unknown table."))]
        lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
        return HttpResponseBadRequest("\n".join(lines), content_type="text/plain; charset=utf-8")
    return chosen, form.filters()


def _plain(value):
    return (value if value is None or isinstance(value, int | float | datetime | date)
            else str(value))


@login_required
@require_GET
def approvals_csv(request):
    """?table=<code> (tables.TABLES) and the page's filters."""
    got = _export_input(request)
    if isinstance(got, HttpResponse):
        return got
    chosen, f = got
    rendered = tables.render(chosen, fig.approval_analytics(f))
    writer = csv.writer(_Echo())
    # Written now, in the request's language (a streamed body would be translated after the
    # locale middleware has switched back); the BOM makes Excel read the file as UTF-8.
    lines = ["\ufeff" + writer.writerow([str(h) for h in rendered["headers"]]),
             *(writer.writerow([csv_cell(_plain(v)) for v in row["cells"]])
               for row in rendered["rows"])]
    response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
    name = f"approvals-{chosen.code}-{f.date_from:%Y%m%d}-{f.date_to:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_value(value):
    value = _plain(value)
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None)  # Excel has no time zones
    if isinstance(value, str):
        return csv_cell(value)  # text that looks like a formula stays text
    return value


@login_required
@require_GET
def approvals_xlsx(request):
    """?table=<code> or table=all (one sheet per table) and the page's filters."""
    got = _export_input(request)
    if isinstance(got, HttpResponse):
        return got
    chosen, f = got
    figures = fig.approval_analytics(f)
    book = Workbook()
    book.remove(book.active)
    for table in ([chosen] if chosen else tables.TABLES):
        rendered = tables.render(table, figures)
        sheet = book.create_sheet(table.code[:31])
        sheet.append([str(h) for h in rendered["headers"]])
        for row in rendered["rows"]:
            sheet.append([_xlsx_value(v) for v in row["cells"]])
        for n, header in enumerate(rendered["headers"], start=1):
            width = max(10, min(40, len(str(header)) + 4))
            sheet.column_dimensions[get_column_letter(n)].width = width
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    code = chosen.code if chosen else "all"
    name = f"approvals-{code}-{f.date_from:%Y%m%d}-{f.date_to:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class DrillForm(AnalyticsFilterForm):
    state = forms.ChoiceField(required=False, choices=[("decided", "decided"), ("open", "open")])
    step = forms.CharField(required=False, max_length=40)
    approver = forms.IntegerField(required=False, min_value=1)
    week = forms.DateField(required=False)
    bucket = forms.ChoiceField(required=False,
                               choices=[("", ""), *((c, c) for c, *_r in fig.BUCKETS)])
    returned = forms.BooleanField(required=False)
    late = forms.BooleanField(required=False)

    def clean_week(self):
        week = self.cleaned_data.get("week")
        if week and week.weekday() != 0:
            raise forms.ValidationError(gettext_lazy("A week starts on a Monday."))
        return week


PAGE_SIZE = 50


@login_required
@require_GET
def tasks(request):
    """The approval tasks behind one figure of the page, 50 a page: the same viewers; each
    row links to its request page, which applies the request's own permissions."""
    _viewer_or_404(request.user)
    form = DrillForm(request.GET)
    if not form.is_valid():
        return render(request, "analytics/tasks.html", {"form": form, "page": None},
                      status=400)
    d = form.cleaned_data
    f = form.filters()
    qs = fig.drill(f, state=d.get("state") or "decided", kind=d.get("kind") or "",
                   step=d.get("step") or "", approver_id=d.get("approver"), week=d.get("week"),
                   bucket=d.get("bucket") or "", returned=bool(d.get("returned")),
                   late=bool(d.get("late")))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    for item in page:
        end = item.decided_at or now
        item.hours = fig.to_hours((end - item.created).total_seconds())
        item.wait_hours = (fig.to_hours((item.taken_at - item.created).total_seconds())
                           if item.taken_at else None)
        item.process_label = fig.process_label(item.kind)
        item.step_name = fig.step_label(item.kind, item.step_code, item.step_label)
    described = _describe(d, f)
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "analytics/tasks.html", {
        "form": form, "page": page, "described": described, "open": d.get("state") == "open",
        "query": params.urlencode(), "back": _filter_query(request.GET)})


def _describe(d: dict, f: fig.Filters) -> list[str]:
    """What the list holds, in words (the figure it came from)."""
    out = [(_("Open now") if d.get("state") == "open"
            else _("Decided %(start)s – %(end)s") % {"start": f.date_from, "end": f.date_to})]
    if d.get("kind"):
        out.append(fig.process_label(d["kind"]))
    if d.get("step"):
        out.append(fig.step_label(d.get("kind") or "", d["step"]))
    if d.get("approver"):
        from core.org.models import User

        out.append(str(User.objects.filter(pk=d["approver"]).first() or d["approver"]))
    if d.get("week"):
        out.append(_("week of %(date)s") % {"date": d["week"]})
    if d.get("bucket"):
        out.extend(str(label) for code, label, *_r in fig.BUCKETS if code == d["bucket"])
    if d.get("returned"):
        out.append(_("returned for revision"))
    if d.get("late"):
        out.append(_("decided after the deadline"))
    if d.get("region"):
        out.append(str(d["region"]))
    if d.get("department"):
        out.append(str(d["department"]))
    if d.get("band"):
        out.extend(str(label) for code, label, *_r in fig.AMOUNT_BANDS if code == d["band"])
    return out
