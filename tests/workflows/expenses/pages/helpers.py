"""Helpers for the expense page tests (plain functions; fixtures are in conftest.py)."""

from django.utils import timezone

from core.inbox.models import Request, WorkItem, WorkItemStatus
from workflows.expenses.models import ItemType


def today():
    return timezone.localdate()


def open_item(kind: str, object_id: int) -> WorkItem | None:
    req = Request.objects.get(kind=kind, object_id=object_id)
    return WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).first()


def line(amount="320.00", **extra):
    return {"date": today(), "item_type": ItemType.TRANSPORT, "description": "打车",
            "amount": amount, **extra}


def claim_post(*, action="save", lines=None, **fields) -> dict:
    """The new / edit form as a browser posts it."""
    lines = [line()] if lines is None else lines
    data = {"category": "travel", "title": "上海客户拜访", "expense_date": today().isoformat(),
            "purpose": "拜访客户", "action": action,
            "lines-TOTAL_FORMS": str(len(lines)), "lines-INITIAL_FORMS": "0",
            "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "50", **fields}
    for i, row in enumerate(lines):
        for key, value in row.items():
            data[f"lines-{i}-{key}"] = value.isoformat() if hasattr(value, "isoformat") \
                else value
        data.setdefault(f"lines-{i}-units", "1")
    return data
