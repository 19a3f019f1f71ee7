"""The canonical form of an event, and its SHA-256 link hash."""

import hashlib
import json
from datetime import UTC, datetime
from decimal import Decimal

GENESIS = "0" * 64

# The fields that are hashed, in the order the verifier reads them from the database.
HASHED_FIELDS = (
    "subject_kind",
    "subject_id",
    "subject_seq",
    "subject_number",
    "amount",
    "event",
    "occurred_at",
    "actor_id",
    "actor_name",
    "on_behalf_of_id",
    "on_behalf_of_name",
    "from_state",
    "to_state",
    "changes",
    "comment",
    "data",
    "request_id",
    "ip",
    "prev_hash",
)


def canonical(values: dict) -> bytes:
    """The event's hashed fields as sorted, compact JSON; the time in UTC with microseconds and
    the amount with 2 places, whatever form they came in. (The verifier runs this for every
    event: the two normalised fields are fixed up in place rather than testing every field.)"""
    payload = {name: values.get(name) for name in HASHED_FIELDS}
    when = payload["occurred_at"]
    if isinstance(when, datetime):
        payload["occurred_at"] = when.astimezone(UTC).isoformat(timespec="microseconds")
    if payload["amount"] is not None:
        payload["amount"] = f"{Decimal(payload['amount']):.2f}"
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def link_hash(values: dict) -> str:
    return hashlib.sha256(canonical(values)).hexdigest()
