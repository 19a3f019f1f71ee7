import time

from django.core.management.base import BaseCommand

from core.inbox.timers import sweep


class Command(BaseCommand):
    help = "Send deadline reminders and escalate overdue tasks (once, or every minute with --loop)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="repeat until stopped")
        parser.add_argument("--interval", type=int, default=60, help="seconds between sweeps")

    def handle(self, *args, loop, interval, **options):
        while True:
            result = sweep()
            if result["escalated"] or result["reminded"] or not loop:
                self.stdout.write(
                    f"sweep: {result['escalated']} escalated, {result['reminded']} reminded"
                )
            if not loop:
                return
            try:
                time.sleep(max(interval, 1))
            except KeyboardInterrupt:
                return
