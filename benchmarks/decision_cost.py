"""Decision cost: one approval step of the real expense route beside a bare viewflow step of the
same shape and the raw-SQL floor, in one run, one process, one PostgreSQL database.

    python benchmarks/decision_cost.py            # 100 samples per row
    python benchmarks/decision_cost.py --small    # CI smoke, seconds
    python benchmarks/decision_cost.py --sql      # also list our step's statements

Rows:
- ours: `core.inbox.services.task_approve` on a submitted claim (what the task page and the API
  call): process lock, authority check, FSM transition, audit event with its hash chain, the
  next task and its inbox row, notifications written to the outbox. Jobs the step queues
  (notification delivery, payment) run after it, outside its time, their statements apart.
- bare: benchmarks/bareflow, a viewflow flow with two human View tasks and nothing else,
  driven as viewflow's own task page does on POST (lock, load, owner check, start, form save,
  execute, next task). The pass mark compares with it. For information, the same with a
  Switch gateway after the first task: what routing after each step costs viewflow as a
  separate node (ours routes inside the task node, core/inbox/nodes.py RoutedView).
- floor: a step's statements recorded (its commit turned into a rollback, sequences reset) and
  sent again by psycopg2 in one transaction with its commit; and only its row writes.
Ours and bare alternate sample by sample, so drift on a shared machine hits both alike.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import harness  # noqa: E402

RATIO_MARK = 1.5  # issue 8: our step at most 1.5x the bare viewflow step's p50
SQL_MARK = 25  # ... and at most 25 statements
WRITES = ("INSERT", "UPDATE", "DELETE")


def _is_write(sql: str) -> bool:
    return sql.lstrip().upper().startswith(WRITES)


class Floor:
    """Record a step's statements without keeping its effect, then replay them with psycopg2."""

    def __init__(self, url: str):
        import psycopg2

        self.conn = psycopg2.connect(url)

    def _sequences(self) -> dict:
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute("SELECT format('%I.%I', schemaname, sequencename), last_value "
                        "FROM pg_sequences")
            return dict(cur.fetchall())

    def _reset(self, before: dict) -> None:
        from django.db import connection

        after = self._sequences()
        with connection.cursor() as cur:
            for name, value in before.items():
                if after.get(name) != value:
                    if value is None:
                        cur.execute("SELECT setval(%s::regclass, 1, false)", [name])
                    else:
                        cur.execute("SELECT setval(%s::regclass, %s, true)", [name, value])

    def record(self, fn, after_commit) -> list:
        """Run `fn` (one whole transaction) with its COMMIT turned into a ROLLBACK; put the
        sequences back so that a replay creates the very same ids."""
        from django.db import connection

        recorder = harness.Recorder()
        before = self._sequences()
        connection._commit = connection._rollback
        try:
            with connection.execute_wrapper(recorder):
                fn()
        finally:
            del connection._commit
        after_commit.drop()
        self._reset(before)
        return recorder.statements

    def replay(self, statements, *, writes_only: bool = False) -> float:
        cur = self.conn.cursor()
        start = time.perf_counter()
        for sql, params, many in statements:
            # The FSM guard's announcement stays: without it the database refuses the write.
            if writes_only and not (_is_write(sql) or "set_config" in sql):
                continue
            if many:
                cur.executemany(sql, params)
            else:
                cur.execute(sql, params)
        self.conn.commit()
        return (time.perf_counter() - start) * 1000


def prepare(count: int):
    from benchmarks import seed
    from benchmarks.bareflow import flows as bare

    users = seed.company()
    seed.budgets(users["east_rep1"].department)
    reps = [users[n] for n in ("east_rep1", "east_rep2", "east_rep3")]
    claims = [seed.claim(reps[i % 3], i).pk for i in range(count)]
    processes = [bare.start(users["east_mgr"].pk).pk for _ in range(count)]
    routed = [bare.start(users["east_mgr"].pk, bare.BareRoutedFlow).pk for _ in range(count)]
    return users, claims, processes, routed


