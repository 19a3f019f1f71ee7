"""The lock every flow uses: SELECT ... FOR UPDATE on the process row, in the caller's
transaction.

viewflow's select_for_update_lock takes NOWAIT inside a savepoint and retries with sleeps; here
a second decider simply waits for the first to commit, then re-reads the state and gets a clean
conflict. No savepoint is spent, and nothing sleeps. PostgreSQL's lock_timeout (set on the
connection in settings) bounds the wait.
"""

from contextlib import contextmanager

from django.db import transaction


class RowLock:
    @contextmanager
    def __call__(self, flow_class, process_pk):
        with transaction.atomic(savepoint=False):
            flow_class.process_class._default_manager.select_for_update().filter(
                pk=process_pk
            ).exists()
            yield


row_lock = RowLock()
