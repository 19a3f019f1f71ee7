"""Recompute the customers' value classes (A/B/C) now, as the monthly sweep does."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from workflows.contracts.services import classify_customers


class Command(BaseCommand):
    help = "Classify customers A/B/C for a month (default this month) from the trailing 12 months."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM (default: this month)")
        parser.add_argument("--force", action="store_true",
                            help="Recompute customers already classified for the month.")

    def handle(self, *args, month=None, force=False, **options):
        day = None
        if month:
            try:
                day = date.fromisoformat(f"{month}-01")
            except ValueError:
                raise CommandError("--month must be YYYY-MM") from None
        changed = classify_customers(month=day, force=force)
        self.stdout.write(f"{changed} customer(s) changed class")
