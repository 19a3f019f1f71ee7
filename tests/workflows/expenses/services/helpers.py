"""Shared helpers for the expense service tests (not collected: no test_ prefix)."""

import threading
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from django.db import connection

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox.models import Request, WorkItem, WorkItemStatus
from workflows.expenses.models import BudgetBalance, Reservation
from workflows.expenses.services.payment import PaymentError

YEAR = 2026
MARCH = date(YEAR, 3, 10)


def money(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))


def fresh(obj):
    """Re-read a row (protected FSM fields refuse refresh_from_db)."""
    return type(obj).objects.get(pk=obj.pk)


def request_of(obj, kind: str = "expense") -> Request:
    return Request.objects.get(kind=kind, object_id=obj.pk)


def open_item(obj, kind: str = "expense") -> WorkItem:
    return WorkItem.objects.select_related("task").get(
        request=request_of(obj, kind), status=WorkItemStatus.OPEN
    )


def open_items(obj, kind: str = "expense") -> list[WorkItem]:
    return list(WorkItem.objects.filter(request=request_of(obj, kind),
                                        status=WorkItemStatus.OPEN))


def chain_codes(obj, kind: str = "expense") -> list[str]:
    return [step["code"] for step in request_of(obj, kind).chain]


def balance(period: str, *, category: str = "travel", department_code: str = "sales",
            year: int = YEAR) -> BudgetBalance:
    return BudgetBalance.objects.get(fiscal_year=year, department__code=department_code,
                                     category=category, period=period)


def live_reservations(claim) -> list[Reservation]:
    return list(Reservation.objects.filter(claim=claim, state=Reservation.State.RESERVED))


def timeline(obj, kind: str = "expense") -> list[str]:
    return list(AuditEvent.objects.filter(subject_kind=kind, subject_id=str(obj.pk))
                .order_by("subject_seq").values_list("event", flat=True))


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


@contextmanager
def one_audit_event(event: str, *, verify: bool = True):
    """The block writes exactly one audit event, of this type; the chains still verify."""
    before = last_seq()
    captured: dict = {}
    yield captured
    new = list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))
    assert [e.event for e in new] == [event]
    captured["event"] = new[0]
    if verify:
        result = verify_all(save=False)
        assert result.ok, result.first_broken


@contextmanager
def no_audit_event():
    before = last_seq()
    yield
    assert list(AuditEvent.objects.filter(seq__gt=before).values_list("event", flat=True)) == []


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


class FailingPayments:
    """A bank adapter that refuses every payment (EXPENSE_PAYMENT_BACKEND in tests)."""

    calls = 0

    def pay(self, claim, idempotency_key: str) -> str:
        FailingPayments.calls += 1
        raise PaymentError("bank gateway timed out")


FAILING_BACKEND = "tests.workflows.expenses.services.helpers.FailingPayments"
