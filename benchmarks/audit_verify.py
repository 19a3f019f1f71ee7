"""Audit verification: events verified per second over 1,000,000 audit events, with
`core.audit.verify.verify_all` (every subject's hash chain, chain heads, global order).

    python benchmarks/audit_verify.py            # 1,000,000 events (generated once, kept)
    python benchmarks/audit_verify.py --small    # CI smoke, seconds

The events are generated with set-based SQL, one INSERT ... SELECT per chain position: 100,000
subjects with 10 events each, every event's hash computed by PostgreSQL (sha256 over the same
canonical JSON as core/audit/hashing.py builds), so the chains are genuine: the verification
must come out ok, which checks the generator too. Its own database: audit rows cannot be
truncated (append-only triggers), so a different size means a new database.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import harness  # noqa: E402

SIZES = {"full": (100_000, 10), "small": (500, 10)}  # subjects, events per subject
MARK = 20_000  # issue 8: at least 20,000 events verified per second
GENESIS = "0" * 64

# core/audit/hashing.py: json.dumps(sort_keys=True, separators=(",", ":")) of HASHED_FIELDS,
# occurred_at in UTC with microseconds, amount with 2 places. Generated values are plain
# ASCII without quotes or backslashes, so no JSON escaping is needed here.
CANONICAL = """
    '{"actor_id":' || e.actor_id || ',"actor_name":"' || e.actor_name
    || '","amount":"' || e.amount::text || '","changes":{},"comment":"","data":{"task":'
    || e.subject_seq || '},"event":"' || e.event || '","from_state":"' || e.from_state
    || '","ip":null,"occurred_at":"'
    || to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00"'
    || ',"on_behalf_of_id":null,"on_behalf_of_name":"","prev_hash":"' || e.prev_hash
    || '","request_id":"","subject_id":"' || e.subject_id || '","subject_kind":"'
    || e.subject_kind || '","subject_number":"' || e.subject_number || '","subject_seq":'
    || e.subject_seq || ',"to_state":"' || e.to_state || '"}'
"""

INSERT = """
    INSERT INTO audit_auditevent (occurred_at, subject_kind, subject_id, subject_seq,
        subject_number, amount, event, actor_id, actor_name, on_behalf_of_id,
        on_behalf_of_name, from_state, to_state, changes, comment, data, request_id, ip,
        prev_hash, hash)
    SELECT e.occurred_at, e.subject_kind, e.subject_id, e.subject_seq, e.subject_number,
        e.amount, e.event, e.actor_id, e.actor_name, NULL, '', e.from_state, e.to_state, '{}',
        '', jsonb_build_object('task', e.subject_seq), '', NULL, e.prev_hash,
        encode(sha256(convert_to(CANONICAL, 'UTF8')), 'hex')
    FROM (SELECT timestamptz '2025-01-01 00:00:00+00' + (%(pos)s || ' hours')::interval
                 + (s.n::bigint * 7919 %% 86400000 || ' milliseconds')::interval
                 + (s.n %% 1000 || ' microseconds')::interval AS occurred_at,
                 'bench' AS subject_kind, s.n::text AS subject_id, %(pos)s AS subject_seq,
                 'BENCH-' || lpad(s.n::text, 7, '0') AS subject_number,
                 (((s.n::bigint * 104729) %% 10000000) / 100.0 + 0.01)::numeric(14, 2) AS amount,
                 CASE WHEN %(pos)s = 1 THEN 'bench.submitted' ELSE 'bench.step_approved' END
                     AS event,
                 %(actor)s AS actor_id, %(actor_name)s AS actor_name,
                 CASE WHEN %(pos)s = 1 THEN 'draft' ELSE 'submitted' END AS from_state,
                 'submitted' AS to_state, s.prev_hash
          FROM (SOURCE) s) e
