"""Shared helpers for the expense service tests (not collected: no test_ prefix)."""

from datetime import date
from decimal import Decimal

from core.audit.models import AuditEvent
from core.inbox.models import Request, WorkItem, WorkItemStatus
from tests.concurrency import run_together  # noqa: F401  (re-exported)
from tests.core.inbox.helpers import (  # noqa: F401  (re-exported)
    last_seq,
    no_audit_event,
    one_audit_event,
)
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


class FailingPayments:
    """A bank adapter that refuses every payment (EXPENSE_PAYMENT_BACKEND in tests)."""

    calls = 0

    def pay(self, claim, idempotency_key: str) -> str:
        FailingPayments.calls += 1
        raise PaymentError("bank gateway timed out")


FAILING_BACKEND = "tests.workflows.expenses.services.helpers.FailingPayments"
