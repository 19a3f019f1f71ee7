"""Concurrency: approvals per second with 1, 2 and 4 client processes on one database.

    python benchmarks/concurrency.py            # 100 approvals per process, 1,000,000-task DB
    python benchmarks/concurrency.py --small    # CI smoke, seconds

Each process is its own approver (line manager of its own submitter, in its own department, so
even the budget rows differ) and approves its own open expense claims through
`core.inbox.services.task_approve`, each with its own database connection. Unrelated approvals
must not wait on a global lock: the audit chain is per subject, the process lock per request.
The processes start together (a barrier, after one warm-up approval each); the rate is all
approvals over the wall time from the barrier to the last process's end. Jobs the approvals
queue (notifications) are left to the outbox: workers deliver them in production.
"""

import argparse
import multiprocessing
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import harness  # noqa: E402

LEVELS = (1, 2, 4)
MARK = 1.4  # issue 8: 2 processes give at least 1.4x the approvals per second of one


def _pairs(count: int):
    from benchmarks import seed

    company = seed.company()
    return seed.team("conc", count, region=company["east_rep1"].region)


def _open_items(mgr) -> list[int]:
    from core.inbox.models import WorkItem

    return list(WorkItem.objects.filter(kind="expense", status="open", assignee=mgr)
                .order_by("pk").values_list("pk", flat=True))


def _approve(mgr_id: int, items: list[int], barrier, results) -> None:
    from core.exceptions import ApprovalError
    from core.inbox import services
    from core.org.models import User

    after = harness.AfterCommit().install()
    try:
        mgr = User.objects.get(pk=mgr_id)
        services.task_approve(task_id=items[0], actor=mgr)  # warm-up, not counted
    except BaseException:
        # The others must not wait at the barrier for a client that will never come: they
        # stop too, and the parent reports this client's error (its exit code and traceback).
        barrier.abort()
        raise
    after.drop()
    barrier.wait(timeout=120)
    start, errors = time.perf_counter(), 0
    for item in items[1:]:
        try:
            services.task_approve(task_id=item, actor=mgr)
        except ApprovalError:
            errors += 1
        after.drop()
    results.put((len(items) - 1, errors, start, time.perf_counter()))


def _forked(target, args_list) -> None:
    from django.db import connections

    connections.close_all()  # each child opens its own connection
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=target, args=args) for args in args_list]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        if p.exitcode:
            raise RuntimeError(f"a client process failed (exit {p.exitcode})")


class LockWatch:
    """Samples pg_stat_activity every 20 ms while the clients run: how often did any session of
    this database wait for a lock (a row or transaction lock held by another)?"""

    def __init__(self, url: str):
        self.url, self.samples, self.waiting = url, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch)

    def _watch(self):
        import psycopg2

        conn = psycopg2.connect(self.url)
        conn.autocommit = True
        with conn.cursor() as cur:
            while not self._stop.is_set():
                cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                            "current_database() AND wait_event_type = 'Lock'")
                self.samples += 1
                self.waiting += cur.fetchone()[0] > 0
                time.sleep(0.02)
        conn.close()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run(per_process: int, url: str) -> list[dict]:
    pairs = _pairs(max(LEVELS))
    from benchmarks import seed

    need = {i: (per_process + 1) * sum(1 for n in LEVELS if n > i) for i in range(len(pairs))}
    have = {i: len(_open_items(mgr)) for i, (_rep, mgr) in enumerate(pairs)}
    seed.in_parallel(seed.claims_for, [(rep.pk, need[i] - have[i], have[i])
                                       for i, (rep, _mgr) in enumerate(pairs)
                                       if need[i] > have[i]])
    pools = {i: _open_items(mgr) for i, (_rep, mgr) in enumerate(pairs)}
    rows, base = [], None
    ctx = multiprocessing.get_context("fork")
    for level in LEVELS:
        barrier, results = ctx.Barrier(level), ctx.Queue()
        args = []
        for i in range(level):
            items, pools[i] = pools[i][:per_process + 1], pools[i][per_process + 1:]
            args.append((pairs[i][1].pk, items, barrier, results))
        with LockWatch(url) as watch:
            _forked(_approve, args)
        got = [results.get() for _ in range(level)]
        done = sum(g[0] for g in got)
        errors = sum(g[1] for g in got)
        wall = max(g[3] for g in got) - min(g[2] for g in got)
        rate = done / wall
        base = base or rate
        rows.append({"processes": level, "approvals": done, "errors": errors,
                     "seconds": f"{wall:.2f}", "approvals/s": f"{rate:.1f}",
                     "x one process": f"{rate / base:.2f}",
                     "lock waits seen": f"{watch.waiting} of {watch.samples} samples",
                     "_rate": rate, "_waits": watch.waiting})
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="CI smoke size")
    parser.add_argument("--per-process", type=int, default=100)
    parser.add_argument("--json", help="write the results here (benchmarks/run_all.py)")
    args = parser.parse_args()
    per_process = 5 if args.small else args.per_process
    url = harness.setup(suffix="" if not args.small else "_small")
    from benchmarks import generate, inbox_scale

    generate.generate(**inbox_scale.SIZES["small" if args.small else "full"])
    load = harness.load()
    rows = run(per_process, url)
    print(f"Concurrency: unrelated approvals from 1, 2 and 4 processes, {per_process} each, on "
          f"{harness.machine()} (load {load} -> {harness.load()})")
    print(harness.table(rows, ["processes", "approvals", "errors", "seconds", "approvals/s",
                               "x one process", "lock waits seen"]))
    two = rows[1]["_rate"] / rows[0]["_rate"]
    print(f"2 processes / 1: {two:.2f}x (mark >= {MARK}x)")
    lines = [
        harness.summary_line("5 concurrency", "approvals/s, 2 processes vs 1",
                             f"{rows[1]['_rate']:.1f} vs {rows[0]['_rate']:.1f} = {two:.2f}x",
                             f">= {MARK}x", two >= MARK),
        harness.summary_line("5 concurrency", "approvals/s, 4 processes (info)",
                             f"{rows[2]['_rate']:.1f} = {rows[2]['x one process']}x"),
        harness.summary_line("5 concurrency", "errors (conflicts) in all runs",
                             str(sum(r["errors"] for r in rows)), "0",
                             all(r["errors"] == 0 for r in rows)),
        harness.summary_line("5 concurrency", "samples with a session waiting on a lock (info)",
                             " / ".join(f"{r['processes']}: {r['lock waits seen']}"
                                        for r in rows)),
    ]
    harness.write_json(args.json, rows=[{k: v for k, v in r.items() if not k.startswith("_")}
                                        for r in rows], summary=lines)


if __name__ == "__main__":
    main()
