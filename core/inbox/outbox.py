"""The transactional outbox: side effects (notifications, payments) are rows written with the
change that causes them, so a broker outage loses nothing and never fails the request.

`enqueue` adds rows to the current transaction and publishes them once it commits. When the
broker refuses, the rows stay unsent and the publisher stops trying for a few seconds (a
request must answer quickly while Redis is down); `relay` sends what is left, oldest first,
under SKIP LOCKED so that several relays never send the same row at the same time.
"""

import importlib
import logging
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

from celery import current_app
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import OutboxMessage

log = logging.getLogger(__name__)
BACKOFF_SECONDS = 5.0
# The relay leaves fresh rows to the publisher that runs right after their commit.
RELAY_GRACE_SECONDS = 10
_paused_until = 0.0


_batch = threading.local()


def enqueue(messages: list[tuple[str, dict, str]]) -> None:
    """Write (task name, kwargs, key) rows in the current transaction; publish after commit.
    Inside `batched()` the rows wait for its end and go in with the others in one INSERT."""
    if not messages:
        return
    rows = [OutboxMessage(task=task, kwargs=kwargs, key=key[:160])
            for task, kwargs, key in messages]
    pending = getattr(_batch, "rows", None)
    if pending is not None:
        pending.extend(rows)
        return
    _write(rows)


def _write(rows: list[OutboxMessage]) -> None:
    if rows:
        OutboxMessage.objects.bulk_create(rows)
        transaction.on_commit(lambda: publish(rows))


@contextmanager
def batched():
    """Collect what one action enqueues and write it once, before the action's transaction
    ends (the rows are still part of it). Nothing is written when the action fails."""
    if getattr(_batch, "rows", None) is not None:
        yield  # an outer batch writes
        return
    _batch.rows = []
    try:
        yield
        rows = _batch.rows
    finally:
        _batch.rows = None
    _write(rows)


def _task(name: str):
    if name not in current_app.tasks:
        importlib.import_module(name.rpartition(".")[0])  # registers the shared task
    return current_app.tasks[name]


def _send(row: OutboxMessage) -> None:
    _task(row.task).apply_async(kwargs=row.kwargs, retry=False)


def publish(rows: list[OutboxMessage]) -> int:
    """Send rows now; on a broker error keep the rest for the relay. Returns how many went."""
    global _paused_until
    if time.monotonic() < _paused_until:
        return 0
    sent: list[int] = []
    eager = current_app.conf.task_always_eager
    for row in rows:
        try:
            _send(row)
        except Exception as exc:
            if eager:
                # No broker: the job ran here and failed (a payment refused, say). It keeps its
                # own record of the failure; retrying it every sweep would not help.
                log.exception("outbox: %s %s failed", row.task, row.key)
                OutboxMessage.objects.filter(pk=row.pk).update(
                    attempts=F("attempts") + 1, last_error=str(exc)[:300],
                    sent_at=timezone.now())
                continue
            _paused_until = time.monotonic() + BACKOFF_SECONDS  # broker down
            log.warning("outbox: %s %s not sent yet: %s", row.task, row.key, exc)
            OutboxMessage.objects.filter(pk=row.pk).update(
                attempts=F("attempts") + 1, last_error=str(exc)[:300])
            break
        sent.append(row.pk)
    if sent:
        OutboxMessage.objects.filter(pk__in=sent).update(sent_at=timezone.now())
    return len(sent)


def relay(*, batch: int = 500, now=None) -> int:
    """Send unsent rows older than the grace period. Safe to run from several processes."""
    global _paused_until
    _paused_until = 0.0  # the relay is how we find out the broker is back
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=RELAY_GRACE_SECONDS)
    total = 0
    while True:
        with transaction.atomic():
            rows = list(OutboxMessage.objects.select_for_update(skip_locked=True).filter(
                sent_at__isnull=True, created__lte=cutoff).order_by("created", "pk")[:batch])
            if not rows:
                return total
            went = publish(rows)
        total += went
        if went < len(rows):
            return total


def pending() -> int:
    return OutboxMessage.objects.filter(sent_at__isnull=True).count()
