"""Outbound webhooks per Standard Webhooks (https://www.standardwebhooks.com): each message
is POSTed with `webhook-id`, `webhook-timestamp` and `webhook-signature` (v1, HMAC-SHA256 of
"{id}.{timestamp}.{body}" under the endpoint's whsec_ secret), by the `standardwebhooks`
package.

`on_event` runs inside audit.record's transaction: the message rows and their outbox row
commit with the event, or not at all (at least once, nothing sent for a rolled-back change).
Per endpoint and request the messages go in audit order: `send_chain` sends the earliest
unsent one first and stops at a failure, which then waits for its backoff (or, once dead,
for an administrator's replay) before anything later of that request is sent.
"""

import base64
import json
import logging
import secrets
import time
import uuid
from datetime import datetime

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from standardwebhooks import Webhook

from core.inbox import outbox

from . import crypto
from .delivery import backoff
from .models import DeliveryStatus, WebhookEndpoint, WebhookMessage

log = logging.getLogger(__name__)
SEND_TASK = "core.channels.tasks.send_webhooks"
_CACHE_SECONDS = 10.0
_cache: tuple[float, list[WebhookEndpoint]] = (0.0, [])


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def forget_cached_endpoints(**_kwargs) -> None:
    global _cache
    _cache = (0.0, [])


def _endpoints() -> list[WebhookEndpoint]:
    # One query per 10 s per process rather than one per audit event.
    global _cache
    now = time.monotonic()
    if now - _cache[0] > _CACHE_SECONDS:
        _cache = (now, list(WebhookEndpoint.objects.filter(enabled=True)))
    return _cache[1]


def _payload(event) -> dict:
    return {
        "type": event.event,
        "timestamp": event.occurred_at.isoformat(),
        "data": {
            "subject_kind": event.subject_kind,
            "subject_id": event.subject_id,
            "number": event.subject_number,
            "seq": event.subject_seq,
            "from_state": event.from_state,
            "to_state": event.to_state,
            "actor": event.actor_name,
            "on_behalf_of": event.on_behalf_of_name or None,
            "amount": str(event.amount) if event.amount is not None else None,
            "comment": event.comment,
            "via": (event.data or {}).get("via") or None,
        },
    }


def on_event(event) -> None:
    """Queue `event` for every enabled endpoint that wants it (configuration changes excluded:
    they are not a request's events)."""
    if event.event.startswith("config."):
        return
    wanted = [e for e in _endpoints() if e.wants(event.event)]
    if not wanted:
        return
    rows = [WebhookMessage(endpoint=e, msg_id=f"msg_{uuid.uuid4().hex}", event=event.event,
                           subject_kind=event.subject_kind, subject_id=event.subject_id,
                           seq=event.subject_seq, payload=_payload(event)) for e in wanted]
    WebhookMessage.objects.bulk_create(rows)
    outbox.enqueue([(SEND_TASK, {"endpoint_id": r.endpoint_id, "subject_kind": r.subject_kind,
                                 "subject_id": r.subject_id}, f"webhook:{r.msg_id}")
                    for r in rows])


def _post(endpoint: WebhookEndpoint, row: WebhookMessage, now: datetime) -> tuple[int | None, str]:
    body = json.dumps(row.payload, ensure_ascii=False, separators=(",", ":"))
    secret = crypto.decrypt(endpoint.secret_enc)
    if not secret:
        return None, "endpoint without a secret"
    signature = Webhook(secret).sign(row.msg_id, now, body)
    headers = {"content-type": "application/json", "webhook-id": row.msg_id,
               "webhook-timestamp": str(int(now.timestamp())), "webhook-signature": signature}
    timeout = float(getattr(settings, "CHANNELS_HTTP_TIMEOUT", 5.0))
    try:
        resp = requests.post(endpoint.url, data=body.encode(), headers=headers, timeout=timeout)
    except requests.RequestException as exc:
        return None, f"{type(exc).__name__}: connection failed"
    if 200 <= resp.status_code < 300:
        return resp.status_code, ""
    return resp.status_code, f"HTTP {resp.status_code}"


def send_chain(endpoint_id: int, subject_kind: str, subject_id: str, *, now=None) -> int:
    """Send this request's unsent messages to the endpoint in order; returns how many went."""
    now = now or timezone.now()
    sent = 0
    while True:
        with transaction.atomic():
            # Locking the earliest unsent message serialises the senders of one chain.
            row = (WebhookMessage.objects.select_for_update(of=("self",))
                   .select_related("endpoint")
                   .filter(endpoint_id=endpoint_id, subject_kind=subject_kind,
                           subject_id=subject_id)
                   .exclude(status=DeliveryStatus.SENT).order_by("seq", "pk").first())
            if row is None or row.status == DeliveryStatus.DEAD or row.next_attempt_at > now:
                return sent
            if not row.endpoint.enabled:
                return sent
            row.attempts += 1
            status, error = _post(row.endpoint, row, now)
            row.response_code = status
            if error:
                row.last_error = error[:300]
                row.next_attempt_at = now + backoff(row.attempts)
                if row.attempts >= int(getattr(settings, "CHANNELS_MAX_ATTEMPTS", 8)):
                    row.status = DeliveryStatus.DEAD
                row.save()
                log.warning("webhooks: %s to endpoint %s failed (attempt %s): %s",
                            row.msg_id, endpoint_id, row.attempts, row.last_error)
                return sent
            row.status, row.sent_at, row.last_error = DeliveryStatus.SENT, now, ""
            row.save()
            sent += 1


def sweep(*, now=None, batch: int = 200) -> int:
    now = now or timezone.now()
    chains = (WebhookMessage.objects.filter(status=DeliveryStatus.PENDING,
                                            next_attempt_at__lte=now)
              .values_list("endpoint_id", "subject_kind", "subject_id").distinct()[:batch])
    return sum(send_chain(*chain, now=now) for chain in list(chains))


def replay(ids) -> int:
    """An administrator's replay: the messages go again (same webhook-id, so a receiver that
    already had one can tell), in order, from now."""
    rows = list(WebhookMessage.objects.filter(pk__in=list(ids)))
    WebhookMessage.objects.filter(pk__in=[r.pk for r in rows]).update(
        status=DeliveryStatus.PENDING, next_attempt_at=timezone.now(), attempts=0)
    chains = {(r.endpoint_id, r.subject_kind, r.subject_id) for r in rows}
    return sum(send_chain(*chain) for chain in chains)
