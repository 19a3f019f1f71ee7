"""Development: SQLite by default, console e-mail, eager Celery unless a broker is set."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
DEMO_LOGINS_ALLOWED = True
