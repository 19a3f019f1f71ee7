"""Signed checkpoints: a Merkle root over every chain head, signed with an Ed25519 key held
outside the database, stored and written as a small JSON file to ship elsewhere.

A superuser can rewrite a subject's events and recompute its chain and head; plain
verification then passes. What they cannot do without the private key is sign a new root, and
the files already shipped still hold the old ones. So:
- `verify_against(files)` checks each file's signature, finds the checkpoint's heads (stored as
  deltas, `CheckpointLeaf`, whose root must be the signed one) and proves every chain still
  holds, at the position the checkpoint saw, the hash it saw; it names the first that does not;
- `verify_since_last()` trusts nothing older than the newest checkpoint whose signature holds:
  it checks that checkpoint's heads against its root, every head not moved since against the
  last event, and only the events appended after it, so a nightly run stays short;
- `inclusion_proof(kind, id)`: the path from one chain's head to a checkpoint's root, which
  `python -m countersign_verify` checks offline.
The heads are read in one REPEATABLE READ snapshot: a head and its events always agree there
(the head moves in the statement that appends), so no lock is taken. See docs/audit.md.
"""

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import Max, Q
from django.db.models.functions import Collate
from django.utils import timezone

from countersign_verify import merkle, signing
from countersign_verify.hashing import GENESIS, link_hash

from .hashing import HASHED_FIELDS
from .models import AuditChainHead, AuditEvent, Checkpoint, CheckpointLeaf
from .verify import Result, _broken

_COLUMNS = ("seq", "hash", *HASHED_FIELDS)
NOT_EXTENDED = "chain no longer holds what the checkpoint saw (history rewritten)"
FORGED = "checkpoint signature does not verify (forged or altered)"
UNKNOWN = "checkpoint not in the database (deleted?)"
LEAVES_ALTERED = "the checkpoint's stored heads do not make its signed root (altered)"
HEAD_MISSING = "chain head gone since the checkpoint (subject deleted)"
CHECKPOINT = "(checkpoint)"
_CHUNK = 300


def _key_text() -> str:
    text = getattr(settings, "AUDIT_SIGNING_KEY", "") or ""
    path = getattr(settings, "AUDIT_SIGNING_KEY_FILE", "") or ""
    if not text and path:
        text = Path(path).read_text()
    if not text:
        raise ImproperlyConfigured(
            "No audit signing key: set AUDIT_SIGNING_KEY_FILE (or AUDIT_SIGNING_KEY) to an "
            "Ed25519 private key (manage.py audit_checkpoint --new-key FILE makes one).")
    return text


def signing_key():
    return signing.load_private_key(_key_text())


def public_key():
    return signing_key().public_key()


def _ordered(qs):
    # Leaves in code-point order on every database (PostgreSQL's "C", SQLite's BINARY).
    collation = "C" if connection.vendor == "postgresql" else "BINARY"
    return qs.order_by(Collate("subject_kind", collation), Collate("subject_id", collation))


# PostgreSQL computes the leaves and the deltas itself (one statement each, no row per chain
# through Python but a 32-byte digest); other databases (SQLite, for trying the app) take the
# same steps in Python. Both give the same leaves as countersign_verify.merkle.leaf_hash.
_LEAF_SQL = ("sha256('\\x00'::bytea || int2send(octet_length({k})::int2) || convert_to({k}, 'UTF8')"
             " || int2send(octet_length({s})::int2) || convert_to({s}, 'UTF8')"
             " || int8send({p}::int8) || decode({h}, 'hex'))")
_C = 'COLLATE "C"'
_HEADS = "audit_auditchainhead"
_LEAVES_OF = (  # every head checkpoint %(cp)s saw: per chain its newest row since %(base)s,
    # in leaf order (code points), so that the caller need not sort again
    'SELECT DISTINCT ON (subject_kind COLLATE "C", subject_id COLLATE "C") subject_kind, '
    "subject_id, position, head_hash FROM audit_checkpointleaf "
    "WHERE checkpoint_id BETWEEN %(base)s AND %(cp)s "
    'ORDER BY subject_kind COLLATE "C", subject_id COLLATE "C", checkpoint_id DESC')


def _sql(*parts: str) -> str:
    return "".join(parts)


