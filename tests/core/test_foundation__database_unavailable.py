"""The database going away (issue 28): which errors mean a lost connection, the 503 a page, the
API and a middleware failure answer, the health check's Retry-After, the pooler's lock_timeout
check, and the sweep loop that outlives a restart. The real thing (a backend ended mid-request)
is in tests/core/api/test_idempotency__connection_lost.py and tests/faults/."""

import sqlite3

import psycopg2
import psycopg2.errors
import pytest
from django.db import IntegrityError, InterfaceError, OperationalError, connection
from django.test import Client, override_settings

from core.database import connection_lost, lock_timeout_behind_pooler

pytestmark = pytest.mark.django_db


def _wrapped(driver_exc, django_cls=OperationalError):
    """As Django's DatabaseErrorWrapper raises it: the Django error, caused by the driver's."""
    try:
        try:
            raise driver_exc
        except Exception as exc:
            raise django_cls(*exc.args) from exc
    except django_cls as wrapped:
        return wrapped


@pytest.mark.parametrize("driver_exc, django_cls", [
    (psycopg2.OperationalError("server closed the connection unexpectedly"), OperationalError),
    (psycopg2.OperationalError("connection to server failed: Connection refused"),
     OperationalError),
    (psycopg2.InterfaceError("connection already closed"), InterfaceError),
])
def test_lost_when_the_driver_reports_the_connection_failed(driver_exc, django_cls):
    assert connection_lost(_wrapped(driver_exc, django_cls))


@pytest.mark.parametrize("driver_exc, django_cls", [
    # Errors the server reports are subclasses carrying their SQLSTATE: a lock timeout (409
    # elsewhere), a constraint, bad SQL are not a lost connection.
    (psycopg2.errors.LockNotAvailable("lock timeout"), OperationalError),
    (sqlite3.OperationalError("database is locked"), OperationalError),
    (psycopg2.errors.UniqueViolation("duplicate key"), IntegrityError),
])
def test_not_lost_when_the_statement_failed(driver_exc, django_cls):
    assert not connection_lost(_wrapped(driver_exc, django_cls))


def test_not_lost_for_other_errors():
    assert not connection_lost(ValueError("x"))
    assert not connection_lost(OperationalError("no driver error behind it"))
    assert not connection_lost(None)


def _raise_lost(*args, **kwargs):
    raise _wrapped(psycopg2.OperationalError("server closed the connection unexpectedly"))


def test_a_page_answers_503_html_with_retry_after_when_the_connection_drops(
        personas, monkeypatch):
    monkeypatch.setattr("core.inbox.selectors.tasks_for", _raise_lost)
    client = Client(raise_request_exception=False)
    client.force_login(personas["east_mgr"])

    response = client.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert response["Content-Type"].startswith("text/html")
    assert b"Traceback" not in response.content


def test_the_api_answers_503_envelope_when_the_connection_drops(personas, monkeypatch):
    from rest_framework.test import APIClient

    monkeypatch.setattr("core.inbox.selectors.tasks_for", _raise_lost)
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(personas["east_mgr"])

    response = client.get("/api/tasks/")

    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert response.json() == {"detail": response.json()["detail"],
                               "code": "database_unavailable", "fields": {}}


class _LosesTheDatabase:
    """A middleware whose database access fails outside any view (handler500's case)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.endswith("/lost"):
            _raise_lost()
        if request.path.endswith("/bug"):
            raise RuntimeError("a bug, not the database")
        return self.get_response(request)


def test_503_even_when_the_connection_drops_outside_a_view(settings):
    with override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, f"{__name__}._LosesTheDatabase"]):
        client = Client(raise_request_exception=False)
        lost = client.get("/api/tasks/lost")
        page = client.get("/inbox/lost")
        bug = client.get("/inbox/bug")

    assert lost.status_code == 503 and lost.json()["code"] == "database_unavailable"
    assert page.status_code == 503 and page["Retry-After"] == "1"
    assert bug.status_code == 500  # anything else is still a 500


def test_healthz_503_says_when_to_retry(client, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr("core.views.connection", Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "1"


def test_pooler_check_silent_without_a_pooler(settings):
    settings.DATABASE_POOLER = ""
    assert lock_timeout_behind_pooler(databases=["default"]) == []


@pytest.mark.postgres
def test_pooler_check_names_a_missing_lock_timeout(settings):
    settings.DATABASE_POOLER = "pgbouncer"
    assert lock_timeout_behind_pooler(databases=["default"]) == []  # "10s", set at connect
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL lock_timeout = 0")  # the test's transaction only
    errors = lock_timeout_behind_pooler(databases=["default"])
    assert [e.id for e in errors] == ["core.E028"]


def test_sweep_loop_outlives_a_database_restart(monkeypatch):
    from django.core.management import call_command

    from core.inbox.management.commands import sweep as command

    results = iter([_raise_lost, lambda: {"escalated": 1, "reminded": 0}])
    sleeps = []

    def fake_sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(command, "sweep", lambda: next(results)())
    monkeypatch.setattr(command.time, "sleep", fake_sleep)
    monkeypatch.setattr(command.connection, "close", lambda: None)  # the test's connection

    from io import StringIO

    out = StringIO()
    call_command("sweep", "--loop", "--interval", "1", stdout=out)
    assert out.getvalue().strip() == "sweep: 1 escalated, 0 reminded"
    assert sleeps == [1, 1]


def test_sweep_once_still_fails_loudly_when_the_database_is_away(monkeypatch):
    from django.core.management import call_command

    from core.inbox.management.commands import sweep as command

    monkeypatch.setattr(command, "sweep", _raise_lost)
    with pytest.raises(OperationalError):
        call_command("sweep")


def test_notifications_retry_when_the_database_went_away():
    from core.inbox.tasks import deliver_notification

    assert {OperationalError, InterfaceError} <= set(deliver_notification.autoretry_for)
