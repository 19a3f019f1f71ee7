"""A decision that meets a held process lock past the lock timeout answers 409 `state_conflict`;
that answer is not final (issue 28): the Idempotency-Key stays free, and a retry with the same key,
once the lock is gone, does the operation."""

import threading
import time
from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from viewflow.workflow.models import Process

from core.audit.models import AuditEvent
from core.inbox.models import IdempotencyRecord, WorkItem, WorkItemStatus

from .conftest import open_task, request_url, task_url

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@contextmanager
def _held_elsewhere(process_id: int, seconds: float = 1.5):
    locked = threading.Event()

    def hold():
        try:
            with transaction.atomic():
                Process.objects.select_for_update().filter(pk=process_id).exists()
                locked.set()
                time.sleep(seconds)
        finally:
            connection.close()

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert locked.wait(timeout=10)
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '200ms'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
        holder.join(timeout=seconds + 10)


def test_retry_with_same_key_approves_when_first_attempt_met_a_held_lock(api, submit):
    req = submit("east_rep1", "15000.00")
    task = open_task(req)
    client = api("east_mgr")
    url = task_url(task.pk, "approve")

    with _held_elsewhere(req.process_id):
        first = client.post(url, {"comment": "ok"}, format="json", HTTP_IDEMPOTENCY_KEY="lk-1")

    assert first.status_code == 409
    assert first.json()["code"] == "state_conflict"
    assert first["Retry-After"] == "1"  # not final: retry
    assert not IdempotencyRecord.objects.filter(key="lk-1").exists()
    assert WorkItem.objects.get(pk=task.pk).status == WorkItemStatus.OPEN

    again = client.post(url, {"comment": "ok"}, format="json", HTTP_IDEMPOTENCY_KEY="lk-1")

    assert again.status_code == 200
    assert again.get("Idempotent-Replayed") is None
    assert WorkItem.objects.get(pk=task.pk).status == WorkItemStatus.DONE
    assert AuditEvent.objects.filter(event="demo.step_approved").count() == 1
    assert IdempotencyRecord.objects.get(key="lk-1").status_code == 200


def test_retry_with_same_key_withdraws_when_first_attempt_met_a_held_lock(api, submit):
    req = submit("east_rep1")
    client = api("east_rep1")

    with _held_elsewhere(req.process_id):
        first = client.post(request_url(req, "withdraw"), {}, format="json",
                            HTTP_IDEMPOTENCY_KEY="lk-2")

    assert first.status_code == 409
    assert not IdempotencyRecord.objects.filter(key="lk-2").exists()

    again = client.post(request_url(req, "withdraw"), {}, format="json",
                        HTTP_IDEMPOTENCY_KEY="lk-2")
    assert again.status_code == 200
    assert AuditEvent.objects.filter(event="demo.withdrawn").count() == 1


def test_an_already_decided_409_is_still_stored_and_replayed(api, submit):
    task = open_task(submit("east_rep1"))
    client = api("east_mgr")
    url = task_url(task.pk, "approve")
    assert client.post(url, {}, format="json").status_code == 200

    first = client.post(url, {}, format="json", HTTP_IDEMPOTENCY_KEY="final-409")
    second = client.post(url, {}, format="json", HTTP_IDEMPOTENCY_KEY="final-409")

    assert first.status_code == second.status_code == 409
    assert second["Idempotent-Replayed"] == "true"
