"""Robot messages: written with the notification job, sent with exponential backoff.

`send(delivery_id)` makes one attempt under a row lock (SKIP LOCKED: two workers never send
the same message at once). A refused or failed attempt is logged on the row (HTTP status,
the platform's code, the error without URL or secret) and tried again after
CHANNELS_BACKOFF_SECONDS × 2^(attempts−1); after CHANNELS_MAX_ATTEMPTS it is a dead letter
that an administrator may retry. A platform that is down delays messages and loses none.
"""

import logging
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import crypto, platforms
from .models import Delivery, DeliveryStatus

log = logging.getLogger(__name__)


def backoff(attempts: int) -> timedelta:
    base = int(getattr(settings, "CHANNELS_BACKOFF_SECONDS", 30))
    return timedelta(seconds=base * 2 ** max(attempts - 1, 0))


def _post(url: str, body: dict) -> tuple[int, dict]:
    timeout = float(getattr(settings, "CHANNELS_HTTP_TIMEOUT", 5.0))
    resp = requests.post(url, json=body, timeout=timeout)
    try:
        answer = resp.json()
    except ValueError:
        answer = {}
    return resp.status_code, answer


def send(delivery_id: int, *, now=None) -> bool:
    """One attempt. True when the platform accepted the message (or it was already sent)."""
    now = now or timezone.now()
    with transaction.atomic():
        row = (Delivery.objects.select_for_update(skip_locked=True).select_related("robot")
               .filter(pk=delivery_id).first())
        if row is None or row.status != DeliveryStatus.PENDING:
            return row is not None and row.status == DeliveryStatus.SENT
        robot = row.robot
        url = crypto.resolve(robot.webhook_url_enc, robot.webhook_url_env)
        secret = crypto.resolve(robot.secret_enc, robot.secret_env)
        row.attempts += 1
        status, code, error = None, "", ""
        if not robot.enabled or not url:
            error = "robot disabled or without a webhook URL"
        else:
            target, body = platforms.prepare(robot.platform, url, secret, row.payload)
            try:
                status, answer = _post(target, body)
                code = platforms.platform_code(robot.platform, answer)
                if status != 200:
                    error = f"HTTP {status}"
                elif code not in ("0", ""):
                    said = str(answer.get("msg") or answer.get("errmsg") or "")[:200]
                    error = f"platform code {code}: {said}"
            except requests.RequestException as exc:
                # the exception's text may hold the URL (and so a robot key): only its type
                error = f"{type(exc).__name__}: connection failed"
        row.response_code = status
        row.platform_code = code[:40]
        if not error:
            row.status = DeliveryStatus.SENT
            row.sent_at = now
            row.last_error = ""
        else:
            row.last_error = error[:300]
            if row.attempts >= int(getattr(settings, "CHANNELS_MAX_ATTEMPTS", 8)):
                row.status = DeliveryStatus.DEAD
            row.next_attempt_at = now + backoff(row.attempts)
            log.warning("channels: delivery %s to robot %s failed (attempt %s): %s",
                        row.pk, robot.pk, row.attempts, row.last_error)
        row.save()
        return not error


def sweep(*, now=None, batch: int = 200) -> int:
    """Retry the deliveries whose next attempt is due; returns how many went."""
    now = now or timezone.now()
    due = list(Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
               .order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:batch])
    return sum(1 for pk in due if send(pk, now=now))


def retry_now(ids) -> int:
    """An administrator's "retry now": dead letters (or pending ones) go again at once."""
    now = timezone.now()
    updated = Delivery.objects.filter(pk__in=list(ids)).exclude(
        status=DeliveryStatus.SENT).update(status=DeliveryStatus.PENDING, next_attempt_at=now,
                                           attempts=0)
    for pk in ids:
        send(pk, now=now)
    return updated
