"""Rebuild or refresh the approval analytics' daily facts (docs/analytics.md)."""

import time

from django.core.management.base import BaseCommand

from core.analytics import facts


class Command(BaseCommand):
    help = ("Refresh the approval analytics' daily facts (the days touched since the last "
            "run), or --rebuild them all from the engine's rows.")

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true",
                            help="drop every fact and compute every closed day again")

    def handle(self, *args, rebuild=False, **options):
        if not facts.enabled():
            self.stderr.write("The daily facts need PostgreSQL; figures are computed live.")
            return
        started = time.perf_counter()
        done = facts.rebuild() if rebuild else facts.refresh()
        self.stdout.write(f"{done['days']} days, {done['rows']} fact rows, "
                          f"{time.perf_counter() - started:.1f} s")
