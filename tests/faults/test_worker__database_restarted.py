"""Database restarted under a Celery worker (issue 28): a prefork worker with persistent
connections (CONN_MAX_AGE=600) runs the timer sweep, PostgreSQL restarts (`pg_ctl restart -m
fast`), and the next sweep succeeds at once: no task fails on a connection the restart broke.
(Celery's Django fixup closes the connections before and after every task, and
CONN_HEALTH_CHECKS covers a connection that outlives one; beat does not use the database.)"""

import os
import re
import subprocess
import sys
import time

import pytest
from django.conf import settings

from .helpers import CeleryWorker, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.faults]

SUCCEEDED = re.compile(r"Task core\.inbox\.tasks\.sweep_timers\[[^\]]+\] succeeded")
FAILED = re.compile(r"Task core\.inbox\.tasks\.sweep_timers\[[^\]]+\] raised")


def _sweeps(worker: CeleryWorker) -> tuple[int, int]:
    text = worker.all_logs()
    return len(SUCCEEDED.findall(text)), len(FAILED.findall(text))


def test_the_next_task_succeeds_when_postgres_restarted_under_the_worker(
    cluster, private_redis, broker_on, tmp_path, figure
):
    from core.inbox.tasks import sweep_timers

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
           "DATABASE_URL": cluster.url("countersign"), "LOG_LEVEL": "ERROR"}
    migrated = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
                              cwd=settings.BASE_DIR, env=env, capture_output=True, text=True,
                              timeout=300)
    assert migrated.returncode == 0, migrated.stderr[-6000:]
    worker = CeleryWorker(private_redis.url, tmp_path, concurrency=1,
                          env={"DATABASE_URL": cluster.url("countersign"),
                               "CONN_MAX_AGE": "600"})
    broker_on()
    try:
        worker.start()
        for n in (1, 2):  # the pool process has connected, and kept its connection
            sweep_timers.delay()
            wait_for(lambda n=n: sum(_sweeps(worker)) >= n, 60, f"sweep {n}",
                     log=worker.log)
        began = time.monotonic()
        cluster.restart_fast()
        back = time.monotonic()
        sweep_timers.delay()
        wait_for(lambda: sum(_sweeps(worker)) >= 3, 60, "the sweep after the restart",
                 log=worker.log)
        done = time.monotonic()
    finally:
        worker.stop()

    succeeded, failed = _sweeps(worker)
    figure("pg_ctl restart took", f"{back - began:.2f}", "s")
    figure("the sweep sent after the restart finished after", f"{done - back:.2f}", "s")
    figure("sweeps succeeded / failed", f"{succeeded} / {failed}")
    assert (succeeded, failed) == (3, 0), worker.all_logs()[-6000:]