def run(samples: int, replays: int, warmup: int = 3, url: str = "") -> tuple[list, dict]:
    from django.db import connection

    from benchmarks import seed
    from benchmarks.bareflow import flows as bare
    from core.inbox import services as inbox

    n = warmup + samples + replays
    users, claims, processes, routed = prepare(n + warmup + samples)
    mgr, clerk = users["east_mgr"], users["finance_clerk"]
    after = harness.AfterCommit().install()
    results = {k: {"ms": [], "sql": [], "writes": [], "jobs": []}
               for k in ("ours1", "ours2", "bare1", "bare2", "routed1", "page1", "form1")}

    def measure(key, fn, keep):
        counter, writes, jobs = harness.Counter(), harness.Counter(), harness.Counter()

        def count_writes(execute, sql, params, many, context):
            if _is_write(sql):
                writes.n += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(counter), connection.execute_wrapper(count_writes):
            fn()
        elapsed = (time.perf_counter() - start) * 1000
        with connection.execute_wrapper(jobs):
            after.run()
        if keep:
            r = results[key]
            r["ms"].append(elapsed)
            r["sql"].append(counter.n)
            r["writes"].append(writes.n)
            r["jobs"].append(jobs.n)

    timed = warmup + samples
    for i in range(timed):  # step 1, alternating ours and bare
        item = seed.open_item(claims[i])
        measure("ours1", lambda item=item: inbox.task_approve(task_id=item, actor=mgr),
                i >= warmup)
        task = bare.open_task(processes[i])
        measure("bare1", lambda p=processes[i], t=task: bare.step(p, t, mgr), i >= warmup)
        task = bare.open_task(routed[i])
        measure("routed1", lambda p=routed[i], t=task: bare.step(p, t, mgr, bare.BareRoutedFlow),
                i >= warmup)
    for i in range(timed):  # step 2: finance's voucher review (payment queued) / approve 2
        item = seed.open_item(claims[i])  # finance's queue task
        measure("ours2", lambda item=item: inbox.task_approve(task_id=item, actor=clerk),
                i >= warmup)
        task = bare.open_task(processes[i])
        measure("bare2", lambda p=processes[i], t=task: bare.step(p, t, mgr), i >= warmup)

    # Driven like a form submission, as the reference step was: a POST through the whole
    # Django stack (session, user, middleware, view, redirect) by a logged-in client. Ours: the
    # task page's approve button; bare: viewflow's own task form (its execute view).
    page, form = _clients(mgr)
    for k in range(timed):
        i = n + k
        item = seed.open_item(claims[i])
        measure("page1", lambda item=item: page(f"/inbox/tasks/{item}/approve/",
                                                {"approve-comment": ""}), k >= warmup)
        task = bare.open_task(processes[i])
        measure("form1", lambda p=processes[i], t=task: form(bare.execute_url(p, t), {}),
                k >= warmup)

    floor = Floor(url)
    replay = {k: [] for k in ("ours_all", "ours_writes", "bare_all", "bare_writes")}
    recorded = {}
    for j in range(timed, n):
        writes_only = (j - timed) % 2 == 1
        kind = "writes" if writes_only else "all"
        # Record then replay one step at a time: each replay reuses the ids its recording saw.
        item = seed.open_item(claims[j])
        ours = floor.record(lambda item=item: inbox.task_approve(task_id=item, actor=mgr), after)
        replay[f"ours_{kind}"].append(floor.replay(ours, writes_only=writes_only))
        task = bare.open_task(processes[j])
        plain = floor.record(lambda p=processes[j], t=task: bare.step(p, t, mgr), after)
        replay[f"bare_{kind}"].append(floor.replay(plain, writes_only=writes_only))
        recorded = {"ours": ours, "bare": plain}
    return _rows(results, replay, recorded)


