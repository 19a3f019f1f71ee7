from contextlib import contextmanager

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox.models import Request, WorkItem, WorkItemStatus
from tests.concurrency import run_together  # noqa: F401  (re-exported)


def open_item(req: Request) -> WorkItem:
    return WorkItem.objects.select_related("task").get(request=req, status=WorkItemStatus.OPEN)


def open_items(req: Request) -> list[WorkItem]:
    return list(WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN))


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


@contextmanager
def one_audit_event(event: str, *, verify: bool = True):
    """Assert the block writes exactly one audit event, of this type, and the chain verifies.
    (A helper module: pytest does not rewrite its asserts, so each says what it saw.)"""
    before = last_seq()
    captured: dict = {}
    yield captured
    new = list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))
    assert [e.event for e in new] == [event], (
        f"expected one {event!r}; the block wrote "
        f"{[(e.event, e.subject_kind, e.subject_id, e.actor_id) for e in new]}")
    captured["event"] = new[0]
    if verify:
        result = verify_all(save=False)
        assert result.ok, f"the audit chain does not verify: {result.first_broken}"


@contextmanager
def no_audit_event():
    before = last_seq()
    yield
    written = list(AuditEvent.objects.filter(seq__gt=before).values_list("event", flat=True))
    assert written == [], f"expected no audit event; the block wrote {written}"


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
