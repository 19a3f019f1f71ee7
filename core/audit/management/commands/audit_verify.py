from django.core.management.base import BaseCommand, CommandError

from core.audit.verify import default_workers, verify_all


class Command(BaseCommand):
    help = "Verify every audit chain and the global sequence; exit non-zero on any break."

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers", type=int, default=default_workers(),
            help="processes sharing the work on PostgreSQL (default: this machine's cores; "
                 "1 verifies in this process)",
        )

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1")
        result = verify_all(workers=options["workers"])
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
