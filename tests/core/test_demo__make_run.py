"""`make run`: it installs only what running needs, the demo settings show the friendly error
pages and write e-mail to files, and serve_demo prints its block once the server answers.
Production settings never offer the demo's personas."""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _run_django(settings_module: str, script: str, **env) -> dict:
    """Run `script` in a fresh interpreter under these settings; it prints one JSON object."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "EMAIL_", "DATABASE_URL", "CELERY_"))}
    clean.update({"DJANGO_SETTINGS_MODULE": settings_module, **env})
    prelude = "import django, json\ndjango.setup()\n"
    done = subprocess.run([sys.executable, "-c", prelude + script], cwd=ROOT, env=clean,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


PAGES = """
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
c = Client(raise_request_exception=False, SERVER_NAME="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
with override_settings(STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}):
    login = c.get("/accounts/login/")
    missing = c.get("/no-such-page/")
    demo = c.post("/demo/login/", {"username": "east_mgr"})
    css = c.get("/static/css/countersign.css")
print(json.dumps({
    "debug": settings.DEBUG, "email": settings.EMAIL_BACKEND,
    "outbox": str(getattr(settings, "EMAIL_FILE_PATH", "")),
    "login": login.status_code, "persona_buttons": login.content.decode().count('class="persona"'),
    "missing": missing.status_code, "missing_html": missing.content.decode(),
    "demo": demo.status_code, "css": css.status_code,
}))
"""


def test_demo_settings_show_the_friendly_404_and_write_email_to_the_outbox(tmp_path):
    result = _run_django("config.settings.local", PAGES,
                         DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert result["debug"] is False  # unless a developer sets DJANGO_DEBUG=1
    assert result["missing"] == 404
    assert "Back to the home page" in result["missing_html"]
    assert "URLconf" not in result["missing_html"]
    assert "accounts/login/" not in result["missing_html"]  # no list of URL patterns
    assert result["css"] == 200  # static files without collectstatic (whitenoise, finders)
    assert result["persona_buttons"] == 20
    assert result["email"] == "django.core.mail.backends.filebased.EmailBackend"
    assert result["outbox"] == str(ROOT / "var" / "outbox")
    assert (ROOT / ".gitignore").read_text().count("/var/") == 1


def test_a_developer_still_gets_the_technical_page_when_asking_for_it(tmp_path):
    result = _run_django("config.settings.local", PAGES, DJANGO_DEBUG="1",
                         DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert result["debug"] is True
    assert "URLconf" in result["missing_html"]


def test_production_settings_have_no_persona_buttons_and_no_demo_login(tmp_path):
    result = _run_django(
        "config.settings.production", PAGES,
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0", CELERY_BROKER_URL="redis://127.0.0.1:1/0")
    assert result["debug"] is False
    assert result["login"] == 200
    assert result["persona_buttons"] == 0
    assert result["demo"] == 404


def _dry_run(tmp_path, target: str) -> str:
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    done = subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_installs_only_the_runtime_requirements(tmp_path):
    run = _dry_run(tmp_path, "run")
    assert "-r requirements.txt" in run
    assert "requirements-dev.txt" not in run
    assert "manage.py serve_demo --host 127.0.0.1 --port 8000" in run


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_still_installs_everything(tmp_path):
    test = _dry_run(tmp_path, "test")
    assert "-r requirements.txt" in test
    assert "-r requirements-dev.txt" in test


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_serve_demo_prints_its_block_only_once_the_server_answers(tmp_path):
    """The block names the URL, the personas to start with, the outbox and how to stop; when
    it appears, the URL already answers. Needs a database another process can open (the
    PostgreSQL test database; an in-memory SQLite one is private to this process)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL test database (DATABASE_URL) for a second process")
    settings_dict = connection.settings_dict
    url = (f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD'] or ''}@"
           f"{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local", DATABASE_URL=url,
               EMAIL_FILE_PATH=str(tmp_path / "outbox"), CELERY_BROKER_URL="",
               PYTHONUNBUFFERED="1")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve_demo", "--port", str(port)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    output = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            output.append(line)
            if "Countersign is ready" in line:
                # The server answers at the moment the block is printed.
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    assert r.status == 200
                break
        else:
            pytest.fail("no ready block within 90 s:\n" + "".join(output))
        while True:  # the rest of the block, to its closing rule
            line = server.stdout.readline()
            output.append(line)
            if not line or line.startswith("====="):
                break
    finally:
        server.terminate()  # serve_demo stops its web server and sweeper
        try:
            server.wait(timeout=20)
        finally:
            with contextlib.suppress(ProcessLookupError):  # whatever is left of its group
                os.killpg(server.pid, signal.SIGKILL)
    text = "".join(output)
    assert f"Countersign is ready:  http://127.0.0.1:{port}/" in text, text
    for name in ("east_rep1", "east_mgr", "finance_clerk", "gm", "auditor"):
        assert f"    {name} " in text
    assert "Regional manager (east): approves the east region's claims" in text
    assert f"E-mail the demo sends is written to files in {tmp_path / 'outbox'}/" in text
    assert "Stop: Ctrl+C" in text
    assert "make run PORT=8001 HOST=0.0.0.0" in text
    assert "Subject:" not in text  # no e-mail on the terminal
    assert (tmp_path / "outbox").is_dir()


def test_every_migration_applies_to_a_new_sqlite_database(tmp_path):
    """`make run`'s first step on a fresh machine: the whole migration history on SQLite (the
    zero-set-up database), not only on PostgreSQL where the rest of the suite runs. A backfill
    written in PostgreSQL-only SQL broke this once."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "EMAIL_", "DATABASE_URL", "CELERY_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local",
               DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    done = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    unapplied = subprocess.run([sys.executable, "manage.py", "migrate", "--check"],
                               cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                               check=False)
    assert unapplied.returncode == 0, unapplied.stdout[-2000:]
