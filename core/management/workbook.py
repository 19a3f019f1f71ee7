"""What every workbook import command shares (org chart, product catalogue): the arguments,
the template, reading the file and naming the actor recorded in the audit trail."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.org.models import User


class WorkbookImportCommand(BaseCommand):
    """Subclasses give `template_xlsx()` and handle `(data, actor, options)` in `run`."""

    def template_xlsx(self) -> bytes:
        raise NotImplementedError

    def run(self, data: bytes, actor: User | None, options: dict) -> None:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("workbook", nargs="?", help="the .xlsx file to import")
        parser.add_argument("--dry-run", action="store_true",
                            help="print what would change and change nothing")
        parser.add_argument("--actor", default="",
                            help="username recorded as the actor in the audit trail")
        parser.add_argument("--template", metavar="OUT.xlsx",
                            help="write the template workbook here and stop")

    def handle(self, *args, **options):
        if options["template"]:
            Path(options["template"]).write_bytes(self.template_xlsx())
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
        self.run(data, actor, options)
