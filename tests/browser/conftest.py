"""Playwright fixtures: one Chromium per session, a fresh context and page per test, a
screenshot of every failure in test-artifacts/screenshots/<test name>.png."""

import contextlib
import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling hosts this machine cannot
# reach (NOTES.md, "Browser tests").
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "countersign-demo"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# How long a step waits for the page before the test gives up: a guard against a hang, not a
# speed check (benchmarks/ measure speed). With the other test worker racing 32 threads against
# PostgreSQL on the same 2 cores, one POST took longer than the 10 s this was before.
TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Browser runs get their own test database (…_browser), so a run of these tests never
    drops the test database of a unit-test run going on at the same time in this checkout."""
    from django.conf import settings

    for db in settings.DATABASES.values():
        test = db.setdefault("TEST", {})
        name = test.get("NAME")
        if not name:
            if db["ENGINE"].endswith("sqlite3"):
                continue  # in-memory: private to this process already
            name = f"test_{db['NAME']}"
        test["NAME"] = f"{name}_browser"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread, and Django refuses
    # ORM calls from a thread with a running loop (SynchronousOnlyOperation). The fixtures and
    # services these tests call are plain synchronous code, so the check is a false alarm here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context_options():
    """Overridden per test (viewport, locale). English by default: the assertions read the
    source strings, which stay the same whether or not a translation catalogue is compiled."""
    return {"locale": "en-US", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def context(browser, live_server, context_options):
    ctx = browser.new_context(base_url=live_server.url, **context_options)
    ctx.set_default_timeout(TIMEOUT_MS)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, request):
    pg = context.new_page()
    problems = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on(
        "response",
        lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 500 else None,
    )
    pg.problems = problems
    yield pg
    failed = any(
        getattr(request.node, f"rep_{when}", None) is not None
        and getattr(request.node, f"rep_{when}").failed
        for when in ("setup", "call")
    )
    if failed or os.environ.get("BROWSER_SCREENSHOTS") == "all":
        from playwright.sync_api import Error as PlaywrightError

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        with contextlib.suppress(PlaywrightError):  # a crashed page must not hide the failure
            pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    pg.close()


@pytest.fixture
def login(page):
    """Log in through the form, as a person would; lands on the page given by `next`."""

    def _login(username: str, next_url: str = "/"):
        page.goto(f"/accounts/login/?next={next_url}")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(PASSWORD)
        with page.expect_navigation():
            page.locator("form[action$='/accounts/login/'] button[type=submit]").click()
        assert page.locator("#id_password").count() == 0, f"login failed for {username}"
        return page

    return _login


@pytest.fixture
def submit_demo(personas):
    """Submit a demo request as one of the personas, by the service; returns its Request."""
    from decimal import Decimal

    from core.inbox.models import Request
    from workflows.demo.services import demo_submit

    def _submit(username: str, title: str, amount: str) -> Request:
        obj = demo_submit(actor=personas[username], title=title, amount=Decimal(amount))
        return Request.objects.get(kind="demo", object_id=obj.pk)

    return _submit


@pytest.fixture
def open_task():
    from core.inbox.models import WorkItem, WorkItemStatus

    def _open_task(req) -> WorkItem:
        return WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)

    return _open_task
