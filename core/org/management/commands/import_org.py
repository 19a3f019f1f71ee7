from pathlib import Path

from django.core.management.base import CommandError

from core.exceptions import ApprovalError
from core.management.workbook import WorkbookImportCommand
from core.org.importer import (
    ImportPlan,
    ImportRefused,
    org_import_apply,
    org_import_preview,
    template_xlsx,
)


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


class Command(WorkbookImportCommand):
    help = ("Import departments, regions, people and roles from an .xlsx workbook (all or "
            "nothing, audited); --dry-run prints what would change; --template writes an empty "
            "workbook to fill in.")

    def template_xlsx(self) -> bytes:
        return template_xlsx()

    def run(self, data, actor, options):
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