# Built once from constants; every value is bound as a parameter.
_HEADS_ROOT_SQL = _sql(  # one row: the leaf hashes in leaf order (32 bytes each), chains, events
    "SELECT string_agg(", _LEAF_SQL.format(k="subject_kind", s="subject_id",
                                           p="last_subject_seq", h="last_hash"),
    f", ''::bytea ORDER BY subject_kind {_C}, subject_id {_C}), count(*), ",
    f"COALESCE(sum(last_subject_seq), 0) FROM {_HEADS} WHERE last_subject_seq > 0")
_FULL_LEAVES_SQL = _sql(
    "INSERT INTO audit_checkpointleaf (checkpoint_id, subject_kind, subject_id, position, ",
    "head_hash) SELECT %s, subject_kind, subject_id, last_subject_seq, last_hash ",
    f"FROM {_HEADS} WHERE last_subject_seq > 0")
_DELTA_LEAVES_SQL = _sql(
    "WITH was AS (", _LEAVES_OF, ") ",
    "INSERT INTO audit_checkpointleaf (checkpoint_id, subject_kind, subject_id, position, ",
    "head_hash) SELECT %(new)s, COALESCE(h.subject_kind, w.subject_kind), ",
    "COALESCE(h.subject_id, w.subject_id), COALESCE(h.last_subject_seq, 0), ",
    "COALESCE(h.last_hash, '') ",
    "FROM (SELECT * FROM audit_auditchainhead WHERE last_subject_seq > 0) h ",
    "FULL JOIN (SELECT * FROM was WHERE position > 0) w ",
    "ON h.subject_kind = w.subject_kind AND h.subject_id = w.subject_id ",
    "WHERE h.subject_id IS NULL OR w.subject_id IS NULL ",
    "OR h.last_subject_seq <> w.position OR h.last_hash <> w.head_hash")
# One row: the checkpoint's leaf hashes concatenated in leaf order (32 bytes each), and the
# chains whose head differs from what it saw, as JSON [kind, id, its position, its hash, head
# position, head hash] (nulls where one side has none).
_COMPARE_SQL = _sql(
    "WITH w AS MATERIALIZED (SELECT * FROM (", _LEAVES_OF, ") was WHERE position > 0), ",
    "h AS (SELECT * FROM audit_auditchainhead WHERE last_subject_seq > 0) ",
    "SELECT (SELECT string_agg(",
    _LEAF_SQL.format(k="subject_kind", s="subject_id", p="position", h="head_hash"),
    # w is materialised in leaf order and read back in it (a CTE scan keeps its rows' order);
    # were it ever not, the root would differ and the checkpoint be refused, never passed
    ", ''::bytea) FROM w), ",
    "(SELECT json_agg(json_build_array(COALESCE(w.subject_kind, h.subject_kind), ",
    "COALESCE(w.subject_id, h.subject_id), w.position, w.head_hash, h.last_subject_seq, ",
    "h.last_hash)) FROM w FULL JOIN h ",
    "ON h.subject_kind = w.subject_kind AND h.subject_id = w.subject_id ",
    "WHERE w.subject_id IS NULL OR h.subject_id IS NULL ",
    "OR w.position <> h.last_subject_seq OR w.head_hash <> h.last_hash)")
_HASHES_AT_SQL = _sql(
    "SELECT w.kind, w.sid, w.pos, e.seq, e.hash ",
    "FROM unnest(%s::varchar[], %s::varchar[], %s::int[]) AS w(kind, sid, pos) ",
    "LEFT JOIN audit_auditevent e ON e.subject_kind = w.kind AND e.subject_id = w.sid ",
    "AND e.subject_seq = w.pos")


def _pg() -> bool:
    return connection.vendor == "postgresql"


def _base_of(checkpoint_id: int) -> int:
    return (Checkpoint.objects.filter(pk__lte=checkpoint_id, full=True)
            .order_by("-pk").values_list("pk", flat=True).first()) or 0


def _fast_session(cursor) -> None:
    # Statements here are few and large: JIT compilation only adds to them, and the parallel
    # plans of an anti-join would read the whole trail where an index serves.
    cursor.execute("SET LOCAL jit = off")
    # sorting 10^5 heads in memory rather than in temporary files
    cursor.execute("SET LOCAL work_mem = '64MB'")


