"""The reports page (past reports, and a form for a report of any months), one report's page
and its downloads: the sales GM, the CEO, auditors and administrators; 404 for anyone else."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from core.exceptions import ApprovalError

from . import selectors, services
from .forms import PeriodForm
from .period import Span


def _reader_or_404(user) -> None:
    if not selectors.can_read(user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request):
    _reader_or_404(request.user)
    may_request = selectors.can_request(request.user)
    form = PeriodForm(request.POST if request.method == "POST" else None,
                      initial={"month_from": f"{Span.before(_today()).start:%Y-%m}"})
    status = 200
    if request.method == "POST":
        if not may_request:
            raise Http404
        if form.is_valid():
            try:
                report = services.report_request(span=form.span(), actor=request.user)
            except ApprovalError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("reports:detail", pk=report.pk)
        status = 400
    reports = selectors.visible_reports(request.user)[:100]
    return render(request, "reports/list.html",
                  {"reports": reports, "form": form, "may_request": may_request},
                  status=status)


def _today():
    return timezone.localdate()


@login_required
@require_GET
def report_detail(request, pk: int):
    report = selectors.visible_reports(request.user).filter(pk=pk).first() \
        if 0 < pk < 2**31 else None
    if report is None:
        raise Http404
    return render(request, "reports/detail.html", {"report": report})


@login_required
@require_GET
def report_download(request, pk: int, language: str, fmt: str):
    f = selectors.visible_file(request.user, pk, language, fmt)
    if f is None:
        raise Http404
    return file_response(f)


def file_response(f) -> FileResponse:
    try:
        handle = f.file.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=f.download_name(),
                            content_type=f.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
