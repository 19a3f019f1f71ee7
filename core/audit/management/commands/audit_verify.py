import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.audit import checkpoints
from core.audit.verify import GLOBAL, default_workers, verify_all


class Command(BaseCommand):
    help = "Verify every audit chain and the global sequence; exit non-zero on any break."

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers", type=int, default=default_workers(),
            help="processes sharing the work on PostgreSQL (default: this machine's cores; "
                 "1 verifies in this process)",
        )
        parser.add_argument(
            "--against", nargs="+", metavar="CHECKPOINT_FILE", default=[],
            help="also prove every chain still extends what each signed checkpoint saw "
                 "(catches history rewritten by someone with the database owner's rights)",
        )
        parser.add_argument(
            "--since-last", action="store_true",
            help="check only the newest valid checkpoint's consistency and the events appended "
                 "after it (fast; the nightly check)",
        )

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1")
        if options["since_last"]:
            result = checkpoints.verify_since_last()
        else:
            result = verify_all(workers=options["workers"])
            if result.ok and options["against"]:
                files = []
                for name in options["against"]:
                    try:
                        files.append(json.loads(Path(name).read_text(encoding="utf-8")))
                    except (OSError, ValueError) as exc:
                        raise CommandError(f"cannot read checkpoint {name}: {exc}") from exc
                result.first_broken = checkpoints.verify_against(files)
                result.ok = result.first_broken is None
        rate = result.events_checked / result.seconds if result.seconds else 0
        self.stdout.write(
            f"events checked: {result.events_checked} in {result.seconds:.2f}s ({rate:,.0f}/s)"
        )
        if result.ok:
            against = (" and extends every checkpoint given" if options["against"]
                       else " since the last checkpoint" if options["since_last"] else "")
            self.stdout.write(self.style.SUCCESS(f"audit trail intact{against}"))
            return
        b = result.first_broken
        if b["subject_kind"] == checkpoints.CHECKPOINT:
            where = f"checkpoint {b['subject_id']} (seq {b['seq']})"
        elif b["subject_kind"] == GLOBAL:
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
