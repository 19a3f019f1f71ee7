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


def _norm(name: str, value):
    if name == "occurred_at" and isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if name == "amount" and value is not None:
        return f"{Decimal(value):.2f}"
    return value


def canonical(values: dict) -> bytes:
    payload = {name: _norm(name, values.get(name)) for name in HASHED_FIELDS}
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def link_hash(values: dict) -> str:
    return hashlib.sha256(canonical(values)).hexdigest()