def _heads_root() -> tuple[str, int, int]:
    """(Merkle root over every chain head, number of chains, number of events)."""
    if _pg():
        with connection.cursor() as cursor:
            _fast_session(cursor)
            cursor.execute(_HEADS_ROOT_SQL)
            digests, subjects, events = cursor.fetchone()
        data = bytes(digests or b"")
        return (merkle.root_by_levels([data[i:i + 32] for i in range(0, len(data), 32)]),
                subjects, int(events))
    builder, events = merkle.RootBuilder(), 0
    heads = _ordered(AuditChainHead.objects.filter(last_subject_seq__gt=0)).values_list(
        "subject_kind", "subject_id", "last_subject_seq", "last_hash")
    for kind, sid, pos, head in heads.iterator(chunk_size=20_000):
        builder.add(merkle.leaf_hash(kind, sid, pos, head))
        events += pos
    return builder.root(), builder.size, events


def _store_leaves(cp: Checkpoint, previous: Checkpoint | None) -> None:
    """The heads checkpoint `cp` saw: all of them when it is full, otherwise those that differ
    from what `previous` saw (a head gone since gets a tombstone, position 0)."""
    if _pg():
        with connection.cursor() as cursor:
            _fast_session(cursor)
            if cp.full:
                cursor.execute(_FULL_LEAVES_SQL, [cp.pk])
                return
            was = previous.pk if previous else 0  # a delta always has a predecessor
            cursor.execute(
                _DELTA_LEAVES_SQL,
                {"new": cp.pk, "cp": was, "base": _base_of(was)})
        return
    before = ({(k, s): (p, h) for k, s, p, h in full_leaves(previous)}
              if previous and not cp.full else {})
    delta = []
    heads = AuditChainHead.objects.filter(last_subject_seq__gt=0).values_list(
        "subject_kind", "subject_id", "last_subject_seq", "last_hash")
    for kind, sid, pos, head in heads.iterator(chunk_size=20_000):
        if before.pop((kind, sid), None) != (pos, head):
            delta.append((kind, sid, pos, head))
    delta.extend((k, s, 0, "") for (k, s) in before)  # heads gone since: tombstones
    CheckpointLeaf.objects.bulk_create(
        (CheckpointLeaf(checkpoint=cp, subject_kind=k, subject_id=s, position=p, head_hash=h)
         for k, s, p, h in delta), batch_size=5000)


def full_leaves(checkpoint: Checkpoint) -> list[tuple[str, str, int, str]]:
    """Every (kind, id, position, head) checkpoint saw, in leaf order: the latest full
    checkpoint's heads at or before it, then the deltas after that one."""
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    base = (Checkpoint.objects.filter(pk__lte=checkpoint.pk, full=True)
            .order_by("-pk").values_list("pk", flat=True).first()) or 0
    rows = (CheckpointLeaf.objects.filter(checkpoint_id__lte=checkpoint.pk,
                                          checkpoint_id__gte=base)
            .order_by("checkpoint_id")
            .values_list("subject_kind", "subject_id", "position", "head_hash")
            .iterator(chunk_size=10_000))
    for kind, sid, pos, head in rows:
        latest[(kind, sid)] = (pos, head)
    return [(k, s, p, h) for (k, s), (p, h) in sorted(latest.items()) if p > 0]


def _leaf(row) -> bytes:
    return merkle.leaf_hash(*row)


def as_file(cp: Checkpoint) -> dict:
    return {"version": signing.VERSION, "created_at": cp.created_at.isoformat(),
            "last_seq": cp.last_seq, "events": cp.events, "subjects": cp.subjects,
            "root": cp.root, "key_id": cp.key_id, "algorithm": "Ed25519",
            "signature": cp.signature}


def _snapshot() -> bool:
    return connection.vendor == "postgresql" and not connection.in_atomic_block


def create_checkpoint() -> Checkpoint:
    private = signing_key()
    fresh = _snapshot()
    with transaction.atomic():
        if fresh:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        previous = Checkpoint.objects.order_by("-id").first()
        every = getattr(settings, "AUDIT_CHECKPOINT_FULL_EVERY", 24)
        full = previous is None or not Checkpoint.objects.filter(
            pk__gt=previous.pk - every, full=True).exists()
        root, subjects, events = _heads_root()
        last_seq = AuditEvent.objects.aggregate(m=Max("seq"))["m"] or 0
        created = timezone.now().replace(microsecond=0).isoformat()
        statement = {"version": signing.VERSION, "created_at": created,
                     "last_seq": last_seq, "events": events, "subjects": subjects,
                     "root": root, "key_id": signing.key_id(private.public_key())}
        signature = signing.sign(statement, private)
        cp = Checkpoint.objects.create(
            created_at=created, last_seq=last_seq, events=events,
            subjects=subjects, root=root, key_id=statement["key_id"],
            signature=signature, full=full,
            file_name=f"checkpoint-{last_seq:012d}-{root[:12]}.json")
        _store_leaves(cp, previous)
        cp.refresh_from_db()
        transaction.on_commit(lambda: write_file(cp))
    return cp


