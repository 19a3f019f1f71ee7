from django.core.management.base import BaseCommand, CommandError

from core.audit.verify import GLOBAL, default_workers, verify_all


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
        if b["subject_kind"] == GLOBAL:
            where = f"in the global sequence up to seq {b['seq']}"
        elif b["subject_seq"] is None and b["seq"] is None:
            where = f"at {b['subject_kind']}:{b['subject_id']}"
        else:
            where = (f"at {b['subject_kind']}:{b['subject_id']} "
                     f"position {b['subject_seq']} (seq {b['seq']})")
        raise CommandError(
            f"audit trail BROKEN {where}: {b['problem']}; "
            f"expected {b['expected']}, found {b['found']}"
        )
