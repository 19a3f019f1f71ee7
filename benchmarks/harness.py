"""Shared set-up for benchmarks: a separate PostgreSQL database, Django configured against it
(benchmarks/settings.py: the product plus a bare viewflow flow), and small timing, counting and
reporting helpers. Benchmarks never touch the development or test databases."""

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/countersign_bench"


def setup(url: str | None = None, *, fresh: bool = False, suffix: str = "",
          migrate: bool = True) -> str:
    """Point Django at the benchmark database (created and migrated if needed).

    `suffix` gives a benchmark its own database next to BENCH_DATABASE_URL's.
    """
    url = url or os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    url += suffix
    if not url.startswith("postgres"):
        sys.exit("benchmarks need PostgreSQL: set BENCH_DATABASE_URL=postgres://…")
    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    # Jobs (notifications, payment) run in-process right after each step, as with `make run`;
    # the scripts measure them apart from the step that queues them (AfterCommit below).
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("CONN_MAX_AGE", "600")  # as in production: no reconnect per request
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import psycopg2

    conn = psycopg2.connect(admin)
    conn.autocommit = True
    with conn.cursor() as cur:
        if fresh:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    import django

    django.setup()
    from django.core.management import call_command

    if migrate:
        call_command("migrate", verbosity=0)
    return url


def recreate() -> None:
    """Drop the current benchmark database and make it again, empty and migrated."""
    import psycopg2
    from django.core.management import call_command
    from django.db import connections

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[-1]
    connections.close_all()
    conn = psycopg2.connect(admin_url(url))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    call_command("migrate", verbosity=0)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    pg = subprocess.run(
        ["psql", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return f"{os.cpu_count()} cores · {cpu} · Python {platform.python_version()} · {pg}"


def admin_url(url: str | None = None) -> str:
    url = url or os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    return url.rsplit("/", 1)[0] + "/postgres"


def load() -> str:
    """The load average: other work on the machine skews every figure."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def timed(fn, *, runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p50(samples):
    return statistics.median(samples)


def p95(samples):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def p99(samples):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]


def mark(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


class Counter:
    """Counts SQL statements (connection.execute_wrapper)."""

    def __init__(self):
        self.n = 0

    def __call__(self, execute, sql, params, many, context):
        self.n += 1
        return execute(sql, params, many, context)


class Recorder:
    """Keeps each statement with its parameters, to replay them with psycopg2."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append((sql, params, many))
        return execute(sql, params, many, context)


class AfterCommit:
    """Holds the outbox rows a step publishes once it commits (notification and payment jobs:
    Celery workers in production), so the step's own time and statements are measured apart;
    `run()` then sends them (eagerly, in-process) outside the measurement."""

    def __init__(self):
        self.pending = []
        self._real = None

    def install(self):
        from core.inbox import outbox

        self._real = outbox.publish
        outbox.publish = self._hold  # enqueue's on_commit looks the name up when it fires
        return self

    def _hold(self, rows):
        self.pending.append(rows)
        return 0

    def run(self):
        while self.pending:
            self._real(self.pending.pop(0))

    def drop(self):
        self.pending.clear()


def write_json(path: str | None, **payload) -> None:
    """Scripts hand their results to benchmarks/run_all.py this way."""
    if path:
        Path(path).write_text(json.dumps(payload, indent=2, default=str))


def summary_line(figure: str, what: str, value: str, mark_text: str = "", ok=None) -> dict:
    return {"figure": figure, "what": what, "value": value, "mark": mark_text,
            "pass": "" if ok is None else mark(bool(ok))}


def table(rows: list[dict], columns: list[str]) -> str:
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    line = " | ".join(c.ljust(widths[c]) for c in columns)
    sep = "-+-".join("-" * widths[c] for c in columns)
    body = "\n".join(" | ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns) for r in rows)
    return f"{line}\n{sep}\n{body}"


STEP_COLUMNS = ["step", "SQL in transaction", "SQL after commit (jobs)", "p50 ms", "p95 ms"]


class Steps:
    """Times the steps of a lifecycle: each call runs one service call, counts its statements,
    then runs the jobs it queued (outside its time) and counts theirs apart."""

    def __init__(self):
        from collections import defaultdict

        self.times: dict[str, list[float]] = defaultdict(list)
        self.statements: dict[str, list[int]] = defaultdict(list)
        self.after_commit: dict[str, list[int]] = defaultdict(list)
        self.jobs = AfterCommit().install()

    def __call__(self, name, fn, **kwargs):
        from django.db import connection

        counter, job_counter = Counter(), Counter()
        start = time.perf_counter()
        with connection.execute_wrapper(counter):
            result = fn(**kwargs)
        self.times[name].append((time.perf_counter() - start) * 1000)
        with connection.execute_wrapper(job_counter):
            self.jobs.run()
        self.statements[name].append(counter.n)
        self.after_commit[name].append(job_counter.n)
        return result

    def rows(self) -> list[dict]:
        """One row a step, in the order the steps first ran (STEP_COLUMNS)."""
        return [
            {"step": name,
             "SQL in transaction": f"{statistics.median(self.statements[name]):.0f}",
             "SQL after commit (jobs)": f"{statistics.median(self.after_commit[name]):.0f}",
             "p50 ms": f"{p50(self.times[name]):.2f}", "p95 ms": f"{p95(self.times[name]):.2f}"}
            for name in self.times
        ]
