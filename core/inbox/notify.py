"""Queue notifications through the outbox; the Celery task makes delivery idempotent."""

from . import outbox

TASK = "core.inbox.tasks.deliver_notification"


def on_commit_many(user_ids, *, kind: str, request, key: str, text, url: str = "") -> None:
    """Notify each user once per `key`: written to the outbox in the surrounding transaction,
    sent after it commits (or later by the relay when the broker is down)."""
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
    outbox.enqueue([(TASK, payload, payload["dedupe_key"]) for payload in payloads])