""".replace("CANONICAL", CANONICAL)
FIRST = "SELECT g AS n, %(genesis)s AS prev_hash FROM generate_series(1, %(subjects)s) g"
NEXT = ("SELECT subject_id::int AS n, hash AS prev_hash FROM audit_auditevent "
        "WHERE subject_kind = 'bench' AND subject_seq = %(prev)s")


def generate(subjects: int, per_subject: int) -> float:
    """Returns the seconds it took (0 when the events were there already)."""
    from django.db import connection

    from core.audit.models import AuditEvent
    from core.org.models import User

    total = subjects * per_subject
    if AuditEvent.objects.count() == total:
        return 0.0
    if AuditEvent.objects.exists():
        harness.recreate()  # append-only: another size starts from an empty database
    actor, _ = User.objects.get_or_create(username="bench_auditee")
    started = time.perf_counter()
    with connection.cursor() as cur:
        # A bulk load: the chain heads are written once at the end (below), so the trigger that
        # moves a head with every event (audit_head_follows) is skipped for this session.
        cur.execute("SET session_replication_role = replica")
        for pos in range(1, per_subject + 1):
            source = FIRST if pos == 1 else NEXT
            sql = INSERT.replace("SOURCE", source)
            cur.execute(sql, {"pos": pos, "actor": actor.pk, "actor_name": actor.username,
                              "genesis": GENESIS, "subjects": subjects, "prev": pos - 1})
        cur.execute(
            "INSERT INTO audit_auditchainhead (subject_kind, subject_id, last_subject_seq, "
            "last_hash) SELECT subject_kind, subject_id, subject_seq, hash "
            "FROM audit_auditevent WHERE subject_seq = %s", [per_subject])
        cur.execute("SET session_replication_role = DEFAULT")
    connection.ensure_connection()
    autocommit = connection.get_autocommit()
    connection.set_autocommit(True)
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE audit_auditevent")
        cur.execute("VACUUM ANALYZE audit_auditchainhead")
    connection.set_autocommit(autocommit)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="CI smoke size")
    parser.add_argument("--json", help="write the results here (benchmarks/run_all.py)")
    args = parser.parse_args()
    size = "small" if args.small else "full"
    subjects, per_subject = SIZES[size]
    harness.setup(suffix="_audit" if not args.small else "_audit_small")
    made = generate(subjects, per_subject)
    from core.audit.verify import default_workers, verify_all

    load = harness.load()
    workers = default_workers()
    # What `manage.py audit_verify` does (one process per core), then one process alone.
    runs = [(workers, verify_all(save=False, workers=workers, parallel_min=0))]
    if workers > 1:
        runs.append((1, verify_all(save=False, workers=1)))
    print(f"Audit verification ({size}): {runs[0][1].events_checked:,} events over "
          f"{subjects:,} subject chains on {harness.machine()} (load {load} -> {harness.load()})")
    if made:
        print(f"generated with set-based SQL in {made:.0f} s")
    rows, lines = [], []
    for n, result in runs:
        rate = result.events_checked / result.seconds
        marked = n == workers
        rows.append({"processes": n, "events": f"{result.events_checked:,}",
                     "seconds": f"{result.seconds:.1f}", "events/s": f"{rate:,.0f}",
                     "ok": result.ok,
                     "pass": harness.mark(result.ok and rate >= MARK) if marked else "(info)"})
        if not result.ok:
            print(f"first broken link ({n} processes): {result.first_broken}")
        lines.append(harness.summary_line(
            "6 audit", f"events verified per second, {n} process{'es' if n > 1 else ''}"
            f" ({result.events_checked:,}, chains ok: {'yes' if result.ok else 'NO'})"
            + ("" if marked else " (info)"),
            f"{rate:,.0f}/s", f">= {MARK:,}/s" if marked else "",
            (result.ok and rate >= MARK) if marked else None))
    print(harness.table(rows, list(rows[0])))
    harness.write_json(args.json, rows=rows, summary=lines)


if __name__ == "__main__":
    main()
