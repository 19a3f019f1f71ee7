import pytest
from django.db import connection

# The trigger names the migrations (core/audit/migrations/0002, 0003) install.
APPEND_ONLY_TRIGGER = "pgtrigger_audit_append_only_f6eda"
NO_TRUNCATE_TRIGGER = "pgtrigger_audit_no_truncate_50e0d"
HEAD_FOLLOWS_TRIGGER = "pgtrigger_audit_head_follows_6cc68"


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
