"""A real Celery worker on the real broker: redelivered notifications and overlapping sweeps
change the database once. The worker runs local settings (not eager) against the test
database, so these tests commit for real."""

import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.utils import timezone

from config.celery import app
from core.audit.models import AuditEvent
from core.inbox.models import Escalation, Notification, NotificationKind, WorkItem
from core.inbox.tasks import deliver_notification, sweep_timers

from .helpers import open_item

pytestmark = [
    pytest.mark.broker,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]

READY_TIMEOUT, RESULT_TIMEOUT = 45, 20


def _database_url() -> str:
    db = settings.DATABASES["default"]
    auth = quote(db.get("USER") or "postgres", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{db['NAME']}"


def _wait_for(predicate, timeout: float, what: str, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    detail = f"\n--- worker log ---\n{log.read_text(errors='replace')[-6000:]}" if log else ""
    pytest.fail(f"timed out after {timeout} s waiting for {what}{detail}")


@pytest.fixture
def real_broker():
    """Publish through the Redis test broker instead of running tasks eagerly (restored after)."""
    conf = app.conf
    saved = conf.task_always_eager, conf.broker_url
    conf.task_always_eager = False
    conf.broker_url = settings.CELERY_TEST_BROKER_URL
    app.control.purge()
    yield app
    app.control.purge()
    conf.task_always_eager, conf.broker_url = saved


@pytest.fixture
def celery_worker(transactional_db, real_broker):
    """`celery -A config worker --pool=solo` on the test database; stopped before the flush."""
    log = Path(tempfile.mkstemp(prefix="celery-worker-", suffix=".log")[1])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",  # test settings force eager
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_TEST_BROKER_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
             "--concurrency=1", "-Q", "celery", "--loglevel=INFO", "--without-mingle",
             "--without-gossip", "--without-heartbeat", "-n", f"inbox-test-{os.getpid()}@%h"],
            cwd=settings.BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(lambda: proc.poll() is not None or " ready." in log.read_text(errors="replace"),
                  READY_TIMEOUT, "the Celery worker to start", log)
        if proc.poll() is not None:
            pytest.fail(f"the Celery worker exited with {proc.returncode}:\n"
                        f"{log.read_text(errors='replace')[-6000:]}")
        yield log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.unlink(missing_ok=True)


def test_one_notification_and_one_email_when_worker_receives_the_same_message_twice(
    personas, celery_worker
):
    rep = personas["east_rep1"]
    message = {
        "recipient_id": rep.pk, "kind": NotificationKind.DECIDED, "request_id": None,
        "text": "worker-dedupe-check", "url": "/requests/1/", "dedupe_key": "worker:dedupe:1",
    }

    deliver_notification.apply_async(kwargs=message)
    deliver_notification.apply_async(kwargs=message)
    sentinel = {**message, "text": "sentinel", "dedupe_key": "worker:sentinel"}
    deliver_notification.apply_async(kwargs=sentinel)

    # One worker, one slot, FIFO queue: once the sentinel is in, both copies were handled.
    _wait_for(lambda: Notification.objects.filter(dedupe_key="worker:sentinel").exists(),
              RESULT_TIMEOUT, "the worker to deliver the notifications", celery_worker)
    note = Notification.objects.get(dedupe_key="worker:dedupe:1")
    assert note.recipient == rep and note.emailed_at is not None
    assert Notification.objects.filter(text="worker-dedupe-check").count() == 1
    assert celery_worker.read_text(errors="replace").count(
        "Subject: [Countersign] worker-dedupe-check") == 1


def test_task_escalated_once_when_worker_runs_the_sweep_twice(submit, personas, celery_worker):
    req = submit()  # its "assigned" notification already goes through the worker
    item = open_item(req)
    WorkItem.objects.filter(pk=item.pk).update(due=timezone.now() - timedelta(minutes=5))

    sweep_timers.apply_async()
    sweep_timers.apply_async()

    _wait_for(lambda: Notification.objects.filter(kind=NotificationKind.ESCALATED).count() >= 2,
              RESULT_TIMEOUT, "the escalation and its notifications", celery_worker)
    sentinel = {"recipient_id": personas["gm"].pk, "kind": "decided", "request_id": None,
                "text": "sentinel", "url": "", "dedupe_key": "worker:sentinel"}
    deliver_notification.apply_async(kwargs=sentinel)
    _wait_for(lambda: Notification.objects.filter(dedupe_key="worker:sentinel").exists(),
              RESULT_TIMEOUT, "the queue to drain", celery_worker)

    assert list(Escalation.objects.values_list("work_item_id", "level", "to_user__username")) == [
        (item.pk, 1, "gm")]
    assert AuditEvent.objects.filter(event="demo.task_escalated").count() == 1
    assert WorkItem.objects.get(pk=item.pk).assignee == personas["gm"]
    told = sorted(Notification.objects.filter(kind=NotificationKind.ESCALATED)
                  .values_list("recipient__username", flat=True))
    assert told == ["east_mgr", "east_rep1", "gm"]  # old and new holder, and the submitter
