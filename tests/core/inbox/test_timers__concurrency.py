"""Two sweepers at once (two Celery beat ticks overlapping, two workers): each escalation
happens exactly once. Real threads, each with its own PostgreSQL connection."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from core.audit.models import AuditEvent
from core.inbox import timers
from core.inbox.models import Escalation, WorkItem
from core.org.models import User

from .helpers import open_item, run_together, verify_in_own_connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]

TASKS, ROUNDS = 20, 5
SUBMITTERS = ["east_rep1", "east_rep2", "south_rep1", "north_rep1", "south_rep2"]


@pytest.fixture
def board(personas):
    """Three more levels above the CEO, so that every round escalates one level higher."""
    above = None
    chain = []
    for name in ("board3", "board2", "board1"):
        above = User.objects.create_user(username=name, manager=above, email=f"{name}@x.example")
        chain.insert(0, above)
    ceo = personas["ceo"]
    ceo.manager = chain[0]
    ceo.save(update_fields=["manager"])
    return ["gm", "ceo", "board1", "board2", "board3"]


def test_each_task_escalated_exactly_once_per_level_when_two_sweepers_run_together(
    submit, personas, board
):
    ids = [open_item(submit(SUBMITTERS[n % len(SUBMITTERS)], title=f"t{n}")).pk
           for n in range(TASKS)]

    for level, expected_holder in enumerate(board, start=1):
        now = timezone.now()
        WorkItem.objects.filter(pk__in=ids).update(due=now - timedelta(minutes=5))

        outcomes = run_together([lambda now=now: timers.sweep(now=now)] * 2)

        assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
        assert sum(o["escalated"] for o in outcomes) == TASKS
        rows = Counter(Escalation.objects.filter(work_item_id__in=ids)
                       .values_list("work_item_id", "level"))
        assert rows == Counter({(pk, n): 1 for pk in ids for n in range(1, level + 1)})
        items = WorkItem.objects.filter(pk__in=ids)
        assert set(items.values_list("escalation_level", flat=True)) == {level}
        assert set(items.values_list("assignee__username", flat=True)) == {expected_holder}
        events = Counter(
            (data["task"], data["level"])
            for data in AuditEvent.objects.filter(event="demo.task_escalated")
            .values_list("data", flat=True)
        )
        assert events == rows
    result = verify_in_own_connection()
    assert result.ok, result.first_broken
