"""Two sweepers at once (two Celery beat ticks overlapping, two workers): each escalation
happens exactly once. Real threads, each with its own PostgreSQL connection."""

from datetime import timedelta

import pytest
from django.db.models import Count
from django.utils import timezone

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox import timers
from core.inbox.models import Escalation, WorkItem

from .helpers import open_item, run_together

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("audit_flush_allowed"),
]

TASKS, ROUNDS = 20, 5
SUBMITTERS = ["east_rep1", "east_rep2", "south_rep1", "north_rep1", "south_rep2"]


def test_each_task_escalated_exactly_once_when_two_sweepers_run_together(submit, personas):
    for round_no in range(ROUNDS):
        ids = [
            open_item(submit(SUBMITTERS[n % len(SUBMITTERS)], title=f"r{round_no}-{n}")).pk
            for n in range(TASKS)
        ]
        now = timezone.now()
        WorkItem.objects.filter(pk__in=ids).update(due=now - timedelta(minutes=5))

        outcomes = run_together([lambda now=now: timers.sweep(now=now)] * 2)

        assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
        assert sum(o["escalated"] for o in outcomes) == TASKS
        levels = dict(Escalation.objects.filter(work_item_id__in=ids)
                      .values_list("work_item_id").annotate(n=Count("id")))
        assert levels == dict.fromkeys(ids, 1)
        assert set(Escalation.objects.filter(work_item_id__in=ids)
                   .values_list("level", flat=True)) == {1}
        assert set(WorkItem.objects.filter(pk__in=ids)
                   .values_list("escalation_level", flat=True)) == {1}
        per_task = {}
        for data in AuditEvent.objects.filter(event="demo.task_escalated").values_list(
                "data", flat=True):
            per_task[data["task"]] = per_task.get(data["task"], 0) + 1
        assert {pk: per_task.get(pk, 0) for pk in ids} == dict.fromkeys(ids, 1)
        # The managers above each region's manager: all went to the sales GM.
        assert set(WorkItem.objects.filter(pk__in=ids)
                   .values_list("assignee__username", flat=True)) == {"gm"}
    result = verify_all(save=False)
    assert result.ok, result.first_broken
