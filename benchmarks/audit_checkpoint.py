"""Signed audit checkpoints: the time to sign a checkpoint over 1,000,000 events in 100,000
chains (and its peak memory), and `audit_verify --since-last` after 10,000 new events.

    python benchmarks/audit_checkpoint.py            # 1,000,000 events (generated once, kept)
    python benchmarks/audit_checkpoint.py --small    # CI smoke, seconds

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME  # its database: NAME_checkpoint

The events come from benchmarks/audit_verify.py's set-based generator (genuine chains), in a
database of this script's own. A checkpoint reads the chain heads only (one row per subject),
never the events, so its time and memory follow the number of chains, not of events: it is
timed once, then taken again under tracemalloc for the peak of Python memory. Then 10,000 events
are appended with `audit.record` (half to existing chains, half to new ones; not timed) and
`verify_since_last` is timed: the newest checkpoint's signature, its stored heads against its
root and against the current heads, and only the new events re-hashed (plus one anchor per
moved chain). Each run appends; the base chains are kept. Run it alone: the figures are CPU
bound, and the first line prints the load average before and after (docs/audit.md).
"""

import argparse
import base64
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import audit_verify, harness  # noqa: E402

SIZES = {"full": (100_000, 10, 10_000), "small": (300, 10, 100)}  # subjects, per, appended
MARK_CHECKPOINT_S = 10.0
MARK_SINCE_LAST_S = 2.0
MARK_PEAK_MB = 256


def _base(subjects: int, per_subject: int) -> float:
    from core.audit.models import AuditEvent

    total = subjects * per_subject
    base = AuditEvent.objects.filter(subject_kind="bench", subject_seq__lte=per_subject)
    if base.count() == total:
        return 0.0
    if AuditEvent.objects.exists():
        harness.recreate()
    return audit_verify.generate(subjects, per_subject)


def _append(n: int, subjects: int) -> float:
    from django.db import transaction

    from core.audit.services import record

    started, run = time.perf_counter(), int(time.time())
    with transaction.atomic():
        for i in range(n // 2):  # onto existing chains, spread over them
            record(actor=None, event="bench.paid", subject_kind="bench",
                   subject_id=(i * 7919) % subjects + 1, comment=f"run {run}")
        for i in range(n - n // 2):  # new chains of 5 events
            record(actor=None, event="bench.new", subject_kind="bench_new",
                   subject_id=f"{run}-{i // 5}", comment=f"run {run}")
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="CI smoke size")
    parser.add_argument("--json", help="write the results here (benchmarks/run_all.py)")
    args = parser.parse_args()
    size = "small" if args.small else "full"
    subjects, per_subject, appended = SIZES[size]
    harness.setup(suffix="_checkpoint" if not args.small else "_checkpoint_small")
    made = _base(subjects, per_subject)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from django.conf import settings

    from core.audit import checkpoints
    from core.audit.models import AuditChainHead

    settings.AUDIT_SIGNING_KEY = base64.b64encode(
        Ed25519PrivateKey.generate().private_bytes_raw()).decode()
    settings.AUDIT_CHECKPOINT_DIR = tempfile.mkdtemp(prefix="cs-checkpoints-")
    load = harness.load()

    t0 = time.perf_counter()
    cp = checkpoints.create_checkpoint()
    checkpoint_s = time.perf_counter() - t0
    tracemalloc.start()
    checkpoints.create_checkpoint()
    peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()

    append_s = _append(appended, subjects)
    t0 = time.perf_counter()
    result = checkpoints.verify_since_last()
    since_s = time.perf_counter() - t0
    chains = AuditChainHead.objects.count()

    print(f"Audit checkpoints ({size}): {cp.events:,} events in {cp.subjects:,} chains on "
          f"{harness.machine()} (load {load} -> {harness.load()})")
    if made:
        print(f"base chains generated with set-based SQL in {made:.0f} s")
    print(f"appended {appended:,} events with audit.record in {append_s:.1f} s (not timed); "
          f"since-last ok: {'yes' if result.ok else 'NO'}, new events checked: "
          f"{result.events_checked:,}")
    if not result.ok:
        print(f"first broken: {result.first_broken}")
    ok_cp = checkpoint_s < MARK_CHECKPOINT_S
    ok_mem = peak_mb < MARK_PEAK_MB
    ok_since = result.ok and result.events_checked == appended and since_s < MARK_SINCE_LAST_S
    rows = [
        {"what": "sign a checkpoint", "events": f"{cp.events:,}", "chains": f"{cp.subjects:,}",
         "seconds": f"{checkpoint_s:.2f}", "pass": harness.mark(ok_cp)},
        {"what": "peak Python memory of a checkpoint (MB)", "events": f"{cp.events:,}",
         "chains": f"{cp.subjects:,}", "seconds": f"{peak_mb:.0f} MB",
         "pass": harness.mark(ok_mem)},
        {"what": f"--since-last after {appended:,} new events", "events": f"{cp.events:,}+",
         "chains": f"{chains:,}", "seconds": f"{since_s:.2f}", "pass": harness.mark(ok_since)},
    ]
    print(harness.table(rows, list(rows[0])))
    lines = [
        harness.summary_line("24 audit", f"sign a checkpoint over {cp.events:,} events, "
                             f"{cp.subjects:,} chains", f"{checkpoint_s:.2f} s",
                             f"< {MARK_CHECKPOINT_S:.0f} s", ok_cp),
        harness.summary_line("24 audit", "peak Python memory of that checkpoint",
                             f"{peak_mb:.0f} MB", f"< {MARK_PEAK_MB} MB", ok_mem),
        harness.summary_line("24 audit", f"audit_verify --since-last after {appended:,} new "
                             f"events (ok: {'yes' if result.ok else 'NO'})",
                             f"{since_s:.2f} s", f"< {MARK_SINCE_LAST_S:.0f} s", ok_since),
    ]
    harness.write_json(args.json, rows=rows, summary=lines)


if __name__ == "__main__":
    main()
