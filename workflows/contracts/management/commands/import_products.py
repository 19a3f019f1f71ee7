from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.exceptions import ApprovalError
from core.org.models import User
from workflows.contracts.services.products import products_import, template_xlsx


class Command(BaseCommand):
    help = ("Import the product catalogue from an .xlsx workbook (create or update by code; "
            "all or nothing; audited). --dry-run reports what would change; --template writes "
            "an empty workbook to fill in.")

    def add_arguments(self, parser):
        parser.add_argument("workbook", nargs="?", help="the .xlsx file to import")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--actor", default="",
                            help="username recorded as the actor in the audit trail")
        parser.add_argument("--template", metavar="OUT.xlsx")

    def handle(self, *args, **options):
        if options["template"]:
            Path(options["template"]).write_bytes(template_xlsx())
            self.stdout.write(self.style.SUCCESS(f"Template written to {options['template']}"))
            return
        if not options["workbook"]:
            raise CommandError("Name the workbook to import, or --template OUT.xlsx.")
        try:
            data = Path(options["workbook"]).read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {options['workbook']}: {exc.strerror}") from None
        actor = None
        if options["actor"]:
            actor = User.objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(f"No user {options['actor']!r} to record as the actor.")
        try:
            result = products_import(data=data, actor=actor, apply=not options["dry_run"])
        except ApprovalError as exc:
            raise CommandError(str(exc.message)) from None
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} problem(s); nothing was imported.")
        verb = "would be" if options["dry_run"] else "were"
        self.stdout.write(self.style.SUCCESS(
            f"{len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.unchanged)} unchanged ({verb} applied)."))