def write_file(cp: Checkpoint) -> Path | None:
    directory = getattr(settings, "AUDIT_CHECKPOINT_DIR", "")
    if not directory:
        return None
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    target = path / cp.file_name
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(as_file(cp), indent=2, sort_keys=True))
    tmp.replace(target)
    return target


def _current_hashes(leaves) -> dict[tuple[str, str, int], str]:
    found = _hashes_at([(kind, sid, pos) for kind, sid, pos, _h in leaves])
    return {key: hash_ for key, (_seq, hash_) in found.items() if hash_ is not None}


def _check_checkpoint(cp_file: dict, public) -> tuple[Checkpoint | None, list, dict | None]:
    """(the stored checkpoint, its leaves, None) or (.., .., what is wrong)."""
    try:
        signing.verify(cp_file, public)
    except signing.BadCheckpoint as exc:
        return None, [], _broken(CHECKPOINT, cp_file.get("created_at", ""), None,
                                 cp_file.get("last_seq"), FORGED, "a valid signature", str(exc))
    cp = Checkpoint.objects.filter(root=cp_file["root"], last_seq=cp_file["last_seq"],
                                   signature=cp_file["signature"]).first()
    if cp is None:
        return None, [], _broken(CHECKPOINT, cp_file["created_at"], None, cp_file["last_seq"],
                                 UNKNOWN, cp_file["root"], "none")
    leaves = full_leaves(cp)
    if merkle.root_of([_leaf(r) for r in leaves]) != cp_file["root"]:
        return cp, leaves, _broken(CHECKPOINT, cp_file["created_at"], None, cp.last_seq,
                                   LEAVES_ALTERED, cp_file["root"], "another root")
    return cp, leaves, None


def verify_against(files: list[dict], public=None) -> dict | None:
    """The first break any of these checkpoint files reveals, or None."""
    public = public or public_key()
    for cp_file in files:
        _cp, leaves, problem = _check_checkpoint(cp_file, public)
        if problem:
            return problem
        current = _current_hashes(leaves)
        for kind, sid, pos, head in leaves:
            now = current.get((kind, sid, pos))
            if now != head:
                return _broken(kind, sid, pos, None, NOT_EXTENDED,
                               f"{pos}:{head} (checkpoint {cp_file['created_at']})",
                               f"{pos}:{now or 'no event'}")
    return None


def latest_valid(public) -> tuple[Checkpoint | None, list]:
    for cp in Checkpoint.objects.order_by("-id")[:20]:
        stored, leaves, problem = _check_checkpoint(as_file(cp), public)
        if problem is None:
            return stored, leaves
    return None, []


def _compare_heads(cp: Checkpoint) -> tuple[str, list, list]:
    """(the root of the heads checkpoint `cp` stored, the chains whose head moved since as
    (kind, id, from position, from hash, head position, head hash), the heads gone since as
    (kind, id, position, hash)), in one pass over the stored heads joined with the current ones:
    no event is read."""
    builder, moved, gone = merkle.RootBuilder(), [], []
    if not _pg():
        now = {(k, s): (p, h) for k, s, p, h in AuditChainHead.objects.filter(
            last_subject_seq__gt=0).values_list(
            "subject_kind", "subject_id", "last_subject_seq", "last_hash").iterator()}
        for kind, sid, pos, head in full_leaves(cp):
            builder.add(merkle.leaf_hash(kind, sid, pos, head))
            current = now.pop((kind, sid), None)
            if current is None:
                gone.append((kind, sid, pos, head))
            elif current != (pos, head):
                moved.append((kind, sid, pos, head, *current))
        moved.extend((k, s, 0, GENESIS, p, h) for (k, s), (p, h) in now.items())
        return builder.root(), sorted(moved), gone
    with connection.cursor() as cursor:
        _fast_session(cursor)
        cursor.execute(_COMPARE_SQL, {"cp": cp.pk, "base": _base_of(cp.pk)})
        digests, differ = cursor.fetchone()
    data = bytes(digests or b"")
    root = merkle.root_by_levels([data[i:i + 32] for i in range(0, len(data), 32)])
    for kind, sid, pos, head, now_pos, now_head in json.loads(differ) if isinstance(
            differ, str) else differ or []:
        if now_pos is None:
            gone.append((kind, sid, pos, head))
        else:
            moved.append((kind, sid, pos or 0, head or GENESIS, now_pos, now_head))
    gone.sort()
    return root, sorted(moved), gone



