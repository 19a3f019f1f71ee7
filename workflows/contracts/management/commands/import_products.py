from django.core.management.base import CommandError

from core.exceptions import ApprovalError
from core.management.workbook import WorkbookImportCommand
from workflows.contracts.services.products import products_import, template_xlsx


class Command(WorkbookImportCommand):
    help = ("Import the product catalogue from an .xlsx workbook (create or update by code; "
            "all or nothing; audited). --dry-run reports what would change; --template writes "
            "an empty workbook to fill in.")

    def template_xlsx(self) -> bytes:
        return template_xlsx()

    def run(self, data, actor, options):
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
