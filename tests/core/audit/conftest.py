import pgtrigger
import pytest
from django.db import connection

# The trigger names the migration (core/audit/migrations/0002_initial.py) installs.
APPEND_ONLY_TRIGGER = "pgtrigger_audit_append_only_f6eda"
NO_TRUNCATE_TRIGGER = "pgtrigger_audit_no_truncate_50e0d"


@pytest.fixture(scope="module")
def audit_flush_allowed():
    """Let `transaction=True` tests end on PostgreSQL.

    Django empties the database after such a test with one TRUNCATE of every table, and the
    audit_no_truncate trigger refuses it. A module-scoped fixture is set up before (and torn
    down after) pytest-django's per-test flush, so the flush runs with that one trigger ignored.
    Use it only in modules that do not test the TRUNCATE refusal. A no-op on SQLite.
    """
    with pgtrigger.ignore("audit.AuditEvent:audit_no_truncate"):
        yield


@pytest.fixture
def tamper(db):
    """Run raw SQL against audit_auditevent as someone who owns the table would.

    On PostgreSQL the append-only trigger is disabled first, inside the test's transaction, so
    the rollback at the end of the test puts it back. ALTER TABLE is refused while deferred
    foreign-key checks are pending, so those are run first. SQLite has no trigger to disable.
    """
    disabled = []

    def run(sql: str, params=()):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and not disabled:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute(
                    f"ALTER TABLE audit_auditevent DISABLE TRIGGER {APPEND_ONLY_TRIGGER}"
                )
                disabled.append(True)
            cursor.execute(sql, params)
            return cursor.rowcount

    return run
