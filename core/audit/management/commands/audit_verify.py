from django.core.management.base import BaseCommand, CommandError

from core.audit.verify import verify_all


class Command(BaseCommand):
    help = "Verify every audit chain and the global sequence; exit non-zero on any break."

    def handle(self, *args, **options):
        result = verify_all()
        rate = result.events_checked / result.seconds if result.seconds else 0
        self.stdout.write(
            f"events checked: {result.events_checked} in {result.seconds:.2f}s ({rate:,.0f}/s)"
        )
        if result.ok:
            self.stdout.write(self.style.SUCCESS("audit trail intact"))
            return
        b = result.first_broken
        raise CommandError(
            f"audit trail BROKEN at {b['subject_kind']}:{b['subject_id']} "
            f"position {b['subject_seq']} (seq {b['seq']}): {b['problem']}; "
            f"expected {b['expected']}, found {b['found']}"
        )