def verify_since_last(public=None, chunk_size: int = 5000) -> Result:
    """Check the newest valid checkpoint's consistency and the events appended after it.

    Reads the checkpoint's stored heads and the current heads (one row per chain each), the
    events appended after the checkpoint's global sequence number, and, for each chain that
    moved, the one event the checkpoint saw as its head; nothing else of the trail. Outside a
    transaction on PostgreSQL, the database compares the heads in a second connection sharing
    this one's snapshot while this one reads and re-hashes the new events."""
    public = public or public_key()
    fresh = _snapshot()
    with transaction.atomic():
        if fresh:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        signed = []
        for candidate in Checkpoint.objects.order_by("-id")[:20]:
            try:
                signing.verify(as_file(candidate), public)
            except signing.BadCheckpoint:
                continue
            signed.append(candidate)
        cp = moved = gone = None
        appended: dict | None = None
        for i, candidate in enumerate(signed):
            if i == 0 and fresh:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_export_snapshot()")
                    snapshot = cursor.fetchone()[0]
                with ThreadPoolExecutor(max_workers=1) as pool:
                    pending = pool.submit(_compare_in_snapshot, snapshot, candidate)
                    appended = _appended(candidate.last_seq, chunk_size)
                    root, moved, gone = pending.result()
            else:
                root, moved, gone = _compare_heads(candidate)
                appended = None
            if root == candidate.root:
                cp = candidate
                break
        if cp is None or moved is None or gone is None:
            return Result(ok=False, events_checked=0, first_broken=_broken(
                CHECKPOINT, "", None, None, "no valid checkpoint to start from",
                "a signed checkpoint", "none"))
        if gone:
            kind, sid, pos, head = gone[0]
            return Result(ok=False, events_checked=0, first_broken=_broken(
                kind, sid, pos, None, HEAD_MISSING, f"{pos}:{head}", "none"))
        if appended is None:
            appended = _appended(cp.last_seq, chunk_size)
        broken, checked = _verify_moved(moved, appended)
        return Result(ok=broken is None, events_checked=checked, first_broken=broken,
                      last_seq=cp.last_seq)


