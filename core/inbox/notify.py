"""Queue notifications through the outbox; the Celery task makes delivery idempotent."""

from . import outbox

TASK = "core.inbox.tasks.deliver_notification"


def on_commit_many(user_ids, *, kind: str, request, key: str, message: str,
                   params: dict | None = None, target: tuple[str, dict] | None = None) -> None:
    """Notify each user once per `key`: written to the outbox in the surrounding transaction,
    sent after it commits (or later by the relay when the broker is down).

    Nothing is rendered here: `message` is an untranslated sentence (gettext_noop) with
    %(name)s placeholders filled from `params` (JSON values; a "step" is a step code) when the
    notification is read, in the reader's language; `target` is (url name, kwargs) for
    reverse(), resolved when read as well.
    """
    payloads = [
        {
            "recipient_id": uid,
            "kind": kind,
            "request_id": getattr(request, "pk", None),
            "message": str(message),
            "params": dict(params or {}),
            "target": [target[0], dict(target[1])] if target else None,
            "dedupe_key": f"{key}:{uid}"[:120],
        }
        for uid in dict.fromkeys(u for u in user_ids if u)
    ]
    outbox.enqueue([(TASK, payload, payload["dedupe_key"]) for payload in payloads])
