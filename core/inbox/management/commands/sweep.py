import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from core.database import CONNECTION_ERRORS, connection_lost
from core.inbox.timers import sweep

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send deadline reminders and escalate overdue tasks (once, or every minute with --loop)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="repeat until stopped")
        parser.add_argument("--interval", type=int, default=60, help="seconds between sweeps")

    def handle(self, *args, loop, interval, **options):
        while True:
            # A long-lived loop sees no request_started: check the connection each round, as a
            # request would (CONN_HEALTH_CHECKS), so a database restart costs at most one round.
            close_old_connections()
            try:
                result = sweep()
            except CONNECTION_ERRORS as exc:
                if not loop or not connection_lost(exc):
                    raise
                log.warning("sweep: database unavailable, next round in %s s: %s", interval,
                            str(exc).strip().splitlines()[0] if str(exc).strip() else exc)
                connection.close()
                result = None
            if result is not None and (result["escalated"] or result["reminded"] or not loop):
                self.stdout.write(
                    f"sweep: {result['escalated']} escalated, {result['reminded']} reminded"
                )
            if not loop:
                return
            try:
                time.sleep(max(interval, 1))
            except KeyboardInterrupt:
                return
