"""Queue notifications after commit; the Celery task makes delivery idempotent."""

import logging

from django.db import transaction

log = logging.getLogger(__name__)


def on_commit_many(user_ids, *, kind: str, request, key: str, text, url: str = "") -> None:
    """After the surrounding transaction commits, notify each user once per `key`."""
    from .tasks import deliver_notification

    payloads = [
        {
            "recipient_id": uid,
            "kind": kind,
            "request_id": getattr(request, "pk", None),
            "text": str(text)[:300],
            "url": url,
            "dedupe_key": f"{key}:{uid}"[:120],
        }
        for uid in dict.fromkeys(u for u in user_ids if u)
    ]
    if not payloads:
        return

    def send():
        for payload in payloads:
            try:
                deliver_notification.delay(**payload)
            except Exception:  # a broker outage must not turn a committed decision into a 500
                log.exception("could not queue notification %s", payload["dedupe_key"])

    transaction.on_commit(send)
