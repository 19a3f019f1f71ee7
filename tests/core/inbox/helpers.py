from contextlib import contextmanager

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox.models import Request, WorkItem, WorkItemStatus


def open_item(req: Request) -> WorkItem:
    return WorkItem.objects.select_related("task").get(request=req, status=WorkItemStatus.OPEN)


def open_items(req: Request) -> list[WorkItem]:
    return list(WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN))


@contextmanager
def one_audit_event(event: str):
    """Assert the block writes exactly one audit event, of this type, and the chain verifies."""
    before = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    captured: dict = {}
    yield captured
    new = list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))
    assert [e.event for e in new] == [event]
    captured["event"] = new[0]
    result = verify_all(save=False)
    assert result.ok, result.first_broken


@contextmanager
def no_audit_event():
    before = AuditEvent.objects.count()
    yield
    assert AuditEvent.objects.count() == before



def run_together(targets, *, timeout: float = 60) -> list:
    """Run the callables in threads released at once by a barrier; return each one's outcome
    (its return value or the exception it raised). Each thread closes its own connection."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(targets))
    outcomes: list = [None] * len(targets)

    def work(i, target):
        try:
            barrier.wait(timeout=10)
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


def verify_in_own_connection():
    """verify_all() from a fresh thread and connection.

    In transaction=True modules pgtrigger.ignore() (audit_flush_allowed) prefixes every
    statement of this thread's connection with a set_config() call, and verify_all() must start
    its transaction with SET TRANSACTION ISOLATION LEVEL, which PostgreSQL accepts only first.
    """
    from core.audit.verify import verify_all

    (result,) = run_together([lambda: verify_all(save=False)])
    if isinstance(result, BaseException):
        raise result
    return result
