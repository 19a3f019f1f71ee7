"""Save only what a service changed: a shorter UPDATE, and no column written back unchanged."""

from django.db import models


def snapshot(obj: models.Model) -> dict:
    return {f.name: getattr(obj, f.attname) for f in obj._meta.concrete_fields
            if not f.primary_key}


def save_changed(obj: models.Model, before: dict) -> list[str]:
    """Save the fields whose values differ from `before` (a `snapshot`); returns their names."""
    changed = [name for name, value in snapshot(obj).items() if value != before[name]]
    if changed:
        obj.save(update_fields=changed)
    return changed
