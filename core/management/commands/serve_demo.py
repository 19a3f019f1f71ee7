# Starts this project's own manage.py with fixed arguments (no shell, no user input).
import os
import signal
import subprocess  # nosec B404
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from core.org import demo

READY_TIMEOUT_S = 120
# Only compared with the --host given, never bound here.
ANY_ADDRESS = ("0.0.0.0", "::", "[::]")  # noqa: S104  # nosec B104


def ready_block(url: str, outbox: str | None) -> str:
    """What `make run` prints once the server answers: where to go, whom to try, how to stop
    (in English, like the rest of the terminal)."""
    with translation.override("en"):
        return _ready_block(url, outbox)


def _ready_block(url: str, outbox: str | None) -> str:
    width = 78
    people = [demo.persona(name) for name in demo.FEATURED]
    lines = [
        "=" * width,
        f"  Countersign is ready:  {url}",
        "",
        "  Log in with one click on the login page, as one of the demo company's "
        f"{len(demo.PEOPLE)} people",
        f"  (or type a username; every demo password is {demo.DEMO_PASSWORD}). To start:",
    ]
    for p in people:
        if p is not None:
            lines += textwrap.wrap(f"{p.role_label}: {p.note}", width=width,
                                   initial_indent=f"    {p.username:<15}",
                                   subsequent_indent=" " * 19)
    lines += [
        "  Each persona's home page has a \"Try this\" panel: a claim from submission to paid.",
        "",
    ]
    if outbox:
        lines.append(f"  E-mail the demo sends is written to files in {outbox}/")
    lines += [
        "  Stop: Ctrl+C.    Another port or address: make run PORT=8001 HOST=0.0.0.0",
        "=" * width,
    ]
    return "\n".join(lines)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = ("Serve the demo: the development web server plus the periodic timer sweep; prints "
            "where to go once the server answers.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, host, port, **options):
        if not getattr(settings, "DEMO_LOGINS_ALLOWED", False):
            raise CommandError("serve_demo is for the demo settings only.")
        browse_host = "127.0.0.1" if host in ANY_ADDRESS else host
        url = f"http://{browse_host}:{port}/"
        env = dict(os.environ)
        env.setdefault("SITE_URL", url.rstrip("/"))  # links in the demo's e-mails
        if host not in settings.ALLOWED_HOSTS and "DJANGO_ALLOWED_HOSTS" not in env:
            # Served on another address: accept it (on any address, whatever name other
            # machines use for this one).
            env["DJANGO_ALLOWED_HOSTS"] = "*" if host in ANY_ADDRESS else ",".join(
                [*settings.ALLOWED_HOSTS, host])
        self.stdout.write(f"Starting the web server on {host}:{port} …")
        outbox = self._outbox()
        commands = get_commands()
        if "sweep" in commands:
            # One sweep now, in this process: the demo's overdue tasks escalate before the block
            # below, so its output does not land after it.
            with translation.override(settings.LANGUAGE_CODE):
                call_command("sweep", stdout=self.stdout)
        # SIGTERM (a supervisor, a test) stops the children too, like Ctrl+C does.
        signal.signal(signal.SIGTERM, _interrupt)
        server = subprocess.Popen(  # noqa: S603  # nosec B603
            [sys.executable, "manage.py", "runserver", f"{host}:{port}", "--noreload"], env=env
        )
        sweeper = None
        try:
            if not self._wait_until_ready(f"http://{browse_host}:{port}/healthz", server):
                raise CommandError(f"The web server did not answer on {url} "
                                   f"within {READY_TIMEOUT_S} s.")
            self.stdout.write(self.style.SUCCESS(ready_block(url, outbox)))
            if "sweep" in commands:
                sweeper = subprocess.Popen(  # noqa: S603  # nosec B603
                    [sys.executable, "manage.py", "sweep", "--loop"], env=env)
            server.wait()
        except KeyboardInterrupt:
            pass
        finally:
            for process in (sweeper, server):
                if process is not None and process.poll() is None:
                    process.terminate()
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()

    def _outbox(self) -> str | None:
        if not settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
            return None
        path = Path(getattr(settings, "EMAIL_FILE_PATH", "var/outbox"))
        path.mkdir(parents=True, exist_ok=True)
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    def _wait_until_ready(self, health_url: str, server: subprocess.Popen) -> bool:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"The web server stopped (exit code {server.returncode}).")
            try:
                with urllib.request.urlopen(health_url, timeout=2) as response:  # noqa: S310  # nosec B310
                    if response.status == 200:
                        return True
            except urllib.error.HTTPError:
                return True  # it answers (say 503: the database is not there yet): listening
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.3)
        return False
