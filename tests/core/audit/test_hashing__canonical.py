"""The canonical form is what every stored hash was computed from: it must never drift. (The
benchmark's generator computes the same bytes in SQL; this pins them in Python.)"""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from core.audit.hashing import GENESIS, canonical, link_hash

EVENT = {
    "subject_kind": "expense", "subject_id": "7", "subject_seq": 3, "subject_number": "BX-1",
    "amount": Decimal("12.5"), "event": "expense.approved",
    "occurred_at": datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=8))),
    "actor_id": 1, "actor_name": "王伟", "on_behalf_of_id": None, "on_behalf_of_name": "",
    "from_state": "submitted", "to_state": "approved", "changes": {"z": [1, 2], "a": "x"},
    "comment": "同意", "data": {"k": 1.5}, "request_id": "r1", "ip": "::1", "prev_hash": GENESIS,
    "not_hashed": "ignored",
}


def test_bytes_are_sorted_compact_utf8_with_utc_time_and_two_place_amount_when_hashing():
    assert canonical(EVENT) == (
        '{"actor_id":1,"actor_name":"王伟","amount":"12.50","changes":{"a":"x","z":[1,2]},'
        '"comment":"同意","data":{"k":1.5},"event":"expense.approved","from_state":"submitted",'
        '"ip":"::1","occurred_at":"2026-01-01T19:04:05.000006+00:00","on_behalf_of_id":null,'
        '"on_behalf_of_name":"","prev_hash":"' + GENESIS + '","request_id":"r1",'
        '"subject_id":"7","subject_kind":"expense","subject_number":"BX-1","subject_seq":3,'
        '"to_state":"approved"}'
    ).encode()


def test_missing_fields_hash_as_null_and_text_times_are_kept_when_values_are_partial():
    assert canonical({"amount": "3", "occurred_at": "2026-01-01T00:00:00Z"}) == (
        b'{"actor_id":null,"actor_name":null,"amount":"3.00","changes":null,"comment":null,'
        b'"data":null,"event":null,"from_state":null,"ip":null,'
        b'"occurred_at":"2026-01-01T00:00:00Z","on_behalf_of_id":null,"on_behalf_of_name":null,'
        b'"prev_hash":null,"request_id":null,"subject_id":null,"subject_kind":null,'
        b'"subject_number":null,"subject_seq":null,"to_state":null}'
    )
    assert len(link_hash(EVENT)) == 64
