"""Database restarted (issue 9, Faults): PostgreSQL restarts (`pg_ctl restart -m fast`) while a
separate Django process approves requests through the API. Afterwards no transition is half
applied, the app answered again within 10 s, a retry with the same Idempotency-Key did nothing
twice, and `manage.py audit_verify` passes.

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

from .helpers import PG_BIN, PgCluster, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.faults]

RECOVERY_LIMIT = 10.0  # seconds from the restart to the first good answer
DRIVER = Path(__file__).with_name("approvals_driver.py")


class StuckKey(AssertionError):
    """An Idempotency-Key never got a final answer after the database came back."""


def _env(cluster: PgCluster, redis_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.faults.driver_settings",
        "DATABASE_URL": cluster.url("countersign"),
        "CELERY_BROKER_URL": redis_url,
        "CONN_MAX_AGE": "0",
        "PYTHONUNBUFFERED": "1",
        "LOG_LEVEL": "ERROR",
        "FAULTS_OP_BUDGET": "15",  # seconds a client keeps retrying one key
    }


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


@pytest.fixture
def cluster():
    if PG_BIN is None:
        pytest.skip("needs the PostgreSQL server binaries (initdb, pg_ctl) for a private cluster")
    try:
        made = PgCluster()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    try:
        made.init()
        made.start()
        made.create_database("countersign")
        yield made
    finally:
        made.destroy()


def run_database_restarted(*, cluster, private_redis, tmp_path, figure, requests, threads,
                           restarts):
    env = _env(cluster, private_redis.url)
    phases = [time.monotonic()]
    migrated = _manage(env, "migrate", "--noinput", "-v0")
    assert migrated.returncode == 0, migrated.stderr[-6000:]
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
        driver.wait(timeout=300)
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait(timeout=10)
        err.close()
    assert driver.returncode == 0, (tmp_path / "driver.err").read_text()[-6000:]
    phases.append(time.monotonic())

    rows = _rows(log)
    attempts = [r for r in rows if r["kind"] == "attempt"]
    ops = [r for r in rows if r["kind"] == "op"]
    recoveries = []
    for began, back in restart_times:
        # From the restart to the end of the first good answer to a request sent after the
        # last failed one (the outage's failures are the 5xx and dropped requests).
        near = [r for r in attempts if began - 1 <= r["end"] <= began + 60]
        failed = [r for r in near if r["status"] >= 500 or r["status"] == 0]
        last_failure = max((r["start"] for r in failed), default=began)
        good = sorted((r for r in near if r["start"] >= last_failure and 0 < r["status"] < 500),
                      key=lambda r: r["end"])
        assert good, "no good answer after the restart"
        recoveries.append((good[0]["end"] - began, back - began, len(failed)))

    checked = json.loads(_driver(env, "check", str(log)).stdout)
    verify = _manage(env, "audit_verify")
    phases.append(time.monotonic())
    figure("seconds to migrate / set up / approve / check",
           " / ".join(f"{b - a:.0f}" for a, b in zip(phases, phases[1:], strict=False)))

    stuck = [op for op in ops if not op["final"]]
    errors = sum(1 for r in attempts if r["status"] >= 500 or r["status"] == 0)
    figure("approvals (HTTP attempts)", f"{len(ops)} ({len(attempts)})")
    for n, (answered, back, failed) in enumerate(recoveries, 1):
        figure(f"restart {n}: pg_ctl restart took", f"{back:.1f}", "s")
        figure(f"restart {n}: app answered again after", f"{answered:.1f}", "s")
        figure(f"restart {n}: failed attempts (5xx or dropped)", failed)
    figure("failed attempts in all (retried with the same key)", errors)
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

    assert all(answered < RECOVERY_LIMIT for answered, _, _ in recoveries), recoveries
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




def test_no_half_transition_and_one_result_per_key_when_postgres_restarts_during_approvals(
    cluster, private_redis, tmp_path, figure
):
    run_database_restarted(cluster=cluster, private_redis=private_redis, tmp_path=tmp_path,
                           figure=figure, requests=40, threads=3, restarts=1)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_no_half_transition_and_one_result_per_key_when_postgres_restarts_5_times(
    cluster, private_redis, tmp_path, figure
):
    run_database_restarted(cluster=cluster, private_redis=private_redis, tmp_path=tmp_path,
                           figure=figure, requests=200, threads=4, restarts=5)
