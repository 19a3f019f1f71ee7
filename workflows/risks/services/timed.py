"""The risks' timed work, run by the periodic sweep after the task engine's (which already
escalates risk approvals left past their deadline): overdue measures escalate one level up per
week late (regional manager → sales GM → CEO), and open risks get their periodic review
(policy 8.2.2). Any number of sweepers may run at once: each row is taken with SELECT ... FOR
UPDATE SKIP LOCKED, and the unique (measure, level) and (risk, due date) keys make each
escalation and each review happen exactly once."""

import logging
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.audit import services as audit

from .. import rules, selectors
from ..models import (
    OPEN_STATES,
    EscalationReason,
    Measure,
    Review,
    Risk,
    RiskEscalation,
    RiskState,
)
from .common import ESCALATED, REMINDER, escalation_targets, tell
from .credit import credit_risks_from_alerts

log = logging.getLogger(__name__)


def risks_sweep(*, now=None, batch: int = 500) -> int:
    """The risks' timed work: credit risks from the contracts' overdue-collection alerts (once
    per alert), overdue measures escalated, due reviews opened. Idempotent."""
    today = timezone.localdate(now or timezone.now())
    return (credit_risks_from_alerts(batch=batch)
            + escalate_overdue_measures(today=today, batch=batch)
            + open_due_reviews(today=today, batch=batch))


# --- overdue measures ------------------------------------------------------------------------


def escalate_overdue_measures(*, today: date, batch: int = 500) -> int:
    # Only measures late enough for a level they have not reached: a measure escalated as far
    # as it goes is not looked at again every minute.
    due_for_a_level = Q()
    for level in range(1, len(rules.LADDER) + 1):
        reached = RiskEscalation.objects.filter(measure=OuterRef("pk"), level=level)
        late_by = timedelta(days=(level - 1) * rules.ESCALATION_STEP_DAYS)
        due_for_a_level |= Q(due_date__lt=today - late_by) & ~Q(Exists(reached))
    ids = list(Measure.objects.filter(due_for_a_level, done_date__isnull=True,
                                      risk__state__in=OPEN_STATES)
               .order_by("due_date", "pk").values_list("pk", flat=True)[:batch])
    return sum(_isolated(escalate_measure, pk, today) for pk in ids)


def escalate_measure(measure_id: int, today: date) -> bool:
    """One level up if the measure is late enough for it and that level has not happened."""
    with transaction.atomic():
        # The risk row first, as every decision on the risk takes it (then its audit chain):
        # the same order everywhere, and a risk being decided right now is left for the next
        # round instead of waiting on it (waiting here deadlocked against a plan approval).
        risk_id = Measure.objects.filter(pk=measure_id).values_list("risk_id", flat=True).first()
        risk = Risk.objects.select_for_update(skip_locked=True).filter(pk=risk_id).first()
        if risk is None:
            return False
        measure = (Measure.objects.select_for_update(skip_locked=True)
                   .filter(pk=measure_id).first())
        if measure is None:
            return False  # another sweeper holds it: it does this one
        if measure.done_date is not None or risk.state == RiskState.CLOSED:
            return False
        reached = measure.escalations.aggregate(m=Max("level"))["m"] or 0
        level = reached + 1
        if level > rules.measure_escalation_level(measure.due_date, today):
            return False
        role, recipients = escalation_targets(risk, level, exclude={measure.owner_id})
        try:
            with transaction.atomic():
                escalation = RiskEscalation.objects.create(
                    risk=risk, measure=measure, reason=EscalationReason.MEASURE_OVERDUE,
                    level=level, role=role, recipients=recipients)
        except IntegrityError:
            return False  # the unique (measure, level) row: it already happened
        days = (today - measure.due_date).days
        audit.record(actor=None, subject=risk, event="risk.escalated",
                     data={"escalation": escalation.pk, "reason": escalation.reason,
                           "measure": measure.pk, "level": level, "role": role,
                           "to": recipients, "days_late": days})
        message = gettext_noop("%(number)s: the measure “%(measure)s” is %(days)d days overdue")
        params = {"number": risk.number, "measure": measure.description[:60], "days": days}
        tell(recipients, risk=risk, kind=ESCALATED,
             key=f"risk-escalation:{escalation.pk}", message=message, params=params)
        if level == 1:
            tell([measure.owner_id, risk.owner_id], risk=risk,
                 kind=REMINDER, key=f"risk-measure-late:{measure.pk}",
                 message=message, params=params)
        return True


# --- periodic reviews ------------------------------------------------------------------------


def open_due_reviews(*, today: date, batch: int = 500) -> int:
    intervals = selectors.review_intervals()
    if not intervals:
        return 0
    # A review falls due when its period has passed since the later of the last assessment and
    # the last review: only those risks are looked at.
    due = Q()
    for level, days in intervals.items():
        cutoff = today - timedelta(days=days)
        since_cutoff = timezone.make_aware(datetime.combine(cutoff + timedelta(days=1), time()))
        recent = Review.objects.filter(risk=OuterRef("pk"), due_date__gt=cutoff)
        due |= Q(level=level, assessed_at__lt=since_cutoff) & ~Q(Exists(recent))
    pending = Review.objects.filter(risk=OuterRef("pk"), state=Review.State.OPEN)
    ids = list(Risk.objects.filter(due, state__in=OPEN_STATES).exclude(Exists(pending))
               .order_by("pk").values_list("pk", flat=True)[:batch])
    return sum(_isolated(open_review, pk, today, intervals) for pk in ids)


def open_review(risk_id: int, today: date, intervals: dict[str, int]) -> bool:
    with transaction.atomic():
        risk = Risk.objects.select_for_update(skip_locked=True).filter(pk=risk_id).first()
        if risk is None or risk.state == RiskState.CLOSED or not risk.level:
            return False
        if risk.reviews.filter(state=Review.State.OPEN).exists():
            return False  # one review at a time: the open one is simply late
        last = risk.reviews.aggregate(m=Max("due_date"))["m"]
        assessed = timezone.localdate(risk.assessed_at or risk.created)
        base = max(last, assessed) if last else assessed
        due = rules.review_due(base, intervals.get(risk.level), today)
        if due is None or (last is not None and due <= last):
            return False
        try:
            with transaction.atomic():
                review = Review.objects.create(risk=risk, due_date=due, assignee=risk.owner)
        except IntegrityError:
            return False  # the unique (risk, due date) row: another sweeper made it
        audit.record(actor=None, subject=risk, event="risk.review_due",
                     data={"review": review.pk, "due": due.isoformat(), "level": risk.level})
        tell([risk.owner_id], risk=risk, kind=REMINDER,
             key=f"risk-review:{review.pk}",
             message=gettext_noop("%(number)s %(title)s is due for its periodic review"),
             params={"number": risk.number, "title": risk.title})
        return True


def _isolated(fn, *args) -> bool:
    """One row that fails must not stop the sweep for the others."""
    try:
        return fn(*args)
    except Exception:
        log.exception("risk sweep skipped %s %s", fn.__name__, args[0])
        return False
