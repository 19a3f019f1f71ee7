from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.exceptions import ApprovalError
from core.org.importer import (
    ImportPlan,
    ImportRefused,
    org_import_apply,
    org_import_preview,
    template_xlsx,
)
from core.org.models import User


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(value) or "—"
    return str(value)


def plan_lines(plan: ImportPlan) -> list[str]:
    lines = []
    for c in plan.changes:
        fields = "; ".join(f"{name}: {_value(before)} → {_value(after)}"
                           for name, (before, after) in c.changes.items())
        lines.append(f"{c.action:<10} {c.entity:<10} {c.key}  {fields}")
    for leaver in plan.leavers:
        lines.append(f"left       {leaver.username}: {len(leaver.tasks)} open task(s) stay "
                     f"with them until reassigned, {leaver.queued} in queues, "
                     f"{leaver.requests} own request(s) in approval")
        lines.extend(f"           - {task}" for task in leaver.tasks)
    if plan.kept_admins:
        lines.append(f"kept       not in the workbook but kept active: "
                     f"{', '.join(plan.kept_admins)}")
    return lines


class Command(BaseCommand):
    help = ("Import departments, regions, people and roles from an .xlsx workbook (all or "
            "nothing, audited); --dry-run prints what would change; --template writes an empty "
            "workbook to fill in.")

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
            if options["dry_run"]:
                plan = org_import_preview(data=data, actor=actor)
                if plan.errors:
                    raise ImportRefused(plan)
            else:
                plan = org_import_apply(data=data, actor=actor,
                                        file_name=Path(options["workbook"]).name)
        except ImportRefused as exc:
            for error in exc.plan.errors:
                self.stderr.write(str(error))
            raise CommandError(str(exc)) from None
        except ApprovalError as exc:
            raise CommandError(str(exc)) from None
        for line in plan_lines(plan):
            self.stdout.write(line)
        verb = "Would change" if options["dry_run"] else "Changed"
        if not plan.changes:
            self.stdout.write(self.style.SUCCESS("Nothing to change: the organisation already "
                                                 "matches the workbook."))
        else:
            counts = ", ".join(f"{event} {n}" for event, n in sorted(plan.counts().items()))
            self.stdout.write(self.style.SUCCESS(f"{verb}: {counts}"))
