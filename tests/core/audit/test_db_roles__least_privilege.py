"""The application's PostgreSQL role (manage.py db_roles): it may append audit events and do
its normal work, and nothing else on the audit tables: UPDATE, DELETE and TRUNCATE are refused
(also with django-pgtrigger's ignore set for the session), and so is DDL."""

import hashlib
from decimal import Decimal

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox import services as inbox
from core.inbox.models import Request, WorkItem, WorkItemStatus

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REFUSED = psycopg2.errors.InsufficientPrivilege


@pytest.fixture
def app_role(db):
    """A throwaway app role for this test database; the tables' owner is the test's own user."""
    db_name = connection.settings_dict["NAME"]
    name = "cs_app_" + hashlib.sha256(db_name.encode()).hexdigest()[:12]
    owner = connection.settings_dict["USER"] or "postgres"
    call_command("db_roles", owner=owner, app=name, verbosity=0)
    yield name
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{name}"')
        cursor.execute(f'DROP ROLE "{name}"')


def _connect(role: str):
    s = connection.settings_dict
    conn = psycopg2.connect(dbname=s["NAME"], user=role, host=s["HOST"] or "127.0.0.1",
                            port=s["PORT"] or 5432)
    conn.autocommit = True
    return conn


@pytest.fixture
def as_app(app_role):
    conn = _connect(app_role)
    yield conn
    conn.close()


@pytest.fixture
def event(personas):
    from core.audit.services import record

    return record(actor=personas["east_rep1"], event="demo.submitted", subject_kind="demo",
                  subject_id=1, to_state="submitted")


def _trigger_names() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = "
                       "'audit_auditevent'::regclass AND NOT tgisinternal")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.parametrize("ignore_triggers", [False, True])
@pytest.mark.parametrize("statement", [
    "UPDATE audit_auditevent SET comment = 'rewritten'",
    "UPDATE audit_auditevent SET hash = hash",
    "DELETE FROM audit_auditevent",
    "TRUNCATE audit_auditevent",
    "TRUNCATE audit_auditevent, audit_auditchainhead CASCADE",
    "DELETE FROM audit_auditchainhead",
    "UPDATE audit_auditchainhead SET subject_id = 'other'",
    "DELETE FROM audit_verificationrun",
    "UPDATE audit_verificationrun SET ok = true",
    "DELETE FROM django_migrations",
])
def test_app_role_refused_when_it_rewrites_the_audit_trail(as_app, event, statement,
                                                           ignore_triggers):
    with as_app.cursor() as cursor:
        if ignore_triggers:  # what pgtrigger.ignore() does: a setting any session may set
            cursor.execute("SELECT set_config('pgtrigger.ignore', %s, false)",
                           ["{" + ",".join(_trigger_names()) + "}"])
        with pytest.raises(REFUSED):
            cursor.execute(statement)
    assert AuditEvent.objects.get().comment == event.comment


@pytest.mark.parametrize("statement", [
    "CREATE TABLE sneaky (id int)",
    "CREATE TEMPORARY TABLE audit_auditchainhead (id int)",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER ALL",
    "ALTER TABLE demo_demorequest ADD COLUMN sneaky int",
    "DROP TABLE audit_verificationrun",
    "CREATE INDEX sneaky ON audit_auditevent (comment)",
    "CREATE TRIGGER sneaky BEFORE INSERT ON audit_auditevent "
    "FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()",
    "CREATE FUNCTION public._pgtrigger_should_ignore(trigger_name name) RETURNS boolean "
    "AS 'SELECT true' LANGUAGE sql",
    "SET session_replication_role = replica",
    "SELECT setval('audit_auditevent_seq_seq', 1)",
])
def test_app_role_refused_when_it_tries_ddl_or_trigger_control(as_app, statement):
    with as_app.cursor() as cursor, pytest.raises(REFUSED):
        cursor.execute(statement)


def test_app_role_appends_and_reads_when_recording_an_event(as_app, personas):
    with as_app.cursor() as cursor:
        cursor.execute("SELECT has_table_privilege('audit_auditevent', 'INSERT'), "
                       "has_table_privilege('audit_auditevent', 'SELECT'), "
                       "has_table_privilege('audit_auditevent', 'UPDATE'), "
                       "has_table_privilege('audit_auditevent', 'TRUNCATE'), "
                       "has_table_privilege('demo_demorequest', 'UPDATE'), "
                       "has_database_privilege(current_database(), 'TEMPORARY')")
        assert cursor.fetchone() == (True, True, False, False, True, False)


def test_submit_and_approve_succeed_when_connected_as_the_app_role(app_role, personas):
    from workflows.demo.services import demo_submit

    default = connection.settings_dict
    owner = default["USER"]
    connection.close()
    default["USER"] = app_role
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            assert cursor.fetchone()[0] == app_role
        obj = demo_submit(actor=personas["east_rep1"], title="客户拜访交通费",
                          amount=Decimal("800.00"))
        req = Request.objects.get(kind="demo", object_id=obj.pk)
        while (item := WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN)
               .first()) is not None:
            inbox.task_approve(task_id=item.pk, actor=item.assignee, comment="ok")
        state = type(obj).objects.get(pk=obj.pk).state
        result = verify_all()  # as the app role: reads and records the run
    finally:
        connection.close()
        default["USER"] = owner
    assert state == "approved"
    assert result.ok, result.first_broken
    assert AuditEvent.objects.filter(subject_kind="demo", subject_id=str(obj.pk)).count() >= 2


def test_print_shows_the_sql_and_changes_nothing(app_role, capsys, monkeypatch):
    monkeypatch.setenv("DB_APP_PASSWORD", "s3cret'pw")
    owner = connection.settings_dict["USER"] or "postgres"
    call_command("db_roles", owner=owner, app=app_role, print_only=True)
    out = capsys.readouterr().out
    assert f'GRANT SELECT, INSERT ON TABLE "public"."audit_auditevent" TO "{app_role}";' in out
    assert "ALTER DEFAULT PRIVILEGES FOR ROLE" in out
    assert "s3cret" not in out and "PASSWORD '********'" in out


def test_refused_when_owner_and_app_are_one_role_or_names_are_odd(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="two different roles"):
        call_command("db_roles", owner="same", app="same")
    with pytest.raises(CommandError, match="plain PostgreSQL name"):
        call_command("db_roles", owner="owner", app='x"; DROP TABLE audit_auditevent; --')
