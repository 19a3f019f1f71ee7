"""Development and the demo (`make run`): SQLite by default, e-mail to files, eager Celery
unless a broker is set.

DEBUG is off unless a developer asks for it (DJANGO_DEBUG=1): a visitor of the demo who
mistypes a URL gets the friendly 404 page, not Django's technical page listing every URL, and
an error is the friendly 500 page (its traceback still goes to the terminal). Static files are
then served by whitenoise straight from the source folders (no collectstatic for the demo)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, CELERY_TASK_ALWAYS_EAGER, LOGGING, env

DEBUG = env.bool("DJANGO_DEBUG", default=False)
DEMO_LOGINS_ALLOWED = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo's e-mail (notifications, reminders, escalations) goes to one file per sent batch in
# var/outbox/ (git-ignored) instead of filling the terminal; EMAIL_BACKEND overrides it.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "outbox"))

if CELERY_TASK_ALWAYS_EAGER:
    # Eager Celery has no broker to name: kombu's warning about it is noise in the terminal.
    LOGGING["loggers"]["kombu.connection"] = {"level": "ERROR"}  # noqa: F405
