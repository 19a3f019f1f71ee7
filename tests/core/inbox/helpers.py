from contextlib import contextmanager

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox.models import Request, WorkItem, WorkItemStatus
from tests.concurrency import run_together  # noqa: F401  (re-exported)


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