def _clients(user):
    """Two logged-in test clients posting forms; each answer must be the redirect of success."""
    from django.test import Client

    from benchmarks.generate import grant_viewflow_view
    from core.org.models import User

    grant_viewflow_view([user])  # viewflow's pages ask for the process view permission
    client = Client()
    client.force_login(User.objects.get(pk=user.pk))

    def post(path, data):
        response = client.post(path, data)
        if response.status_code != 302:
            raise AssertionError(f"POST {path}: {response.status_code}")

    return post, post


def _median(values):
    return harness.p50(values) if values else 0


def _rows(results, replay, recorded) -> tuple[list, dict]:
    bare1 = harness.p50(results["bare1"]["ms"])
    bare2 = harness.p50(results["bare2"]["ms"])
    rows = []

    def add(what, samples, sql="", writes="", jobs="", base=None, check=""):
        p50 = harness.p50(samples)
        ratio = p50 / base if base else None
        ok = ""
        if check == "sql":
            ok = harness.mark(sql <= SQL_MARK)
        elif check == "ratio":
            ok = harness.mark(ratio <= RATIO_MARK)
        rows.append({
            "what": what, "p50 ms": f"{p50:.2f}", "p95 ms": f"{harness.p95(samples):.2f}",
            "SQL": sql, "writes": writes, "SQL after commit (jobs)": jobs,
            "x bare p50": f"{ratio:.2f}" if ratio is not None else "", "pass": ok,
        })
        return p50, ratio

    r = results
    ours1 = add("ours, service call: line manager approves (expense)", r["ours1"]["ms"],
                round(_median(r["ours1"]["sql"])), round(_median(r["ours1"]["writes"])),
                round(_median(r["ours1"]["jobs"])), bare1, check="sql")
    ours2 = add("ours, service call: finance approves voucher (payment queued)", r["ours2"]["ms"],
                round(_median(r["ours2"]["sql"])), round(_median(r["ours2"]["writes"])),
                round(_median(r["ours2"]["jobs"])), bare2, check="sql")
    page1 = add("ours, form submission: line manager approves on the task page",
                r["page1"]["ms"], round(_median(r["page1"]["sql"])),
                round(_median(r["page1"]["writes"])), round(_median(r["page1"]["jobs"])),
                harness.p50(r["form1"]["ms"]), check="ratio")
    add("bare viewflow, form submission: approve 1 on viewflow's task form", r["form1"]["ms"],
        round(_median(r["form1"]["sql"])), round(_median(r["form1"]["writes"])), 0,
        harness.p50(r["form1"]["ms"]))
    add("bare viewflow, driven by hand: approve 1 (next task created)", r["bare1"]["ms"],
        round(_median(r["bare1"]["sql"])), round(_median(r["bare1"]["writes"])), 0, bare1)
    add("bare viewflow, driven by hand: approve 2 (process ends)", r["bare2"]["ms"],
        round(_median(r["bare2"]["sql"])), round(_median(r["bare2"]["writes"])), 0, bare2)
    add("bare viewflow + Switch gateway: approve 1 (info)", r["routed1"]["ms"],
        round(_median(r["routed1"]["sql"])), round(_median(r["routed1"]["writes"])), 0, bare1)
    ours_sql = len(recorded.get("ours", []))
    bare_sql = len(recorded.get("bare", []))
    ours_w = sum(_is_write(s) for s, _p, _m in recorded.get("ours", []))
    bare_w = sum(_is_write(s) for s, _p, _m in recorded.get("bare", []))
    if replay["bare_all"]:
        add("floor: bare step 1's SQL replayed by psycopg2", replay["bare_all"], bare_sql,
            bare_w, "", bare1)
    if replay["bare_writes"]:
        add("floor: bare step 1's row writes only", replay["bare_writes"], bare_w, bare_w, "",
            bare1)
    if replay["ours_all"]:
        add("floor: our step 1's SQL replayed by psycopg2", replay["ours_all"], ours_sql,
            ours_w, "", bare1)
    if replay["ours_writes"]:
        add("floor: our step 1's row writes only", replay["ours_writes"], ours_w, ours_w, "",
            bare1)
    summary = {
        "ours1_p50": ours1[0], "ours1_ratio": ours1[1], "ours1_sql": rows[0]["SQL"],
        "ours2_p50": ours2[0], "ours2_ratio": ours2[1], "ours2_sql": rows[1]["SQL"],
        "bare1_p50": bare1, "bare2_p50": bare2,
        "page1_p50": page1[0], "page1_ratio": page1[1], "page1_sql": rows[2]["SQL"],
        "form1_p50": harness.p50(r["form1"]["ms"]), "form1_sql": rows[3]["SQL"],
        "statements": [s for s, _p, _m in recorded.get("ours", [])],
        "bare_statements": [s for s, _p, _m in recorded.get("bare", [])],
    }
    return rows, summary


