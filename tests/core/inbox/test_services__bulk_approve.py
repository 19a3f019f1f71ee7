import pytest

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox import services
from core.inbox.models import Decision, RequestStatus, WorkItem, WorkItemStatus

from .helpers import open_item

pytestmark = pytest.mark.django_db


def test_each_task_decided_on_its_own_when_batch_mixes_good_and_bad(submit, personas):
    mgr = personas["east_mgr"]
    good1 = open_item(submit("east_rep1", "800"))
    good2 = open_item(submit("east_rep2", "1200"))
    own = open_item(submit("east_mgr", "900"))  # east_mgr's own request, waiting on gm
    decided_req = submit("east_rep1", "300")
    decided = open_item(decided_req)
    services.task_approve(task_id=decided.pk, actor=mgr)
    later = open_item(submit("east_rep2", "700"))
    before = AuditEvent.objects.count()

    results = services.tasks_bulk_approve(
        task_ids=[good1.pk, own.pk, decided.pk, good2.pk, later.pk, good1.pk], actor=mgr,
        comment="batch",
    )

    assert [(r.task_id, r.ok, r.code) for r in results] == [
        (good1.pk, True, ""),
        (own.pk, False, "segregation_of_duties"),
        (decided.pk, False, "state_conflict"),
        (good2.pk, True, ""),
        (later.pk, True, ""),
    ]
    assert all(r.detail for r in results if not r.ok)
    # A failure in the middle does not undo the approvals before it.
    for item in (good1, good2, later):
        item.refresh_from_db()
        assert (item.status, item.decision, item.comment) == (
            WorkItemStatus.DONE, Decision.APPROVED, "batch")
        assert item.request.status == RequestStatus.APPROVED
    own.refresh_from_db()
    assert own.is_open and own.assignee == personas["gm"]
    assert AuditEvent.objects.count() - before == 3
    assert set(AuditEvent.objects.order_by("-seq")[:3].values_list("event", flat=True)) == {
        "demo.approved"}
    assert verify_all(save=False).ok


def test_not_your_task_reported_when_batch_holds_someone_elses_task(submit, personas):
    mine = open_item(submit("east_rep1", "800"))
    theirs = open_item(submit("south_rep1", "800"))

    results = services.tasks_bulk_approve(task_ids=[theirs.pk, mine.pk],
                                          actor=personas["east_mgr"])

    assert [(r.ok, r.code) for r in results] == [(False, "not_your_task"), (True, "")]
    assert WorkItem.objects.get(pk=theirs.pk).is_open


def test_not_found_reported_when_batch_holds_unknown_id(personas):
    results = services.tasks_bulk_approve(task_ids=[424242], actor=personas["east_mgr"])

    assert [(r.task_id, r.ok, r.code) for r in results] == [(424242, False, "not_found")]
