"""The committed clients are what the generators make from today's schema (issue 25): a change
to the API without `make client` fails here, with the command to run."""

import filecmp
import subprocess
from pathlib import Path

from django.core.management import call_command

from .conftest import (
    PYTHON_CLIENT,
    SCHEMA,
    TYPESCRIPT,
    generate_python_client,
    node_or_skip,
    npm_bin,
)

STALE = "stale: run `make client` and commit clients/"


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ, or are only on one side, between two folders (caches left out)."""
    found = []
    compared = filecmp.dircmp(left, right, ignore=["__pycache__", ".ruff_cache"])

    def walk(cmp, prefix=""):
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(compared)
    return found


def test_committed_schema_is_the_current_one(tmp_path):
    fresh = tmp_path / "openapi.json"
    call_command("spectacular", "--lang", "en", "--validate", "--fail-on-warn",
                 "--format", "openapi-json", "--file", str(fresh))
    assert fresh.read_bytes() == SCHEMA.read_bytes(), f"clients/openapi.json is {STALE}"


def test_committed_python_client_is_a_fresh_generation_without_warnings(tmp_path):
    done = generate_python_client(SCHEMA, tmp_path / "countersign-client")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Warning" not in output and "Error" not in output, output
    changed = differences(PYTHON_CLIENT, tmp_path / "countersign-client")
    assert not changed, f"clients/python is {STALE}: {changed[:10]}"


def test_committed_typescript_types_are_a_fresh_generation(tmp_path):
    node_or_skip()
    fresh = tmp_path / "schema.d.ts"
    done = subprocess.run([npm_bin("openapi-typescript"), str(SCHEMA),
                           "--default-non-nullable=false", "--output", str(fresh)],
                          capture_output=True, text=True, timeout=120, check=False,
                          cwd=TYPESCRIPT)
    assert done.returncode == 0, done.stdout + done.stderr
    committed = TYPESCRIPT / "src" / "schema.d.ts"
    assert fresh.read_text() == committed.read_text(), f"clients/typescript is {STALE}"
