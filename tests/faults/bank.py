"""A bank adapter for the worker-killed test (EXPENSE_PAYMENT_BACKEND in the worker): each call
takes a moment, as a real transfer does, and appends `start`/`end` lines to a log file, so the
test can kill a worker in the middle of a payment and count what reached the bank. Like a real
bank API it is idempotent on the key: the same key always gets the same reference."""

import os
import time


def _log(event: str, key: str) -> None:
    path = os.environ.get("FAULTS_BANK_LOG")
    if path:
        with open(path, "a") as out:
            out.write(f"{event} {os.getpid()} {key} {time.time():.3f}\n")


class RecordingBank:
    def pay(self, claim, idempotency_key: str) -> str:
        _log("start", idempotency_key)
        time.sleep(float(os.environ.get("FAULTS_BANK_SECONDS", "0.3")))
        _log("end", idempotency_key)
        return f"PAY-{idempotency_key}"


def read_log(path) -> list[tuple[str, int, str]]:
    """[(event, pid, key), ...] in the order written."""
    rows = []
    with open(path) as log:
        for line in log:
            parts = line.split()
            if len(parts) == 4:
                rows.append((parts[0], int(parts[1]), parts[2]))
    return rows
