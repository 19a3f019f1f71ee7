"""The approval analytics page and its CSV downloads: the sales GM, the CEO, auditors and
administrators; 404 for anyone else (the page's existence is not advertised). GET only."""

import csv
from datetime import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from core import registry, widgets
from core.api.audit import csv_cell
from core.org.models import Department, Region

from . import figures as fig
from . import tables


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
                              department_id=d["department"].pk if d.get("department") else None)


def _viewer_or_404(user) -> None:
    if not fig.can_view(user):
        raise Http404


@login_required
@require_GET
def approvals(request):
    _viewer_or_404(request.user)
    form = AnalyticsFilterForm(request.GET or None)
    context: dict = {"form": form, "tables": None}
    if not request.GET or form.is_valid():
        f = form.filters() if request.GET else fig.Filters.of()
        figures = fig.approval_analytics(f)
        context.update(tables=[tables.render(t, figures) for t in tables.TABLES],
                       period=figures["period"], query=request.GET.urlencode())
    return render(request, "analytics/approvals.html", context,
                  status=200 if context["tables"] is not None else 400)


class _Echo:
    def write(self, value):
        return value


@login_required
@require_GET
def approvals_csv(request):
    """?table=<code> (tables.TABLES) and the page's filters."""
    _viewer_or_404(request.user)
    table = request.GET.get("table", "")
    chosen = tables.BY_CODE.get(table)
    form = AnalyticsFilterForm(request.GET)
    if chosen is None or not form.is_valid():
        errors = dict(form.errors) if form.is_bound and not form.is_valid() else {}
        if chosen is None:
            errors["table"] = [str(_("Unknown table."))]
        lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
        return HttpResponseBadRequest("\n".join(lines), content_type="text/plain; charset=utf-8")
    f = form.filters()
    rendered = tables.render(chosen, fig.approval_analytics(f))
    writer = csv.writer(_Echo())
    # Written now, in the request's language (a streamed body would be translated after the
    # locale middleware has switched back); the BOM makes Excel read the file as UTF-8.
    lines = ["\ufeff" + writer.writerow([str(h) for h in rendered["headers"]]),
             *(writer.writerow([csv_cell(v if v is None or isinstance(v, int | float | datetime)
                                         else str(v)) for v in row["cells"]])
               for row in rendered["rows"])]
    response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
    name = f"approvals-{table}-{f.date_from:%Y%m%d}-{f.date_to:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
