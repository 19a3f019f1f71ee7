"""Production: every secret and address from the environment; secure cookies and HSTS."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    AUDIT_CHECKPOINTS,
    AUDIT_SIGNING_KEY,
    AUDIT_SIGNING_KEY_FILE,
    BASE_DIR,
    DATABASES,
    env,
)

DEBUG = False
DEMO_LOGINS_ALLOWED = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = False

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
STATIC_ROOT = env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cached forever by whitenoise); tolerant of viewflow's stray CSS copy whose
    # fonts the wheel does not ship (core/staticfiles.py).
    "staticfiles": {"BACKEND": "core.staticfiles.ManifestStorage"},
}

# Checkpoints without a key would fail every hour in the worker's log: refuse to start instead.
if AUDIT_CHECKPOINTS and not (AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE):
    raise ImproperlyConfigured(
        "AUDIT_CHECKPOINTS is on but no signing key is configured: set AUDIT_SIGNING_KEY_FILE "
        "(see docs/audit.md), or AUDIT_CHECKPOINTS=false.")
