from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from workflows.reports.models import Trigger
from workflows.reports.period import Span
from workflows.reports.services import report_generate


def _month(value: str) -> date:
    try:
        return date.fromisoformat(f"{value}-01")
    except ValueError:
        raise CommandError(f"Not a month (YYYY-MM): {value!r}") from None


class Command(BaseCommand):
    help = ("Make the monthly sales analysis report: by default last month's scheduled one "
            "(made once); --from/--to YYYY-MM make a report of any months on demand.")

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="First month, YYYY-MM.")
        parser.add_argument("--to", dest="end", help="Last month, YYYY-MM (default: --from).")

    def handle(self, *args, start=None, end=None, **options):
        if start or end:
            first = _month(start or end)
            last = _month(end or start)
            if last < first:
                raise CommandError("--to comes before --from.")
            span = Span.months_of(first, last)
            report, created = report_generate(span=span, trigger=Trigger.ON_DEMAND)
        else:
            report, created = report_generate(span=Span.before(timezone.localdate()),
                                              trigger=Trigger.SCHEDULED)
        state = "made" if created else "already made"
        self.stdout.write(f"{report.number} {report.period_start}..{report.period_end}: {state}")
        for f in report.files.all():
            self.stdout.write(f"  {f.language} {f.format} {f.size} bytes sha256 {f.sha256}")
