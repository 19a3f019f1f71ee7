"""The process side of a parallel verification (`core.audit.verify`). Started with the spawn
method, so it imports Django itself: this module imports nothing of Django at the top."""

import os

_ready = False


def start(settings_module: str, database: dict) -> None:
    """Set Django up with the parent's settings module and its database connection settings
    (a test run's database name included)."""
    global _ready
    if settings_module:
        os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import django
    from django.conf import settings

    django.setup()
    settings.DATABASES["default"].update(database)
    from django.db import connections

    connections["default"].settings_dict.update(database)
    _ready = True


def verify_range(snapshot: str, lo, hi, chunk_size: int, checkpoint_seq: int | None = None):
    from .verify import verify_in_snapshot

    if not _ready:
        raise RuntimeError("verify_worker.start() sets Django up first")
    return verify_in_snapshot(snapshot, lo, hi, chunk_size, checkpoint_seq)
