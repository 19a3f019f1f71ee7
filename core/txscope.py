"""Values kept for exactly one transaction of this thread's connection.

A flow run reloads rows (viewflow re-reads a task at a join) and asks the same questions twice
(who acts for whom today); a scope lets the first answer serve the rest of the transaction and
no longer. A scope belongs to the atomic block open when it was made and ends when that block
closes, commits or rolls back: a later transaction on the same thread starts empty, even one run
by the same `@transaction.atomic` function (whose block object is reused).
"""

import threading

from django.db import transaction


class _Marker:
    """Queued with on_commit: present in the connection's list until the transaction ends."""

    def __call__(self):
        return None


class TxScope:
    def __init__(self):
        self._local = threading.local()

    def _valid(self, state) -> bool:
        block, marker, _values = state
        conn = transaction.get_connection()
        # Newest first: the marker was queued by this transaction, after anything older (a
        # test's outer transaction can hold thousands of callbacks).
        return (block in conn.atomic_blocks
                and any(entry[1] is marker for entry in reversed(conn.run_on_commit)))

    def get(self) -> dict | None:
        """This transaction's values, or None when nothing was kept in it."""
        state = getattr(self._local, "state", None)
        if state is None:
            return None
        if not self._valid(state):
            self._local.state = None
            return None
        return state[2]

    def open(self) -> dict:
        """This transaction's values, made empty on first use; outside a transaction a throwaway
        dict (nothing is kept between autocommit statements)."""
        values = self.get()
        if values is not None:
            return values
        conn = transaction.get_connection()
        if not conn.in_atomic_block:
            return {}
        marker = _Marker()
        transaction.on_commit(marker)
        state: tuple[object, _Marker, dict] = (conn.atomic_blocks[-1], marker, {})
        self._local.state = state
        return state[2]
