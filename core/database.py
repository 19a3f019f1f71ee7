"""The database connection going away (a restart, a failover, a pooler dropping the server) and
running behind PgBouncer in transaction mode (docs/RELIABILITY.md, "Database restarts").

- Before a request uses a persistent connection, Django checks that it still works
  (`CONN_HEALTH_CHECKS`, on in every environment) and opens a new one when it does not, so a
  restart costs no request that starts once the database accepts connections again. (Celery's
  Django fix-up closes the connections around every task, so each task connects afresh.)
- A request whose connection drops while it runs answers **503 with `Retry-After`** (the API's
  JSON error envelope on `/api/`, a short page elsewhere), never a stack-trace 500. Its
  transaction is gone with the connection, and an Idempotency-Key it carried was written in that
  transaction, so the key is free and a retry with it does the operation once.
- `DATABASE_POOLER=pgbouncer` (transaction pooling): no `options` startup parameter (PgBouncer
  refuses it), so `lock_timeout` must be set on the role or database; `check --database default`
  says when it is not.
"""

import contextlib
import logging
import sys

from django.conf import settings
from django.core import checks
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 1
# SQLSTATEs of a server that is going away or not there yet: class 08 (connection exception),
# 57P01 admin_shutdown (pg_ctl stop/restart -m fast), 57P02 crash_shutdown, 57P03
# cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections.
_UNAVAILABLE_STATES = {"57P01", "57P02", "57P03", "53300"}
# The driver raises its base OperationalError/InterfaceError, with no SQLSTATE, only when the
# connection itself failed ("server closed the connection unexpectedly", "connection already
# closed", "could not connect"); an error the server reports is a subclass with its SQLSTATE.
_DRIVER_MODULES = ("psycopg2", "psycopg")
CONNECTION_ERRORS = (OperationalError, InterfaceError)


def connection_lost(exc: BaseException | None) -> bool:
    """Whether `exc` (or what caused it) says the database connection is gone or cannot be made,
    as opposed to an error in the statement (a lock timeout, a constraint, bad SQL)."""
    seen = 0
    while exc is not None and seen < 5:
        seen += 1
        if isinstance(exc, CONNECTION_ERRORS):
            cause = exc.__cause__
            module = type(cause).__module__ if cause is not None else ""
            if module.split(".")[0] in _DRIVER_MODULES:
                code = getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)
                if code is None:
                    return module in _DRIVER_MODULES
                return code.startswith("08") or code in _UNAVAILABLE_STATES
        exc = exc.__cause__ or exc.__context__
    return False


def unavailable_response(request) -> HttpResponse:
    """503, `Retry-After`; the API's error envelope on /api/. Renders nothing that needs the
    database (no template context processors, no user)."""
    detail = _("The database is unavailable for a moment, so the request may not have been "
               "completed; retry it (with the same Idempotency-Key, if it had one).")
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": detail, "code": "database_unavailable",
                                 "fields": {}}, status=503)
    else:
        title = _("Service unavailable")
        response = HttpResponse(
            f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body><h1>{title}</h1><p>{detail}</p></body></html>",
            status=503, content_type="text/html; charset=utf-8",
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _forget_broken_connections() -> None:
    """Close connections the failure left behind (their transaction is gone with the server);
    the next request, or the next use in this one, connects afresh."""
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None and not conn.is_usable():
            conn.close()


class DatabaseUnavailableMiddleware:
    """A view (API or page) whose database connection dropped answers 503 with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not connection_lost(exception):
            return None
        log.warning("database unavailable during %s %s: %s", request.method, request.path,
                    str(exception).strip().splitlines()[0] if str(exception).strip() else
                    type(exception).__name__)
        with contextlib.suppress(DatabaseError):  # is_usable() already catches the driver's
            _forget_broken_connections()
        return unavailable_response(request)


def server_error_or_unavailable(request, fallback):
    """For handler500: the failure that reached it outside a view (a middleware) may be the
    database going away; that is a 503 too. `fallback` renders the ordinary 500."""
    if connection_lost(sys.exc_info()[1]):
        return unavailable_response(request)
    return fallback(request)


def pooled() -> bool:
    return bool(getattr(settings, "DATABASE_POOLER", ""))


@checks.register(checks.Tags.database)
def lock_timeout_behind_pooler(app_configs=None, databases=None, **kwargs):
    """Behind a pooler the app cannot send `-c lock_timeout=...` at connect; the role or the
    database must carry it, or a decision would wait for a held row for ever instead of 409.
    Runs with `manage.py check --database default`."""
    if not pooled() or not databases:
        return []
    errors = []
    for alias in databases:
        conn = connections[alias]
        if conn.vendor != "postgresql":
            continue
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_setting('lock_timeout')")
            value = cursor.fetchone()[0]
        if value in ("0", "0ms", "0s"):
            errors.append(checks.Error(
                f"DATABASE_POOLER is set but lock_timeout is 0 on database {alias!r}.",
                hint="Set it on the application's role, e.g. ALTER ROLE countersign SET "
                     "lock_timeout = '10s' (DB_LOCK_TIMEOUT_MS cannot reach the server "
                     "through PgBouncer).",
                id="core.E028",
            ))
    return errors
