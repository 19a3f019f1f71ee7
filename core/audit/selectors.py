"""Auditor reads: filtered event search and a request's timeline."""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from .config import EVENTS as CONFIG_EVENTS
from .models import AuditEvent, VerificationRun


@dataclass
class EventFilters:
    subject_kind: str = ""
    subject_id: str = ""
    number: str = ""
    actor: str = ""  # username or user id
    event: str = ""
    since: date | datetime | None = None
    until: date | datetime | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    configuration: bool = False  # only configuration changes (core/audit/config.py)
    # (kind, object id) of the requests the search box found (core.inbox.search.subjects_of);
    # None: no search, empty: the search found nothing
    subjects: tuple[tuple[str, str], ...] | None = None


def _start(value):
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.min))


def _end(value):
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.max))


def events(f: EventFilters | None = None) -> QuerySet[AuditEvent]:
    f = f or EventFilters()
    qs = AuditEvent.objects.select_related("actor", "on_behalf_of")
    if f.subject_kind:
        qs = qs.filter(subject_kind=f.subject_kind)
    if f.subject_id:
        qs = qs.filter(subject_id=str(f.subject_id))
    if f.number:
        # A number is given on submission: the subject's earlier events (the draft, its uploads
        # and edits) carry none. Find the subjects that bear the number, then all their events.
        number = f.number.strip()
        match = Q(subject_number=number)
        for kind, subject_id in (AuditEvent.objects.filter(subject_number=number)
                                 .values_list("subject_kind", "subject_id").distinct()[:20]):
            match |= Q(subject_kind=kind, subject_id=subject_id)
        qs = qs.filter(match)
    if f.subjects is not None:
        found = Q(pk__in=[])
        for kind, subject_id in f.subjects:
            found |= Q(subject_kind=kind, subject_id=str(subject_id))
        qs = qs.filter(found)
    if f.actor:
        actor = str(f.actor).strip()
        if actor.isascii() and actor.isdigit() and len(actor) <= 18:
            qs = qs.filter(actor_id=int(actor))
        else:
            qs = qs.filter(actor_name=actor)
    if f.event:
        qs = qs.filter(event=f.event.strip())
    if f.configuration:
        qs = qs.filter(event__in=CONFIG_EVENTS)
    if f.since:
        qs = qs.filter(occurred_at__gte=_start(f.since))
    if f.until:
        qs = qs.filter(occurred_at__lte=_end(f.until))
    if f.amount_min is not None:
        qs = qs.filter(amount__gte=f.amount_min)
    if f.amount_max is not None:
        qs = qs.filter(amount__lte=f.amount_max)
    return qs.order_by("-seq")


def timeline(kind: str, object_id) -> QuerySet[AuditEvent]:
    return (
        AuditEvent.objects.filter(subject_kind=kind, subject_id=str(object_id))
        .select_related("actor", "on_behalf_of")
        .order_by("subject_seq")
    )


def last_verification() -> VerificationRun | None:
    return VerificationRun.objects.order_by("-started_at").first()


def event_types() -> list[str]:
    # A short, bounded list (event names, not rows) for the filter form.
    return list(
        AuditEvent.objects.order_by("event").values_list("event", flat=True).distinct()[:200]
    )
