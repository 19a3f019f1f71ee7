"""Database restarted (issues 9 and 28, Faults): PostgreSQL restarts (`pg_ctl restart -m fast`)
while a separate Django process approves requests through the API. Afterwards no transition is
half applied, the app answered again within RECOVERY_LIMIT of each restart (2 s at CI size, 1 s in
`make stress`), every failed attempt was a 503 with Retry-After and the API's error envelope
(never a 500), a retry with the same Idempotency-Key did nothing twice, and `manage.py
audit_verify` passes.

Three ways to reach the database, each a parameter: `direct` (a new connection per request,
CONN_MAX_AGE=0), `persistent` (CONN_MAX_AGE=60, the production default: connections outlive the
restart and must be checked before use) and `pgbouncer` (persistent connections to PgBouncer in
transaction mode, which restarts its server connections; DATABASE_POOLER=pgbouncer).

The test makes its own cluster (initdb under /tmp, trust auth, fsync on, a free port), migrates
it, and runs tests/faults/approvals_driver.py against it (publishing Celery jobs to a private
Redis, as a web process would). The cluster is stopped and deleted at the end, whatever happens.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from .helpers import PgBouncer, PgCluster, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.faults]

# Recovery: seconds from the database accepting connections again (`pg_ctl restart -w`
# returned) to the first request the app served again: sent after the outage's last failure and
# answered well. (The restart itself takes 0.2-0.4 s on a quiet machine and seconds on a busy
# one; that is PostgreSQL's time. How long that request then takes is the machine's load: 30 ms
# on a quiet machine, up to 2 s with the machine's two cores shared by ten processes. Both are
# printed.)
RECOVERY_LIMIT = 2.0
RECOVERY_LIMIT_STRESS = 1.0
DRIVER = Path(__file__).with_name("approvals_driver.py")
MODES = ["direct", "persistent", "pgbouncer"]


class StuckKey(AssertionError):
    """An Idempotency-Key never got a final answer after the database came back."""


def _env(cluster: PgCluster, redis_url: str, *, conn_max_age: int = 0,
         pooler: PgBouncer | None = None) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.faults.driver_settings",
        "DATABASE_URL": cluster.url("countersign"),
        "CELERY_BROKER_URL": redis_url,
        "CONN_MAX_AGE": str(conn_max_age),
        "PYTHONUNBUFFERED": "1",
        "LOG_LEVEL": "ERROR",
        "FAULTS_OP_BUDGET": "15",  # seconds a client keeps retrying one key
    }
    if pooler is not None:
        env.update(DATABASE_URL=pooler.url("countersign"), DATABASE_POOLER="pgbouncer")
    return env


def _manage(env, *args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _driver(env, *args, timeout=300) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, str(DRIVER), *args], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"driver {args[0]} failed:\n{done.stderr[-6000:]}"
    return done


def _keys_in_flight(cluster: PgCluster) -> int:
    """Transactions open right now in the app's database (an approval holds its Idempotency-Key
    and its action in one transaction, so an open one is an approval in flight)."""
    import psycopg2

    conn = psycopg2.connect(host="127.0.0.1", port=cluster.port, user="postgres",
                            dbname="countersign")
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = 'countersign' "
                        "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL")
            return cur.fetchone()[0]
    finally:
        conn.close()


def _rows(log: Path) -> list[dict]:
    """The driver's JSON lines (a line being written right now is left for the next read)."""
    if not log.exists():
        return []
    rows = []
    for line in log.read_text().splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue
    return rows


def run_database_restarted(*, cluster, private_redis, tmp_path, figure, requests, threads,
                           restarts, mode, limit):
    pooler = PgBouncer.in_front_of(cluster) if mode == "pgbouncer" else None
    try:
        _run_database_restarted(cluster=cluster, private_redis=private_redis, tmp_path=tmp_path,
                                figure=figure, requests=requests, threads=threads,
                                restarts=restarts, mode=mode, limit=limit, pooler=pooler)
    finally:
        if pooler is not None:
            pooler.stop()


