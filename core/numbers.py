"""Gap-free document numbers, unique under any number of concurrent submitters."""

from django.db import transaction


def next_number(prefix: str, *, width: int = 6) -> str:
    """`PREFIX-000123`: the sequence row is locked until the caller's transaction ends."""
    from core.inbox.models import DocumentSequence

    with transaction.atomic():
        DocumentSequence.objects.bulk_create(
            [DocumentSequence(prefix=prefix)], ignore_conflicts=True
        )
        seq = DocumentSequence.objects.select_for_update().get(prefix=prefix)
        seq.last += 1
        seq.save(update_fields=["last"])
    return f"{prefix}-{seq.last:0{width}d}"
