from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.org import selectors as org
from core.org.models import Role


def _broker_state() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.CELERY_BROKER_URL:
        return "eager"
    from config.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        return "unreachable"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers; the broker's state is reported but is not fatal, because
    requests still commit without it (side effects wait in the database)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception:
        database = "unreachable"
    body = {"database": database, "broker": _broker_state()}
    response = JsonResponse(body, status=200 if database == "ok" else 503)
    if database != "ok":
        from core.database import RETRY_AFTER_SECONDS

        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@login_required
def home(request):
    """What needs me, what I asked for, and for auditors the latest events."""
    from core.audit import selectors as audit_selectors
    from core.inbox import selectors as inbox

    user = request.user
    sees_all = inbox.sees_everything(user)
    return render(request, "core/home.html", {
        "roles": [Role(r).label for r in sorted(org.roles_of(user)) if r in Role.values],
        "read_only": org.is_read_only(user),
        "tasks": inbox.list_rows(inbox.tasks_for(user, inbox.INBOX), user, inbox.INBOX)[:8],
        "mine": inbox.request_rows(inbox.requests_for(user, mine=True))[:8],
        "latest_events": audit_selectors.events()[:10] if sees_all else [],
        "verification": audit_selectors.last_verification() if sees_all else None,
        "now": timezone.now(),
        "tab": inbox.INBOX,
    })


@login_required
@require_GET
def getting_started(request):
    """What an administrator configures next, each with a tick once it is done."""
    from django.http import Http404

    from core import setup

    if not setup.is_administrator(request.user):
        raise Http404  # a page someone may not open is not there for them (as elsewhere)
    steps = setup.steps()
    return render(request, "core/getting_started.html", {
        "steps": steps, "all_done": all(s.done for s in steps)})


@login_required
def preferences(request):
    """Each user chooses whether notifications also come by e-mail."""
    if request.method == "POST":
        request.user.email_notifications = request.POST.get("email_notifications") == "on"
        request.user.save(update_fields=["email_notifications"])
        messages.success(request, _("Preferences saved."))
        return redirect("preferences")
    from core.out_of_office_views import page_context

    return render(request, "core/preferences.html", page_context(request.user))


def server_error(request):
    """handler500: a database that went away is a 503 with Retry-After (core/database.py);
    under /api/ the answer is the API's JSON error envelope, never an HTML page."""
    from django.views.defaults import server_error as default_server_error

    from core.database import server_error_or_unavailable

    if request.path.startswith("/api/"):
        from core.api.errors import api_error_page

        return server_error_or_unavailable(
            request, lambda req: api_error_page(req, http_status=500))
    return server_error_or_unavailable(request, default_server_error)


def bad_request(request, exception=None):
    """handler400 (a body over the size limit met by a middleware, a bad multipart, ...)."""
    if request.path.startswith("/api/"):
        from core.api.errors import api_error_page

        return api_error_page(request, exception, http_status=400)
    from django.views.defaults import bad_request as default_bad_request

    return default_bad_request(request, exception)


def permission_denied(request, exception=None):
    if request.path.startswith("/api/"):
        from core.api.errors import api_error_page

        return api_error_page(request, exception, http_status=403)
    from django.views.defaults import permission_denied as default_permission_denied

    return default_permission_denied(request, exception)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception=None):
    """An unknown URL under /api/ answers in the API's error shape, not with an HTML page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(_("Not found.")), "code": "not_found", "fields": {}},
                            status=404)
    return render(request, "404.html", status=404)
