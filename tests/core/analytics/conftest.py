from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.inbox import services
from core.inbox.models import Request, WorkItem, WorkItemStatus
from workflows.demo.services import demo_submit

MONDAY = date(2026, 11, 2)
# hours from opened to decided of the six line-manager decisions; the fifth is a return
HOURS = [1, 2, 3, 4, 5, 10]
DAYS = [0, 1, 2, 7, 8, 9]  # day offsets from MONDAY: three decisions in each of two weeks
NOW = timezone.make_aware(datetime(2026, 11, 20, 12, 0))
OPEN_AGES = [timedelta(hours=2), timedelta(days=2), timedelta(days=5), timedelta(days=10)]


def _submit(personas, amount="800.00") -> Request:
    obj = demo_submit(actor=personas["east_rep1"], title="客户拜访", amount=Decimal(amount))
    return Request.objects.get(kind="demo", object_id=obj.pk)


def _open(req: Request) -> WorkItem:
    return WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN, is_revision=False)


@pytest.fixture
def analytics_data(personas):
    """Known timestamps: six decided line-manager steps (one returned), four open tasks of
    known ages, and the returned request submitted 20 days before NOW."""
    decided, returned = [], None
    for i, (hours, day) in enumerate(zip(HOURS, DAYS, strict=True)):
        req = _submit(personas)
        item = _open(req)
        if i == 4:
            services.task_return(task_id=item.pk, actor=personas["east_mgr"], reason="缺发票")
            returned = req
        else:
            services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
        opened = timezone.make_aware(datetime.combine(MONDAY + timedelta(days=day),
                                                      datetime.min.time())) + timedelta(hours=9)
        WorkItem.objects.filter(pk=item.pk).update(
            created=opened, taken_at=opened, decided_at=opened + timedelta(hours=hours),
            due=opened + timedelta(hours=3))
        decided.append(req)
    opened_now = []
    for age in OPEN_AGES:
        req = _submit(personas)
        WorkItem.objects.filter(pk=_open(req).pk).update(
            created=NOW - age, taken_at=NOW - age, due=NOW - age + timedelta(days=3))
        Request.objects.filter(pk=req.pk).update(submitted_at=NOW - age)
        opened_now.append(req)
    Request.objects.filter(pk=returned.pk).update(submitted_at=NOW - timedelta(days=20))
    return {"decided": decided, "returned": returned, "open": opened_now}
