"""Real-thread races for the PostgreSQL tests."""

import threading

from django.db import connection


def run_together(targets, *, timeout: float = 120) -> list:
    """Run the callables in threads released at once by a barrier; return each one's outcome
    (its return value or the exception it raised). Each thread closes its own connection."""
    barrier = threading.Barrier(len(targets))
    outcomes: list = [None] * len(targets)

    def work(i, target):
        try:
            barrier.wait(timeout=30)
            outcomes[i] = target()
        except BaseException as exc:  # reported by the test, not lost in the thread
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i, t), daemon=True)
               for i, t in enumerate(targets)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    assert not any(t.is_alive() for t in threads), "a worker thread hung"
    return outcomes
