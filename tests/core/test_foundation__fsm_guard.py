"""On PostgreSQL a state changes only through an FSM transition: the trigger refuses an ORM
update() or raw SQL that goes around it, while the services keep working."""

from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction

from core.inbox import services as inbox
from core.inbox.models import Request, WorkItem, WorkItemStatus
from workflows.demo.models import DemoRequest
from workflows.demo.services import demo_submit

# Each service call commits on its own, as in production: a transition announces its row only
# for the rest of its own transaction.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def submitted(personas) -> DemoRequest:
    return demo_submit(actor=personas["east_rep1"], title="Guarded", amount=Decimal("100.00"))


def test_orm_update_of_state_is_refused_when_no_transition_announced_it(personas):
    demo = submitted(personas)
    with pytest.raises(DatabaseError, match="state_by_transition_only"), transaction.atomic():
        DemoRequest.objects.filter(pk=demo.pk).update(state="approved")
    assert DemoRequest.objects.get(pk=demo.pk).state == "submitted"


def test_raw_sql_update_of_state_is_refused(personas):
    demo = submitted(personas)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE demo_demorequest SET state = 'approved' WHERE id = %s", [demo.pk])
    assert DemoRequest.objects.get(pk=demo.pk).state == "submitted"


def test_transition_saved_from_a_stale_copy_is_refused_when_another_committed_first(personas):
    demo = submitted(personas)
    stale = DemoRequest.objects.get(pk=demo.pk)
    fresh = DemoRequest.objects.get(pk=demo.pk)
    fresh.withdraw()
    fresh.save(update_fields=["state"])

    stale.approve()  # still "submitted" in this copy, but the row has moved on
    with pytest.raises(DatabaseError, match="state_by_transition_only"), transaction.atomic():
        stale.save(update_fields=["state"])
    assert DemoRequest.objects.get(pk=demo.pk).state == "withdrawn"


def test_each_transition_counted_when_saved_with_state_only(personas):
    demo = submitted(personas)
    before = DemoRequest.objects.get(pk=demo.pk).transitions
    demo = DemoRequest.objects.get(pk=demo.pk)
    demo.return_for_revision()
    demo.save(update_fields=["state"])
    demo.resubmit()
    demo.save(update_fields=["state"])

    assert DemoRequest.objects.get(pk=demo.pk).transitions == before + 2


def test_other_columns_can_still_be_updated(personas):
    demo = submitted(personas)
    DemoRequest.objects.filter(pk=demo.pk).update(title="Renamed")
    assert DemoRequest.objects.get(pk=demo.pk).title == "Renamed"


def test_one_transition_does_not_open_the_door_for_another_row(personas):
    first, second = submitted(personas), submitted(personas)
    with pytest.raises(DatabaseError), transaction.atomic():
        locked = DemoRequest.objects.select_for_update().get(pk=first.pk)
        locked.withdraw()
        locked.save()
        DemoRequest.objects.filter(pk=second.pk).update(state="approved")
    assert DemoRequest.objects.get(pk=second.pk).state == "submitted"


def test_the_services_change_state_through_transitions(personas):
    demo = submitted(personas)
    req = Request.objects.get(kind="demo", object_id=demo.pk)
    item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    inbox.task_approve(task_id=item.pk, actor=item.assignee or personas["east_mgr"])
    assert DemoRequest.objects.get(pk=demo.pk).state != "submitted"
