"""Pages of the auditor's workbench (core/inbox/workbench.py): auditors only, 404 for others."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core import kinds
from core.audit.models import AuditEvent

from . import workbench
from .forms import MarginForm, ReviewForm, SampleForm
from .models import Request

PAGE = 25
MAX_ID = 2**63 - 1


def _auditor_or_404(user) -> None:
    if not workbench.is_auditor(user):
        raise Http404


def _form_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def home(request):
    _auditor_or_404(request.user)
    form = SampleForm(initial={"n": 10})
    lists = [{"code": code, "label": label, "help": help_text,
              "count": workbench.anomalies(code).count()}
             for code, (label, _q, help_text) in workbench.ANOMALIES.items()]
    draws = Paginator(workbench.samples(request.user), 10).get_page(request.GET.get("page"))
    return render(request, "inbox/workbench.html", {
        "form": form, "lists": lists, "draws": draws,
        "margin": workbench.band_margin() * 100})


@login_required
@require_POST
def sample(request):
    _auditor_or_404(request.user)
    form = SampleForm(request.POST)
    if form.is_valid():
        try:
            drawn = workbench.draw_sample(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return redirect("inbox:workbench-sample", seq=drawn.event.seq)
    lists = [{"code": code, "label": label, "help": help_text,
              "count": workbench.anomalies(code).count()}
             for code, (label, _q, help_text) in workbench.ANOMALIES.items()]
    draws = Paginator(workbench.samples(request.user), 10).get_page(1)
    return render(request, "inbox/workbench.html", {
        "form": form, "lists": lists, "draws": draws,
        "margin": workbench.band_margin() * 100}, status=400)


@login_required
def sample_detail(request, seq):
    _auditor_or_404(request.user)
    if seq > MAX_ID:
        raise Http404
    event = get_object_or_404(AuditEvent, seq=seq, subject_kind=workbench.WORKBENCH,
                              event=workbench.SAMPLED)
    ids = event.data.get("requests", [])
    found = {r.pk: r for r in Request.objects.filter(pk__in=ids).select_related("submitter")}
    rows = [found[pk] for pk in ids if pk in found]
    again = workbench.redraw(event)
    return render(request, "inbox/workbench_sample.html", {
        "event": event, "data": event.data, "rows": rows,
        "kind_label": kinds.label(event.data.get("kind", "")),
        "reproducible": again == ids, "reviewed": _reviewed(rows)})


def _reviewed(reqs) -> set[int]:
    if not reqs:
        return set()
    keys = {(r.kind, str(r.object_id)): r.pk for r in reqs}
    done = AuditEvent.objects.filter(
        event=workbench.REVIEWED, subject_kind__in={k for k, _i in keys},
        subject_id__in={i for _k, i in keys}).values_list("subject_kind", "subject_id")
    return {keys[key] for key in done if key in keys}


@login_required
def anomaly_list(request, code):
    _auditor_or_404(request.user)
    if code not in workbench.ANOMALIES:
        raise Http404
    label, _q, help_text = workbench.ANOMALIES[code]
    margin_form = MarginForm(request.GET or None)
    kwargs = {}
    if code == "below-band" and margin_form.is_bound and margin_form.is_valid() \
            and margin_form.cleaned_data.get("margin") is not None:
        kwargs["margin"] = margin_form.cleaned_data["margin"] / Decimal(100)
    elif code == "below-band" and margin_form.is_bound and not margin_form.is_valid():
        kwargs["margin"] = workbench.band_margin()
    qs = workbench.anomalies(code, **kwargs)
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    return render(request, "inbox/workbench_anomalies.html", {
        "code": code, "label": label, "help": help_text, "page": page,
        "margin_form": margin_form if code == "below-band" else None,
        "margin": (kwargs.get("margin") or workbench.band_margin()) * 100,
        "reviewed": _reviewed(list(page))})


@login_required
@require_http_methods(["GET", "POST"])
def review(request, request_id):
    _auditor_or_404(request.user)
    if request_id > MAX_ID:
        raise Http404
    req = get_object_or_404(Request.objects.select_related("submitter"), pk=request_id)
    form = ReviewForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                workbench.review(actor=request.user, request_id=req.pk, **form.cleaned_data)
            except ValidationError as exc:
                _form_errors(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Review of %(number)s recorded.") % {
                    "number": req.number or req.pk})
                return redirect(reverse("inbox:workbench-review", args=[req.pk]))
        status = 400
    labels = dict(workbench.Finding.choices)
    reviews = list(workbench.reviews(req))
    for r in reviews:
        r.finding_label = labels.get(r.data.get("finding"), r.data.get("finding"))
    return render(request, "inbox/workbench_review.html", {
        "req": req, "form": form, "reviews": reviews}, status=status)