COLUMNS = ["what", "p50 ms", "p95 ms", "SQL", "writes", "SQL after commit (jobs)",
           "x bare p50", "pass"]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="CI smoke size")
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--replays", type=int, default=60)
    parser.add_argument("--sql", action="store_true", help="list the statements of each step")
    parser.add_argument("--json", help="write the results here (benchmarks/run_all.py)")
    args = parser.parse_args()
    if args.small:
        args.samples, args.replays = 6, 4
    url = harness.setup(suffix="_decision" if not args.small else "_decision_small")
    load = harness.load()
    rows, summary = run(args.samples, args.replays, url=url)
    print(f"Decision cost, {args.samples} steps per row, on {harness.machine()} "
          f"(load {load} -> {harness.load()})")
    print(harness.table(rows, COLUMNS))
    print(f"Pass: our step's p50 <= {RATIO_MARK}x the bare viewflow step's in this run, and "
          f"<= {SQL_MARK} statements in its transaction. Jobs queued by a step run after it "
          f"(Celery workers in production): their statements are shown apart.")
    if args.sql:
        for name in ("statements", "bare_statements"):
            print(f"\n-- {name}")
            print("\n".join(f"{i + 1:2}. {s[:160]}" for i, s in enumerate(summary[name])))
    lines = [harness.summary_line(
        "1 decision", "approval step as a form submission: p50 vs bare viewflow's form",
        f"{summary['page1_p50']:.1f} ms = {summary['page1_ratio']:.2f}x bare "
        f"({summary['form1_p50']:.1f} ms)", f"<= {RATIO_MARK}x",
        summary["page1_ratio"] <= RATIO_MARK)]
    for key, label in (("ours1", "line manager step"), ("ours2", "finance voucher step")):
        lines.append(harness.summary_line(
            "1 decision", f"{label}: SQL statements in its transaction",
            str(summary[key + "_sql"]), f"<= {SQL_MARK}", summary[key + "_sql"] <= SQL_MARK))
    lines.append(harness.summary_line(
        "1 decision", "whole POST request, SQL statements: ours vs bare viewflow's form (info)",
        f"{summary['page1_sql']} vs {summary['form1_sql']}"))
    for key, label in (("ours1", "line manager step"), ("ours2", "finance voucher step")):
        lines.append(harness.summary_line(
            "1 decision", f"{label}, service call vs bare driven by hand (info)",
            f"{summary[key + '_p50']:.1f} ms = {summary[key + '_ratio']:.2f}x bare"))
    for r in rows:
        if r["what"].startswith(("floor: our", "floor: bare step 1's SQL", "bare viewflow +")):
            lines.append(harness.summary_line(
                "1 decision", r["what"] if "(info)" in r["what"] else f"{r['what']} (info)",
                f"{r['p50 ms']} ms = {r['x bare p50']}x bare ({r['SQL']} statements)"))
    harness.write_json(args.json, rows=rows, summary=lines,
                       detail={k: v for k, v in summary.items() if "statements" in k})


if __name__ == "__main__":
    main()