def _compare_in_snapshot(snapshot: str, cp: Checkpoint):
    """_compare_heads in this thread's own connection, inside the caller's snapshot."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                cursor.execute("SET TRANSACTION SNAPSHOT %s", [snapshot])
            return _compare_heads(cp)
    finally:
        connection.close()


def _appended(last_seq: int, chunk_size: int) -> dict[tuple[str, str], list[dict]]:
    """The events after `last_seq` by chain, each with its hash recomputed ("computed")."""
    by_subject: dict[tuple[str, str], list[dict]] = {}
    rows = (AuditEvent.objects.filter(seq__gt=last_seq).order_by("seq")
            .values_list(*_COLUMNS).iterator(chunk_size=chunk_size))
    for row in rows:
        values = dict(zip(_COLUMNS, row, strict=True))
        values["computed"] = link_hash(values)
        by_subject.setdefault((values["subject_kind"], values["subject_id"]), []).append(values)
    return by_subject


def _hashes_at(wanted: list[tuple[str, str, int]]) -> dict[tuple[str, str, int], tuple]:
    """(sequence number, hash) of the event at each (kind, id, position), (None, None) where
    there is none: one indexed probe each, the rows never decoded."""
    found: dict[tuple[str, str, int], tuple] = {}
    if not wanted:
        return found
    if _pg():
        kinds, ids, positions = (list(c) for c in zip(*wanted, strict=True))
        with connection.cursor() as cursor:
            cursor.execute(_HASHES_AT_SQL, [kinds, ids, positions])
            for kind, sid, pos, seq, hash_ in cursor.fetchall():
                found[(kind, sid, pos)] = (seq, hash_)
        return found
    for i in range(0, len(wanted), _CHUNK):
        q = Q()
        for kind, sid, pos in wanted[i:i + _CHUNK]:
            q |= Q(subject_kind=kind, subject_id=sid, subject_seq=pos)
        for kind, sid, pos, seq, hash_ in AuditEvent.objects.filter(q).values_list(
                "subject_kind", "subject_id", "subject_seq", "seq", "hash"):
            found[(kind, sid, pos)] = (seq, hash_)
    return {w: found.get(w, (None, None)) for w in wanted}


APPENDED_BESIDE = "event appended without moving its chain head"


def _verify_moved(moved: list, by_subject: dict) -> tuple[dict | None, int]:
    """Walk each moved chain from the checkpoint's head to its current head; every event
    appended after the checkpoint (`by_subject`, from _appended) must be on one of those walks."""
    # where each moved chain stood at the checkpoint: that event must still carry the head hash
    # it saw (the next event's link, re-hashed below, then proves the rest of its content)
    anchors = _hashes_at([(k, s, p) for k, s, p, _h, _n, _x in moved if p > 0])
    checked = 0
    for kind, sid, from_pos, from_hash, to_pos, to_hash in moved:
        key = (kind, sid)
        if from_pos:
            seq, now = anchors.get((kind, sid, from_pos), (None, None))
            if now != from_hash:
                return _broken(kind, sid, from_pos, seq, NOT_EXTENDED, from_hash,
                               now), checked
        appended = by_subject.pop(key, [])
        events = [e for e in appended if e["subject_seq"] > from_pos]
        if not events or events[0]["subject_seq"] != from_pos + 1:
            # appended with a number below the checkpoint's (committed after it): read them
            events = [dict(zip(_COLUMNS, r, strict=True)) for r in AuditEvent.objects.filter(
                subject_kind=kind, subject_id=sid, subject_seq__gt=from_pos)
                .order_by("subject_seq").values_list(*_COLUMNS)]
        prev, expected = from_hash, from_pos + 1
        for ev in sorted(events, key=lambda e: e["subject_seq"]):
            checked += 1
            pos = ev["subject_seq"]
            if pos != expected:
                return _broken(kind, sid, pos, ev["seq"], "missing event in the chain",
                               expected, pos), checked
            if ev["prev_hash"] != prev:
                return _broken(kind, sid, pos, ev["seq"], "previous-hash link broken",
                               prev, ev["prev_hash"]), checked
            computed = ev.get("computed") or link_hash(ev)
            if computed != ev["hash"]:
                return _broken(kind, sid, pos, ev["seq"], "event content altered",
                               computed, ev["hash"]), checked
            prev, expected = ev["hash"], pos + 1
        if (expected - 1, prev) != (to_pos, to_hash):
            return _broken(kind, sid, to_pos, None, "chain ends early (an event was deleted)",
                           f"{to_pos}:{to_hash}", f"{expected - 1}:{prev}"), checked
    if by_subject:  # events after the checkpoint on a chain whose head did not move
        (kind, sid), events = min(by_subject.items())
        ev = events[0]
        return _broken(kind, sid, ev["subject_seq"], ev["seq"], APPENDED_BESIDE,
                       "the chain head at this event", "an unmoved head"), checked
    return None, checked


def inclusion_proof(kind: str, subject_id: str, checkpoint: Checkpoint | None = None) -> dict:
    """The path from the subject's head, as the (latest) checkpoint saw it, to its root."""
    cp = checkpoint or Checkpoint.objects.order_by("-id").first()
    if cp is None:
        raise LookupError("no checkpoint yet")
    leaves = full_leaves(cp)
    index = next((i for i, (k, s, _p, _h) in enumerate(leaves)
                  if (k, s) == (kind, str(subject_id))), None)
    if index is None:
        raise LookupError("this chain is newer than the latest checkpoint")
    _k, _s, position, head = leaves[index]
    return {"checkpoint": as_file(cp), "position": position, "head_hash": head, "index": index,
            "size": len(leaves), "path": merkle.inclusion_path([_leaf(r) for r in leaves], index)}


def export_chain(kind: str, subject_id: str, *, proof: bool = True) -> dict:
    events = []
    for row in AuditEvent.objects.filter(subject_kind=kind, subject_id=str(subject_id)).order_by(
            "subject_seq").values_list(*_COLUMNS):
        values = dict(zip(_COLUMNS, row, strict=True))
        values["occurred_at"] = values["occurred_at"].astimezone(UTC).isoformat(
            timespec="microseconds")
        if values["amount"] is not None:
            values["amount"] = f"{values['amount']:.2f}"
        events.append(values)
    export: dict[str, Any] = {"format": "countersign-chain/1", "subject_kind": kind,
              "subject_id": str(subject_id), "events": events}
    if proof:
        try:
            export["proof"] = inclusion_proof(kind, subject_id)
        except LookupError:
            export["proof"] = None
    return export
