import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection


def _is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
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
        # schemathesis gives all its generated tests one node id (the operation is only in the
        # name), and pytest-xdist schedules by node id: each would collapse into one test.
        if item.nodeid.rpartition("::")[2] != item.name and item.parent is not None:
            item._id = item.parent.id.child(item.name)
        if "broker" in item.keywords or "faults" in item.keywords:
            # Under `make test` (pytest-xdist --dist loadgroup) these share one worker, one at a
            # time: the broker tests share the broker's Redis database (a Celery worker started
            # by one would take the other's messages), and the fault tests time their answers.
            # pytest-xdist marks a group by a node id suffix that pytest 9 ignores (it sets
            # `_nodeid`), so the suffix is set here.
            item._id = item.parent.id.child(f"{item.name}@services")
        if "postgres" in item.keywords and not on_pg:
            item.add_marker(skip_pg)
        if "broker" in item.keywords and not broker:
            item.add_marker(skip_broker)
        if "browser" in item.keywords and not chromium:
            item.add_marker(skip_browser)
    ids = [item.nodeid for item in items]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise pytest.UsageError(f"tests sharing a node id would not all run under xdist: {twice}")


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


# The process registry's order is the menu's and the API schema's kind enum: a test that
# re-registers a spec instead of replacing it in place reorders them for the tests after it (a
# committed-schema test failed that way in CI). Checked after every fixture is torn down.
_REGISTRY_BEFORE = pytest.StashKey[list]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    from core import registry

    item.stash[_REGISTRY_BEFORE] = registry.kinds()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    from core import registry

    before = item.stash.get(_REGISTRY_BEFORE, None)
    if before is not None and registry.kinds() != before:
        raise AssertionError(f"{item.nodeid} left the process registry changed: "
                             f"{before} became {registry.kinds()}")


@pytest.fixture(autouse=True)
def _fresh_sla_cache():
    # core.inbox.sla caches rules and holidays for a minute: no test may see another's rows.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def figure(request):
    """figure("decisions", 500): keep a measured figure with the test's report; the run prints
    them all as `FIGURE:` lines at its end (also from pytest-xdist workers), without -s."""

    def record(name: str, value, unit: str = "") -> None:
        request.node.user_properties.append((name, f"{value}{' ' + unit if unit else ''}"))

    return record


_figures: list[str] = []


def pytest_runtest_logreport(report):
    if report.when == "call":
        test = report.nodeid.rpartition("::")[2]
        _figures.extend(f"FIGURE: {test}: {name} = {value}" for name, value in
                        report.user_properties)


def pytest_terminal_summary(terminalreporter):
    if _figures:
        terminalreporter.section("measured figures")
        for line in _figures:
            terminalreporter.write_line(line)


@pytest.fixture
def schema_client(client, django_user_model):
    """A client logged in as a user with no roles: /api/schema/ and /api/docs/ need a login."""
    client.force_login(django_user_model.objects.create_user("schema-reader"))
    return client
