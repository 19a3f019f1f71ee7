"""HTTP load: gunicorn (2 sync workers) on loopback against the 1,000,000-task benchmark
database, 20 virtual users with no think time for 60 s: 80 % inbox views, 20 % approvals (the
task page's form POST, CSRF and session like a browser). Then the same load, on the same
database, against bare viewflow's own pages served by the same settings: its inbox over the same
tasks, and approvals through its task form on benchmarks/bareflow processes.

    python benchmarks/http_load.py            # full size (uses inbox_scale's database)
    python benchmarks/http_load.py --small    # CI smoke, seconds

Reports requests/s, p50/p95/p99, errors and the web workers' memory (VmRSS) before and after.
Each virtual user logs in as its own approver (http_mgr_NN: 500 generated open tasks, plus
open expense claims submitted through the services for it to approve). Jobs run in-process
after each response (no broker), as with `make run`.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import harness, loadgen  # noqa: E402

SIZES = {"full": {"users": 20, "seconds": 60.0, "pool": 60},
         "small": {"users": 4, "seconds": 4.0, "pool": 6}}
MIX = 0.2
PASSWORD = "bench-http-load"
OURS_INBOX, BARE_INBOX = "/inbox/", "/bare/workflow/inbox/"
RATIO_MARK = 3.0  # issue 8: at least 3x the requests/s of bare viewflow's inbox, same load


def prepare(size: str, users: int, pool: int):
    """The approvers, their passwords and permissions, and enough open work to approve."""
    from django.urls import get_resolver
    from viewflow.workflow.models import Task

    from benchmarks import generate, inbox_scale, seed
    from benchmarks.bareflow import flows as bare
    from core.inbox.models import WorkItem

    generate.generate(**inbox_scale.SIZES[size])
    company = seed.company()
    pairs = seed.team("http", users, region=company["east_rep1"].region)
    generate.grant_viewflow_view([mgr for _rep, mgr in pairs])
    get_resolver().url_patterns  # noqa: B018 - viewflow builds its URLs when they load

    def mine(mgr):
        return WorkItem.objects.filter(kind="expense", status="open", assignee=mgr)

    have = {mgr.pk: mine(mgr).count() for _rep, mgr in pairs}
    seed.in_parallel(seed.claims_for, [(rep.pk, pool - have[mgr.pk], have[mgr.pk])
                                       for rep, mgr in pairs if have[mgr.pk] < pool])
    ours, plain = {}, {}
    for _rep, mgr in pairs:
        if not mgr.check_password(PASSWORD):
            mgr.set_password(PASSWORD)
            mgr.save(update_fields=["password"])
        ours[mgr.username] = [(f"/inbox/tasks/{pk}/approve/", {"approve-comment": ""})
                              for pk in mine(mgr).order_by("pk").values_list("pk", flat=True)]
        tasks = Task.objects.filter(process__flow_class=bare.BareFlow, owner=mgr,
                                    status="ASSIGNED")
        for _ in range(tasks.count(), pool):
            bare.start(mgr.pk)
        plain[mgr.username] = [
            (t.flow_task.reverse("execute", args=[t.process_id, t.pk]), {})
            for t in tasks.order_by("pk")]
    return ours, plain


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _workers(master: int) -> list[int]:
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return [int(pid) for pid in children]


def _rss_mb(pids: list[int]) -> list[float]:
    sizes = []
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except OSError:
            pass
    return sizes


class Server:
    """gunicorn with 2 sync workers on a free loopback port; always stopped on exit."""

    def __init__(self):
        self.port = _free_port()
        self.proc = None

    def __enter__(self):
        env = {**os.environ, "PYTHONPATH": str(harness.ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--workers", "2",
             "--worker-class", "sync", "--bind", f"127.0.0.1:{self.port}", "--timeout", "120",
             "--log-level", "warning"],
            cwd=harness.ROOT, env=env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=5):
                    return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("gunicorn exited at start-up") from None
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer within 90 s")

    def workers(self) -> list[int]:
        return _workers(self.proc.pid)

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _recorded(label: str, usernames, since) -> int:
    """Approvals the database holds from this run: each 302 must have decided a task."""
    from viewflow.workflow.models import Task

    from benchmarks.bareflow.flows import BareFlow
    from core.inbox.models import WorkItem

    if label == "Countersign":
        return WorkItem.objects.filter(kind="expense", decided_by__username__in=usernames,
                                       decided_at__gte=since).count()
    return Task.objects.filter(process__flow_class=BareFlow, owner__username__in=usernames,
                               status="DONE", finished__gte=since).count()


def load(label: str, inbox: str, pools: dict, seconds: float) -> dict:
    from django.db import connections
    from django.utils import timezone

    users = [loadgen.VirtualUser(name, PASSWORD, inbox, list(pool))
             for name, pool in pools.items()]
    since = timezone.now()
    connections.close_all()
    with Server() as server:
        for user in users:  # every worker has served a page before "before" is read
            loadgen.Session("127.0.0.1", server.port).login(user.username, user.password)
        before = _rss_mb(server.workers())
        elapsed = loadgen.run(users, host="127.0.0.1", port=server.port, seconds=seconds,
                              mix=MIX)
        after = _rss_mb(server.workers())
    samples = [s for u in users for s in u.samples]
    recorded = _recorded(label, list(pools), since)
    times = [ms for _k, _ok, ms, _st in samples]
    errors = [st for _k, ok, _ms, st in samples if not ok]
    approved = sum(1 for k, ok, _ms, _st in samples if k == "approve" and ok)
    errors += ["302 without a decision"] * max(0, approved - recorded)
    per_kind = {k: [ms for kk, _ok, ms, _st in samples if kk == k] for k in ("inbox", "approve")}
    return {
        "server": label, "requests": len(samples), "seconds": elapsed,
        "rps": len(samples) / elapsed, "p50": harness.p50(times), "p95": harness.p95(times),
        "p99": harness.p99(times), "errors": len(errors),
        "error_codes": sorted({str(e) for e in errors}),
        "inbox_p50": harness.p50(per_kind["inbox"]) if per_kind["inbox"] else 0,
        "approve_p50": harness.p50(per_kind["approve"]) if per_kind["approve"] else 0,
        "approvals": len(per_kind["approve"]), "recorded": recorded,
        "exhausted": sum(u.exhausted for u in users),
        "rss_before": before, "rss_after": after,
    }


def _rss(values: list[float]) -> str:
    return " + ".join(f"{v:.0f}" for v in values) + " MB" if values else "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="CI smoke size")
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--json", help="write the results here (benchmarks/run_all.py)")
    args = parser.parse_args()
    size = "small" if args.small else "full"
    cfg = SIZES[size]
    seconds = args.seconds or cfg["seconds"]
    harness.setup(suffix="" if not args.small else "_small")
    started = time.perf_counter()
    ours_pool, bare_pool = prepare(size, cfg["users"], cfg["pool"])
    prep = time.perf_counter() - started
    load_before = harness.load()
    results = [load("Countersign", OURS_INBOX, ours_pool, seconds),
               load("bare viewflow", BARE_INBOX, bare_pool, seconds)]
    ours, plain = results
    ratio = ours["rps"] / plain["rps"] if plain["rps"] else 0
    rows = [{
        "server": r["server"], "requests": r["requests"], "req/s": f"{r['rps']:.1f}",
        "p50 ms": f"{r['p50']:.0f}", "p95 ms": f"{r['p95']:.0f}", "p99 ms": f"{r['p99']:.0f}",
        "errors": r["errors"], "inbox p50": f"{r['inbox_p50']:.0f}",
        "approve p50": f"{r['approve_p50']:.0f}", "approvals": r["approvals"],
        "decided in DB": r["recorded"],
        "RSS before": _rss(r["rss_before"]), "RSS after": _rss(r["rss_after"]),
    } for r in results]
    print(f"HTTP load ({size}): gunicorn, 2 sync workers, {cfg['users']} users, no think time, "
          f"{seconds:.0f} s each, {100 - MIX * 100:.0f} % inbox / {MIX * 100:.0f} % approvals, "
          f"on {harness.machine()} (load {load_before} -> {harness.load()}; "
          f"set-up {prep:.0f} s)")
    print(harness.table(rows, list(rows[0])))
    for r in results:
        if r["exhausted"]:
            print(f"note: {r['server']}: {r['exhausted']} approvals skipped, pool empty")
        if r["errors"]:
            print(f"note: {r['server']}: error statuses {r['error_codes']}")
    print(f"Countersign / bare viewflow requests/s: {ratio:.2f}x (mark >= {RATIO_MARK}x); "
          f"errors: {ours['errors']} (mark 0)")
    lines = [
        harness.summary_line("4 HTTP", "requests/s vs bare viewflow, same load",
                             f"{ours['rps']:.1f} vs {plain['rps']:.1f} = {ratio:.2f}x",
                             f">= {RATIO_MARK}x", ratio >= RATIO_MARK),
        harness.summary_line("4 HTTP", "errors (Countersign)", str(ours["errors"]), "0",
                             ours["errors"] == 0),
        harness.summary_line("4 HTTP", "p50 / p95 / p99 (Countersign)",
                             f"{ours['p50']:.0f} / {ours['p95']:.0f} / {ours['p99']:.0f} ms"),
        harness.summary_line("4 HTTP", "worker RSS before -> after (Countersign)",
                             f"{_rss(ours['rss_before'])} -> {_rss(ours['rss_after'])}"),
        harness.summary_line("4 HTTP", "p50 / p95 / p99, errors (bare viewflow, info)",
                             f"{plain['p50']:.0f} / {plain['p95']:.0f} / {plain['p99']:.0f} ms,"
                             f" {plain['errors']} errors"),
    ]
    harness.write_json(args.json, rows=rows, summary=lines)


if __name__ == "__main__":
    main()
