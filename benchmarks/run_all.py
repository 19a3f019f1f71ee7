"""The whole benchmark suite (issue 8) in one command: runs each script, one after the other,
and prints one table with the machine and PASS/FAIL per line. Each script's own tables (and the
EXPLAIN plans) go to test-artifacts/bench/<script>.txt.

    python benchmarks/run_all.py                  # full size (~10-15 min; data generated once)
    python benchmarks/run_all.py --small          # every script at CI smoke size
    python benchmarks/run_all.py --only audit_verify,concurrency

Exit status 1 when a line fails its mark or a script fails.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import harness  # noqa: E402

# (script, full-size arguments, small-size arguments)
SCRIPTS = [
    ("decision_cost", ["--sql"], ["--small"]),
    ("expense_lifecycle", ["--claims", "1000"], ["--claims", "5"]),
    ("contract_lifecycle", ["--contracts", "200"], ["--contracts", "3"]),
    ("inbox_scale", ["--explain"], ["--small", "--runs", "3", "--explain"]),
    ("analytics_scale", [], ["--small", "--runs", "3"]),
    ("http_load", [], ["--small"]),
    ("concurrency", [], ["--small"]),
    ("audit_verify", [], ["--small"]),
    ("audit_checkpoint", [], ["--small"]),
]
OUT = harness.ROOT / "test-artifacts" / "bench"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="every script at CI smoke size")
    parser.add_argument("--only", help="comma-separated script names")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    OUT.mkdir(parents=True, exist_ok=True)
    load_before, started = harness.load(), time.perf_counter()
    lines, failed = [], False
    for name, full, small in SCRIPTS:
        if only and name not in only:
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        with tempfile.NamedTemporaryFile(suffix=".json") as result:
            proc = subprocess.run(
                [sys.executable, str(harness.ROOT / "benchmarks" / f"{name}.py"),
                 *(small if args.small else full), "--json", result.name],
                cwd=harness.ROOT, capture_output=True, text=True, check=False)
            (OUT / f"{name}.txt").write_text(proc.stdout + "\n" + proc.stderr)
            took = time.perf_counter() - t0
            print(f"  {name}: {took:.0f} s", file=sys.stderr, flush=True)
            if proc.returncode != 0:
                failed = True
                lines.append(harness.summary_line(name, "the script failed",
                                                  f"see {OUT / name}.txt", "runs", False))
                continue
            lines.extend(json.loads(Path(result.name).read_text())["summary"])
    total = time.perf_counter() - started
    failed = failed or any(line["pass"] == "FAIL" for line in lines)
    print(f"Countersign benchmark suite ({'small' if args.small else 'full'} size), "
          f"{datetime.now():%Y-%m-%d %H:%M}, {total / 60:.1f} min")
    print(f"Machine: {harness.machine()}")
    print(f"Load average before -> after: {load_before} -> {harness.load()} "
          f"(anything above ~0.5 on this machine means other work shared it)")
    print(harness.table(lines, ["figure", "what", "value", "mark", "pass"]))
    print(f"Details of each figure: {OUT}/<script>.txt; how they are measured: "
          f"docs/PERFORMANCE.md")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
