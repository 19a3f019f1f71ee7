# Starts this project's own manage.py with fixed arguments (no shell, no user input).
import subprocess  # nosec B404
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the demo on SQLite: the development web server plus the periodic timer sweep."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, host, port, **options):
        url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nCountersign is starting: open {url}"))
        self.stdout.write("Log in as gm, east_mgr, east_rep1, finance, auditor, admin … "
                          "(password: countersign-demo). Ctrl+C stops it.\n")
        sweeper = None
        if "sweep" in self._commands():
            sweeper = subprocess.Popen([sys.executable, "manage.py", "sweep", "--loop"])  # noqa: S603  # nosec B603
        try:
            subprocess.call(  # noqa: S603  # nosec B603
                [sys.executable, "manage.py", "runserver", f"{host}:{port}", "--noreload"]
            )
        except KeyboardInterrupt:
            pass
        finally:
            if sweeper is not None:
                sweeper.terminate()

    def _commands(self):
        from django.core.management import get_commands

        return get_commands()