def _run_database_restarted(*, cluster, private_redis, tmp_path, figure, requests, threads,
                            restarts, mode, limit, pooler):
    phases = [time.monotonic()]
    # Migrations straight to the server; everything after through the way under test.
    migrated = _manage(_env(cluster, private_redis.url), "migrate", "--noinput", "-v0")
    assert migrated.returncode == 0, migrated.stderr[-6000:]
    env = _env(cluster, private_redis.url, conn_max_age=0 if mode == "direct" else 60,
               pooler=pooler)
    if pooler is not None:
        checked = _manage(env, "check", "--database", "default")
        assert checked.returncode == 0, checked.stdout + checked.stderr
    phases.append(time.monotonic())
    _driver(env, "setup", str(requests))
    phases.append(time.monotonic())

    log = tmp_path / "approvals.jsonl"
    err = (tmp_path / "driver.err").open("w")
    driver = subprocess.Popen([sys.executable, str(DRIVER), "run", str(log), str(threads)],
                              cwd=settings.BASE_DIR, env=env, stdout=err,
                              stderr=subprocess.STDOUT)
    total_ops = requests * 2
    restart_times = []
    try:
        for n in range(restarts):
            # Restart once a share of the approvals is through, while the rest are running.
            share = (n + 1) / (restarts + 1)
            wait_for(lambda s=share: sum(1 for r in _rows(log) if r["kind"] == "op")
                     >= total_ops * s or driver.poll() is not None, 120,
                     "approvals to get going", interval=0.05)
            assert driver.poll() is None, "the driver finished before the restart"
            # "During a run of approvals": restart while one is in flight.
            wait_for(lambda: _keys_in_flight(cluster), 10, "an approval in flight",
                     interval=0.01)
            began = time.time()
            cluster.restart_fast()
            restart_times.append((began, time.time()))
            if pooler is not None:  # ...and through PgBouncer (its server-login retry)
                wait_for(lambda: pooler.answers("countersign"), 10,
                         "PgBouncer to reach the server again", interval=0.02)
            Path(f"{log}.restarted-{n + 1}").touch()  # the driver's spare thread asks now
        driver.wait(timeout=300)
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait(timeout=10)
        err.close()
    assert driver.returncode == 0, (tmp_path / "driver.err").read_text()[-6000:]
    phases.append(time.monotonic())

    rows = _rows(log)
    spare = {r["restart"]: r["status"] for r in rows if r["kind"] == "spare"}
    attempts = [r for r in rows if r["kind"] == "attempt"]
    ops = [r for r in rows if r["kind"] == "op"]
    recoveries = []
    ends = [began for began, _back in restart_times[1:]] + [float("inf")]
    for (began, back), next_began in zip(restart_times, ends, strict=True):
        # The first good answer to a request sent after the last failed one (the outage's
        # failures are the 5xx and dropped requests). Only this restart's attempts: up to the
        # next restart (a window reaching into the next outages measured the time to the last
        # restart's recovery instead: the 22, 18, 14, 8 s of issue 28).
        near = [r for r in attempts if began - 1 <= r["end"] < next_began]
        failed = [r for r in near if r["status"] >= 500 or r["status"] == 0]
        last_failure = max((r["start"] for r in failed), default=began)
        good = sorted((r for r in near if r["start"] >= last_failure and 0 < r["status"] < 500),
                      key=lambda r: r["start"])
        assert good, "no good answer after the restart"
        recoveries.append({
            "restart": back - began, "failed": len(failed),
            "served": good[0]["start"] - back, "answered": good[0]["end"] - back,
            "failed_after_back": sum(1 for r in failed if r["start"] > back),
        })
    answer_times = sorted(r["end"] - r["start"] for r in attempts if r["status"] == 200)

    checked = json.loads(_driver(env, "check", str(log)).stdout)
    verify = _manage(env, "audit_verify")
    phases.append(time.monotonic())
    figure("seconds to migrate / set up / approve / check",
           " / ".join(f"{b - a:.0f}" for a, b in zip(phases, phases[1:], strict=False)))

    stuck = [op for op in ops if not op["final"]]
    errors = sum(1 for r in attempts if r["status"] >= 500 or r["status"] == 0)
    # What a failed attempt looked like: a clean 503 (envelope, Retry-After) or anything else.
    not_clean = [r for r in attempts if (r["status"] >= 500 or r["status"] == 0) and not (
        r["status"] == 503 and r["code"] == "database_unavailable" and r.get("retry_after"))]
    figure("database", {"direct": "direct, CONN_MAX_AGE=0",
                        "persistent": "direct, CONN_MAX_AGE=60",
                        "pgbouncer": "PgBouncer (transaction mode), CONN_MAX_AGE=60"}[mode])
    figure("approvals (HTTP attempts)", f"{len(ops)} ({len(attempts)})")
    figure("approval answer time p50 / max (the machine's load)",
           f"{answer_times[len(answer_times) // 2]:.2f} / {answer_times[-1]:.2f}", "s")
    for n, rec in enumerate(recoveries, 1):
        figure(f"restart {n}: pg_ctl restart took", f"{rec['restart']:.2f}", "s")
        figure(f"restart {n}: after PostgreSQL accepted connections, the app served again / "
               "answered that request", f"{rec['served']:.2f} / {rec['answered']:.2f}", "s")
        figure(f"restart {n}: failed attempts (5xx or dropped; sent after PostgreSQL accepted "
               "connections)", f"{rec['failed']} ({rec['failed_after_back']})")
    figure("failed attempts in all (retried with the same key)", errors)
    figure("a request on a connection left idle through each restart answered",
           [spare.get(n) for n in range(1, restarts + 1)])
    figure("failed attempts that were not a 503 with Retry-After and the JSON envelope",
           len(not_clean))
    figure("half-applied transitions", len(checked["before"]["problems"]))
    figure("request states at the end", checked["before"]["states"])
    counts_before, counts_after = checked["counts"]
    figure("rows created by replaying every key", [b - a for a, b in zip(counts_before,
                                                                          counts_after,
                                                                          strict=True)])
    figure("replays answered from the stored result",
           f"{sum(1 for r in checked['replays'] if r['replayed'])}/{len(checked['replays'])}")
    figure("keys left without a final answer", len(stuck))
    figure("keys left 'in progress' in the database", len(checked["pending_keys"]))
    figure("audit_verify", verify.stdout.strip().replace("\n", "; "))

    assert all(rec["served"] < limit for rec in recoveries), (limit, recoveries)
    # A persistent connection the restart broke is found by the health check before a
    # request uses it (without CONN_HEALTH_CHECKS this request answered 503, and in production
    # one request per idle connection would have: issue 28).
    assert spare == dict.fromkeys(range(restarts + 1), 200), spare
    assert not not_clean, [(r["status"], r["code"], r.get("retry_after"), r["error"])
                           for r in not_clean][:10]
    assert checked["before"]["problems"] == [], checked["before"]["problems"]
    assert checked["after"]["problems"] == []
    assert counts_after == counts_before, "a replayed Idempotency-Key did something again"
    assert all(r["status"] < 500 for r in checked["replays"]), checked["replays"]
    assert verify.returncode == 0, verify.stdout + verify.stderr
    if stuck or checked["pending_keys"]:
        raise StuckKey(f"{len(stuck)} approvals never got a final answer for their key, "
                       f"{len(checked['pending_keys'])} keys left 'in progress': "
                       f"{[(op['key'], op['status'], op['code']) for op in stuck][:10]}")
    assert sum(checked["before"]["states"].values()) == requests




@pytest.mark.parametrize("mode", MODES)
def test_no_half_transition_and_one_result_per_key_when_postgres_restarts_during_approvals(
    cluster, private_redis, tmp_path, figure, mode
):
    run_database_restarted(cluster=cluster, private_redis=private_redis, tmp_path=tmp_path,
                           figure=figure, requests=40, threads=3, restarts=1, mode=mode,
                           limit=RECOVERY_LIMIT)


@pytest.mark.slow
@pytest.mark.timeout(1200)
@pytest.mark.parametrize("mode", MODES)
def test_no_half_transition_and_one_result_per_key_when_postgres_restarts_5_times(
    cluster, private_redis, tmp_path, figure, mode
):
    run_database_restarted(cluster=cluster, private_redis=private_redis, tmp_path=tmp_path,
                           figure=figure, requests=200, threads=4, restarts=5, mode=mode,
                           limit=RECOVERY_LIMIT_STRESS)
