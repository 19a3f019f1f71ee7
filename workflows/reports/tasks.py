from celery import shared_task
from django.utils import timezone

from .models import Trigger
from .period import Span
from .services import report_generate


@shared_task(acks_late=True, reject_on_worker_lost=True)
def monthly_sales_report(today: str | None = None) -> int:
    """Beat, 08:00 Asia/Shanghai on the 1st: the previous month's report. Idempotent: a second
    beat process, or a redelivered message, finds the month's report already made."""
    day = timezone.localdate() if today is None else timezone.datetime.fromisoformat(today).date()
    report, _created = report_generate(span=Span.before(day), trigger=Trigger.SCHEDULED)
    return report.pk
