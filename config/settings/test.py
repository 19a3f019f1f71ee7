"""Tests: PostgreSQL and Redis when DATABASE_URL / CELERY_BROKER_URL are set, else SQLite."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
DEMO_LOGINS_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
# Unit tests run Celery in-process; tests about Celery itself start a real worker.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TEST_BROKER_URL = env("CELERY_BROKER_URL", default="")
# Tests read messages in English (the source language); the zh-hans UI, the product's default,
# is exercised explicitly (tests/browser/test_i18n__switcher.py and the translation checks).
LANGUAGE_CODE = "en"
# Lockout is tested on its own (tests/core/test_foundation__login_lockout.py); elsewhere tests
# log in many times as the same personas.
AXES_ENABLED = False
