from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from core.org import selectors as org
from core.org.models import Role

from . import evidence
from .views import _visible_request

LANGUAGES = ("zh-hans", "en")


def may_export(user, req) -> bool:
    """Auditors (and administrators) for any request; a submitter for their own."""
    return (user.is_superuser or req.submitter_id == user.pk
            or org.has_role(user, Role.AUDITOR, Role.ADMINISTRATOR))


@login_required
@require_GET
def evidence_pack(request, request_id, fmt):
    req = _visible_request(request.user, request_id)
    if fmt not in ("pdf", "zip") or not may_export(request.user, req):
        raise Http404
    language = request.GET.get("lang", "")
    if language not in LANGUAGES:
        language = "zh-hans" if (translation.get_language() or "").startswith("zh") else "en"
    name = req.number or f"request-{req.pk}"
    if fmt == "pdf":
        body, content_type = evidence.pdf(req, language=language), "application/pdf"
    else:
        body, content_type = evidence.zip_pack(req, language=language), "application/zip"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}-{language}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
