"""Settings of the approvals driver (tests/faults/approvals_driver.py): the test settings, but
publishing Celery jobs to the broker named by CELERY_BROKER_URL, as a web process does."""

from config.settings.test import *  # noqa: F403
from config.settings.test import env

CELERY_TASK_ALWAYS_EAGER = not env("CELERY_BROKER_URL", default="")
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]  # Django's test client's host
