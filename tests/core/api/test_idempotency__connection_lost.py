"""A request whose database connection drops mid-flight (issue 28): a clean 503 with Retry-After
and the API's error envelope, its transaction rolled back, its Idempotency-Key free, so the retry
with the same key does the operation once. The connection is really lost: the backend is ended
from inside the request, after the action's writes and before its commit."""

import pytest
from django.db import connection, transaction

from core.audit.models import AuditEvent
from core.inbox import services
from core.inbox.models import IdempotencyRecord, WorkItem, WorkItemStatus

from .conftest import open_task, task_url

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _drop_connection_after(monkeypatch, name: str):
    """services.<name> does its work, then the server ends this connection (as a restart
    would) before the transaction around it commits. Once."""
    original = getattr(services, name)
    calls = []

    def dropping(**kwargs):
        with transaction.atomic():
            result = original(**kwargs)
            if not calls:
                calls.append(kwargs)
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return result

    monkeypatch.setattr(services, name, dropping)
    return calls


def test_503_then_one_decision_when_the_connection_drops_before_commit(api, submit, monkeypatch):
    task = open_task(submit("east_rep1", "15000.00"))
    calls = _drop_connection_after(monkeypatch, "task_approve")
    client = api("east_mgr")

    first = client.post(task_url(task.pk, "approve"), {"comment": "ok"}, format="json",
                        HTTP_IDEMPOTENCY_KEY="drop-1")

    assert calls, "the fault was not injected"
    assert first.status_code == 503
    assert first["Retry-After"] == "1"
    body = first.json()
    assert body["code"] == "database_unavailable"
    assert set(body) == {"detail", "code", "fields"}
    # Nothing of the approval or the key survived the lost transaction.
    assert WorkItem.objects.get(pk=task.pk).status == WorkItemStatus.OPEN
    assert not IdempotencyRecord.objects.filter(key="drop-1").exists()
    assert AuditEvent.objects.filter(event="demo.step_approved").count() == 0

    again = client.post(task_url(task.pk, "approve"), {"comment": "ok"}, format="json",
                        HTTP_IDEMPOTENCY_KEY="drop-1")

    assert again.status_code == 200
    assert again.get("Idempotent-Replayed") is None  # done now, not replayed
    assert WorkItem.objects.get(pk=task.pk).status == WorkItemStatus.DONE
    assert AuditEvent.objects.filter(event="demo.step_approved").count() == 1
    assert IdempotencyRecord.objects.get(key="drop-1").status_code == 200
    replay = client.post(task_url(task.pk, "approve"), {"comment": "ok"}, format="json",
                         HTTP_IDEMPOTENCY_KEY="drop-1")
    assert replay.status_code == 200 and replay["Idempotent-Replayed"] == "true"


def test_503_without_a_key_and_the_next_request_reconnects(api, submit, monkeypatch):
    task = open_task(submit("east_rep1", "15000.00"))
    _drop_connection_after(monkeypatch, "task_approve")
    client = api("east_mgr")

    first = client.post(task_url(task.pk, "approve"), {"comment": "ok"}, format="json")
    assert first.status_code == 503 and first.json()["code"] == "database_unavailable"

    listed = client.get("/api/tasks/")  # a new connection; the task is still open
    assert listed.status_code == 200
    assert task.pk in [row["id"] for row in listed.json()["results"]]
    again = client.post(task_url(task.pk, "approve"), {"comment": "ok"}, format="json")
    assert again.status_code == 200
    assert AuditEvent.objects.filter(event="demo.step_approved").count() == 1
