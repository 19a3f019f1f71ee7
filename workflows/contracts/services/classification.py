"""Customer classification by value (policy §4(二)): A, B or C from the trailing twelve months'
signed contract value and collections, against thresholds from settings
(CUSTOMER_CLASS_THRESHOLDS). Recomputed once a month by the process's sweep and on demand by
`manage.py classify_customers`; each change of class is a CustomerClassChange row and an audit
event on the customer's chain.

The figures for month M cover the twelve whole months before it, [M - 12 months, M): the same
result whichever day of M the sweep runs, so a second run in the month changes nothing.
Signed value: the current version (state signed) of each contract signed in the window.
Collections: collection milestones of the customer's contracts marked done in the window."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from core.audit import config as audit_config
from core.audit import services as audit

from ..models import (
    ContractState,
    Customer,
    CustomerClassChange,
    Milestone,
    ValueClass,
)

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Thresholds:
    a_signed: Decimal
    a_collected: Decimal
    b_signed: Decimal
    b_collected: Decimal


def thresholds() -> Thresholds:
    conf = getattr(settings, "CUSTOMER_CLASS_THRESHOLDS", {})
    a, b = conf.get("A", {}), conf.get("B", {})
    return Thresholds(a_signed=Decimal(str(a.get("signed", "1000000"))),
                      a_collected=Decimal(str(a.get("collected", "500000"))),
                      b_signed=Decimal(str(b.get("signed", "200000"))),
                      b_collected=Decimal(str(b.get("collected", "100000"))))


def classify(signed: Decimal, collected: Decimal, limits: Thresholds | None = None) -> str:
    """A when both figures reach the A thresholds, B when both reach B's, C otherwise; a figure
    exactly at a threshold reaches it."""
    t = limits or thresholds()
    if signed >= t.a_signed and collected >= t.a_collected:
        return ValueClass.A
    if signed >= t.b_signed and collected >= t.b_collected:
        return ValueClass.B
    return ValueClass.C


def month_start(day: date) -> date:
    return day.replace(day=1)


def window(month: date) -> tuple[date, date]:
    """The twelve whole months before `month`: [start, end)."""
    month = month_start(month)
    return month.replace(year=month.year - 1), month


def figures(month: date, customer_ids: Iterable[int] | None = None
            ) -> dict[int, tuple[Decimal, Decimal]]:
    """{customer id: (signed value, collections)} over the window of `month` (customers with
    neither are left out: both are 0)."""
    start, end = window(month)
    tz = timezone.get_default_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end, time.min), tz)
    from ..models import Contract

    signed = Contract.objects.filter(state=ContractState.SIGNED, signed_at__gte=since,
                                     signed_at__lt=until)
    collected = Milestone.objects.filter(kind=Milestone.Kind.COLLECTION, done_date__gte=start,
                                         done_date__lt=end)
    if customer_ids is not None:
        ids = list(customer_ids)
        signed = signed.filter(customer_id__in=ids)
        collected = collected.filter(contract__customer_id__in=ids)
    out: dict[int, tuple[Decimal, Decimal]] = {}
    for row in signed.values("customer_id").annotate(total=Sum("value")):
        out[row["customer_id"]] = (row["total"] or ZERO, ZERO)
    for row in collected.values("contract__customer_id").annotate(total=Sum("amount")):
        cid = row["contract__customer_id"]
        out[cid] = (out.get(cid, (ZERO, ZERO))[0], row["total"] or ZERO)
    return out


@transaction.atomic
def _classify_one(customer_id: int, month: date, values: tuple[Decimal, Decimal],
                  limits: Thresholds, force: bool) -> bool:
    """Lock the customer, store its class for `month`; True when the class changed."""
    customer = Customer.objects.select_for_update().filter(pk=customer_id).first()
    if customer is None or (customer.classified_for == month and not force):
        return False
    signed, collected = values
    new = classify(signed, collected, limits)
    old = customer.value_class
    customer.value_class, customer.classified_for = new, month
    with audit_config.recorded_by_service():
        customer.save(update_fields=["value_class", "classified_for"])
    if old == new:
        return False
    CustomerClassChange.objects.create(customer=customer, month=month, old_class=old,
                                       new_class=new, signed_value=signed, collected=collected)
    audit.record(actor=None, subject=customer, event="customer.class_changed",
                 changes={"value_class": [old, new]},
                 data={"month": month.strftime("%Y-%m"), "signed_value": str(signed),
                       "collected": str(collected)})
    return True


def classify_customers(*, month: date | None = None, force: bool = False,
                       customer_ids: Iterable[int] | None = None) -> int:
    """Classify every customer (or those given) for `month` (this month by default), skipping
    those already classified for it unless `force`. Returns how many changed class."""
    month = month_start(month or timezone.localdate())
    qs = Customer.objects.all()
    if customer_ids is not None:
        qs = qs.filter(pk__in=list(customer_ids))
    if not force:
        qs = qs.exclude(classified_for=month)
    ids = list(qs.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return 0
    limits = thresholds()
    values = figures(month, ids)
    return sum(_classify_one(cid, month, values.get(cid, (ZERO, ZERO)), limits, force)
               for cid in ids)


def classification_sweep(*, today: date | None = None) -> int:
    """The monthly part of the process's sweep: classify the customers not yet classified for
    this month (nothing to do after the first run of the month)."""
    return classify_customers(month=month_start(today or timezone.localdate()))
