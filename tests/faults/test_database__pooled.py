"""Behind PgBouncer in transaction mode (issue 28): what the code needs from a database session
works when consecutive transactions of one client reach different server connections
(server_round_robin, four server connections kept open): the role's lock_timeout turns a held
row into a 409, the audit CSV export's server-side cursor lives in its transaction, audit_verify
shares one exported snapshot over two processes, and the outbox relay's SKIP LOCKED sends each
row once. The restart test runs through PgBouncer too (test_database__restarted.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from .helpers import PgBouncer

pytestmark = [pytest.mark.postgres, pytest.mark.faults]

HERE = Path(__file__).parent


def _run(env, *args) -> str:
    done = subprocess.run([sys.executable, *args], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    return done.stdout


def test_session_features_work_through_pgbouncer_in_transaction_mode(
    cluster, private_redis, figure
):
    base = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.faults.driver_settings",
            "CELERY_BROKER_URL": private_redis.url, "LOG_LEVEL": "ERROR",
            "PYTHONUNBUFFERED": "1"}
    _run({**base, "DATABASE_URL": cluster.url("countersign"), "CONN_MAX_AGE": "0"},
         "manage.py", "migrate", "--noinput", "-v0")
    pooler = PgBouncer.in_front_of(cluster, lock_timeout="1s", pool_size=6,
                                   extra="server_round_robin = 1\nmin_pool_size = 4\n")
    try:
        env = {**base, "DATABASE_URL": pooler.url("countersign"),
               "DATABASE_POOLER": "pgbouncer", "CONN_MAX_AGE": "60"}
        _run(env, "manage.py", "check", "--database", "default")
        _run(env, str(HERE / "approvals_driver.py"), "setup", "3")
        found = json.loads(_run(env, str(HERE / "pooled_driver.py"), "features"))
    finally:
        pooler.stop()

    lock, export, verify, relay = (found[k] for k in ("lock_timeout", "export", "verify",
                                                      "relay"))
    figure("lock_timeout from the role; a held row answered",
           f"{lock['setting']}; {lock['status']} {lock['code']} after {lock['waited']} s")
    figure("audit CSV export rows / events", f"{export['rows']} / {export['events']}")
    figure("audit_verify over 2 processes in one snapshot",
           f"{'intact' if verify['ok'] else 'BROKEN'}, {verify['events']} events")
    figure("outbox relay from 2 threads: waiting / sent / left",
           f"{relay['waiting']} / {relay['sent']} / {relay['left']}")
    assert lock["setting"] == "1s"
    assert (lock["status"], lock["code"]) == (409, "state_conflict"), lock
    assert "right now" in lock["detail"], lock  # the lock timeout's message
    assert lock["waited"] < 5, lock
    assert lock["retry_status"] == 200, lock
    assert export["status"] == 200 and not export["error"], export
    assert export["rows"] == export["events"] > 0, export
    assert verify == {"ok": True, "events": verify["events"]} and verify["events"] > 0
    assert relay == {"waiting": 12, "sent": 12, "left": 0}, relay
