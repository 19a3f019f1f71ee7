"""Append events to a subject's chain, in the caller's transaction."""

import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from core import compiled, context
from core.money import to_money

from .hashing import GENESIS, link_hash
from .models import AuditChainHead, AuditEvent

SYSTEM = "system"


class _Encoder(DjangoJSONEncoder):
    def iterencode(self, o, _one_shot=False):
        return super().iterencode(_floats_as_text(o), _one_shot)


def _floats_as_text(value):
    # jsonb rewrites some floats (1e16 -> 10000000000000000, -0.0 -> 0): hash text instead.
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dict):
        return {k: _floats_as_text(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_floats_as_text(v) for v in value]
    return value


def _jsonable(value):
    # Store exactly what is hashed: Decimals, dates, floats and lazy strings become JSON text.
    return json.loads(json.dumps(value or {}, cls=_Encoder))


def subject_key(subject) -> tuple[str, str]:
    kind = getattr(subject, "audit_kind", None) or subject._meta.label_lower
    return kind, str(subject.pk)


def diff(before: dict, after: dict) -> dict:
    """{field: [before, after]} for the fields whose values differ."""
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def _head_query(subject_kind: str, subject_id: str):
    return (AuditChainHead.objects.select_for_update()
            .filter(subject_kind=subject_kind, subject_id=subject_id)
            .values_list("last_subject_seq", "last_hash"))


def _head_for_update(kind: str, subject_id: str) -> tuple[int, str]:
    """(last sequence number, last hash) of the subject's chain, its head row locked; every
    event reads it, so the statement is compiled once (core.compiled)."""
    found = compiled.rows(("audit_head",), _head_query, subject_kind=kind, subject_id=subject_id)
    if found:
        return found[0]
    # Two first events for one subject race here: ignore_conflicts lets the loser reuse the
    # winner's row, and the lock below then orders them.
    AuditChainHead.objects.bulk_create(
        [AuditChainHead(subject_kind=kind, subject_id=subject_id, last_hash=GENESIS)],
        ignore_conflicts=True,
    )
    return compiled.rows(("audit_head",), _head_query, subject_kind=kind,
                         subject_id=subject_id)[0]


def record(
    *,
    actor,
    event: str,
    subject=None,
    subject_kind: str | None = None,
    subject_id=None,
    on_behalf_of=None,
    from_state: str = "",
    to_state: str = "",
    changes: dict | None = None,
    comment: str = "",
    data: dict | None = None,
    number: str | None = None,
    amount: Decimal | None = None,
) -> AuditEvent:
    """Record one event. Call it inside the transaction that makes the change it describes."""
    if subject is not None:
        subject_kind, subject_id = subject_key(subject)
        number = number if number is not None else (getattr(subject, "number", "") or "")
        if amount is None:
            amount = getattr(subject, "amount", None)
    if not subject_kind or subject_id is None:
        raise ValueError("audit.record needs a subject or subject_kind and subject_id")
    subject_id = str(subject_id)
    if amount is not None:
        amount = to_money(amount)  # the column keeps 2 places; hash the value it will hold
    ctx = context.current()
    with transaction.atomic(savepoint=False):
        last_seq, last_hash = _head_for_update(subject_kind, subject_id)
        ev = AuditEvent(
            subject_kind=subject_kind,
            subject_id=subject_id,
            subject_seq=last_seq + 1,
            subject_number=number or "",
            amount=amount,
            event=event,
            actor=actor,
            actor_name=(actor.get_username() if actor is not None else SYSTEM),
            on_behalf_of=on_behalf_of,
            on_behalf_of_name=on_behalf_of.get_username() if on_behalf_of is not None else "",
            from_state=str(from_state or ""),
            to_state=str(to_state or ""),
            changes=_jsonable(changes),
            comment=comment or "",
            data=_jsonable(data),
            request_id=ctx.request_id,
            ip=AuditEvent._meta.get_field("ip").to_python(ctx.ip) if ctx.ip else None,
            prev_hash=last_hash or GENESIS,
        )
        ev.hash = link_hash(
            {**ev.__dict__, "actor_id": ev.actor_id, "on_behalf_of_id": ev.on_behalf_of_id}
        )
        ev.save(force_insert=True)  # the database moves the head along (audit_head_follows)
        # Outbound webhooks (core.channels.webhooks) are queued with the event they carry.
        from core.channels import webhooks

        webhooks.on_event(ev)
    return ev
