"""CI-sized runs of the benchmark scripts so they keep working; pass marks are `make bench`'s."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def _bench_env() -> dict:
    """The scripts make their own database beside the test database, on the same server."""
    db = settings.DATABASES["default"]
    url = (
        f"postgres://{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}:"
        f"{db.get('PORT') or 5432}/countersign_bench_smoke"
    )
    env = {**os.environ, "BENCH_DATABASE_URL": url}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


@pytest.mark.postgres
def test_inbox_scale_benchmark_runs_when_small():
    result = subprocess.run(
        [sys.executable, "benchmarks/inbox_scale.py", "--small", "--runs", "3"],
        cwd=ROOT, env=_bench_env(), capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "inbox SQL" in result.stdout
    assert "EXPLAIN uses an index for every list query: yes" in result.stdout


@pytest.mark.postgres
def test_expense_lifecycle_benchmark_runs_when_small():
    result = subprocess.run(
        [sys.executable, "benchmarks/expense_lifecycle.py", "--claims", "5"],
        cwd=ROOT, env=_bench_env(), capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "paid: 5 of 5" in result.stdout
