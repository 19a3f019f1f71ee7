"""A separate Django process for tests/faults/test_database__pooled.py: what the code needs from
the session, tried through PgBouncer in transaction mode (DATABASE_URL names PgBouncer,
DATABASE_POOLER=pgbouncer). Prints one JSON object.

    python tests/faults/pooled_driver.py features

Run after `approvals_driver.py setup N` (two-step demo requests, N >= 2).
"""

import json
import os
import sys
import threading
import time
from pathlib import Path


def _django():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.faults.driver_settings")
    import django

    django.setup()


def _lock_timeout() -> dict:
    """A decision on a row another transaction holds answers 409 ("someone else is acting on
    this request") after the role's lock_timeout (the app cannot set it at connect behind
    PgBouncer), not when the other transaction ends."""
    from django.db import connection, connections, transaction
    from rest_framework.test import APIClient

    from core.inbox.models import WorkItem, WorkItemStatus
    from core.org.models import User

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('lock_timeout')")
        setting = cursor.fetchone()[0]
    item = WorkItem.objects.filter(status=WorkItemStatus.OPEN).select_related("task").first()
    holding, release = threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():
                type(item.task.process).objects.select_for_update().filter(
                    pk=item.task.process_id).exists()
                holding.set()
                release.wait(30)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(30)
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(User.objects.get(pk=item.assignee_id))
    client.get("/api/tasks/")  # the process's first request loads the URLs and views
    started = time.monotonic()
    response = client.post(f"/api/tasks/{item.pk}/approve/", {"comment": "ok"}, format="json",
                           HTTP_IDEMPOTENCY_KEY=f"pooled-{item.pk}")
    waited = time.monotonic() - started
    release.set()
    holder.join(30)
    # A new key: the 409 is an answer, stored and replayed for its key (API.md).
    again = client.post(f"/api/tasks/{item.pk}/approve/", {"comment": "ok"}, format="json",
                        HTTP_IDEMPOTENCY_KEY=f"pooled-{item.pk}-again")
    return {"setting": setting, "status": response.status_code,
            "code": response.json().get("code", ""), "waited": round(waited, 2),
            "detail": response.json().get("detail", ""),
            "retry_status": again.status_code}


def _export() -> dict:
    """The audit CSV export streams through a server-side cursor; behind PgBouncer it must live
    in one transaction (a WITH HOLD cursor's FETCH may reach another server connection)."""
    from rest_framework.test import APIClient

    from core.audit.models import AuditEvent
    from core.org.models import User

    client = APIClient(raise_request_exception=False)
    client.force_authenticate(User.objects.get(username="auditor"))
    response = client.get("/api/audit/events/export.csv")
    try:
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        error = ""
    except Exception as exc:  # noqa: BLE001  (reported, the test asserts)
        body, error = "", f"{type(exc).__name__}: {exc}"[:300]
    return {"status": response.status_code, "rows": max(len(body.splitlines()) - 1, 0),
            "events": AuditEvent.objects.count(), "error": error, "head": body[:300]}


def _verify() -> dict:
    """audit_verify over two processes, all in the snapshot one transaction exports."""
    from core.audit.verify import verify_all

    result = verify_all(workers=2, parallel_min=1, save=False)
    return {"ok": result.ok, "events": result.events_checked}


def _relay() -> dict:
    """The outbox relay's SELECT ... FOR UPDATE SKIP LOCKED from two threads at once."""
    from django.db import connections
    from django.utils import timezone

    from core.inbox import outbox
    from core.inbox.models import OutboxMessage

    old = timezone.now() - timezone.timedelta(minutes=5)
    OutboxMessage.objects.bulk_create(
        OutboxMessage(task="core.inbox.tasks.sweep_timers", kwargs={}, key=f"pooled-{n}",
                      created=old) for n in range(12))
    waiting = OutboxMessage.objects.filter(sent_at__isnull=True).count()
    sent, barrier = [], threading.Barrier(2)

    def relay():
        try:
            barrier.wait(10)
            sent.append(outbox.relay(batch=5))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=relay) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return {"waiting": waiting, "sent": sum(sent),
            "left": OutboxMessage.objects.filter(sent_at__isnull=True).count()}


if __name__ == "__main__":
    _django()
    if sys.argv[1:] != ["features"]:
        raise SystemExit("usage: pooled_driver.py features")
    print(json.dumps({"lock_timeout": _lock_timeout(), "export": _export(),
                      "verify": _verify(), "relay": _relay()}))
