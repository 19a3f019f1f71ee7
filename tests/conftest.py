import os
import shutil
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection


def _is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_collection_modifyitems(config, items):
    on_pg = _is_postgres()
    broker = getattr(settings, "CELERY_TEST_BROKER_URL", "")
    chromium = shutil.which("chromium") or os.environ.get("CHROMIUM_PATH")
    skip_pg = pytest.mark.skip(
        reason="needs PostgreSQL: set DATABASE_URL=postgres://… (locking/trigger behaviour)"
    )
    skip_broker = pytest.mark.skip(
        reason="needs a real broker: set CELERY_BROKER_URL=redis://… to run Celery worker tests"
    )
    skip_browser = pytest.mark.skip(
        reason="needs Debian's chromium (apt-get install chromium) for browser tests"
    )
    for item in items:
        if "postgres" in item.keywords and not on_pg:
            item.add_marker(skip_pg)
        if "broker" in item.keywords and not broker:
            item.add_marker(skip_broker)
        if "browser" in item.keywords and not chromium:
            item.add_marker(skip_browser)


@pytest.fixture(autouse=True, scope="session")
def _flush_may_empty_audit_table():
    """Django ends each `transaction=True` test with one TRUNCATE of every table, which the
    audit table's trigger refuses on PostgreSQL. Only that flush runs with the trigger ignored;
    every other statement, in tests as in production, still meets it."""
    import pgtrigger
    from django.core.management.commands import flush

    original = flush.Command.handle

    def handle(self, *args, **kwargs):
        with pgtrigger.ignore("audit.AuditEvent:audit_no_truncate"):
            return original(self, *args, **kwargs)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.fixture
def personas(db):
    """The demo company's people by username (ceo, gm, east_mgr, east_rep1, finance, ...)."""
    from core.org.demo import seed_org

    return seed_org()


@pytest.fixture
def on_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def _fresh_sla_cache():
    # core.inbox.sla caches rules and holidays for a minute: no test may see another's rows.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def figure(request, capsys):
    """figure("decisions", 500): print a `FIGURE:` line (shown even without -s) and keep it
    with the test's report, for the measured figures of issue 9's tests."""

    def record(name: str, value, unit: str = "") -> None:
        line = f"FIGURE: {request.node.name}: {name} = {value}{' ' + unit if unit else ''}"
        request.node.user_properties.append((name, value))
        with capsys.disabled():
            sys.stdout.write(f"\n{line}\n")
            sys.stdout.flush()

    return record
