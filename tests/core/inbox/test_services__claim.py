import pytest
from viewflow.workflow.status import STATUS

from core.exceptions import InvalidInputError, NotYourTaskError, StateConflictError
from core.inbox import selectors, services
from core.inbox.models import Notification, RequestStatus

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("queue_matrix")]


def test_task_queued_for_every_candidate_when_step_has_two_holders(submit, personas, east_queue):
    req = submit()
    item = open_item(req)

    assert item.assignee is None
    assert item.task.status == STATUS.NEW
    assert set(item.candidate_set.values_list("user_id", flat=True)) == {
        personas["east_mgr"].pk, east_queue.pk}
    for user in (personas["east_mgr"], east_queue):
        assert list(selectors.tasks_for(user, selectors.QUEUE)) == [item]
        assert list(selectors.tasks_for(user, selectors.INBOX)) == []
    assert set(req.waiting_on.all()) == {personas["east_mgr"], east_queue}


def test_task_moves_to_claimer_and_others_told_when_candidate_claims(
    submit, personas, east_queue, django_capture_on_commit_callbacks
):
    req = submit()
    item = open_item(req)

    with one_audit_event("demo.task_claimed") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        services.task_claim(task_id=item.pk, actor=east_queue)

    item = open_item(req)
    assert item.assignee == east_queue
    assert item.task.status == STATUS.ASSIGNED
    assert item.task.owner == east_queue
    assert audit["event"].actor == east_queue
    req.refresh_from_db()
    assert list(req.waiting_on.all()) == [east_queue]
    assert list(selectors.tasks_for(east_queue, selectors.INBOX)) == [item]
    assert list(selectors.tasks_for(personas["east_mgr"], selectors.QUEUE)) == []
    claimed = Notification.objects.filter(kind="claimed")
    assert [n.recipient for n in claimed] == [personas["east_mgr"]]


def test_state_conflict_when_task_already_claimed(submit, personas, east_queue):
    req = submit()
    item = open_item(req)
    services.task_claim(task_id=item.pk, actor=east_queue)

    with no_audit_event(), pytest.raises(StateConflictError):
        services.task_claim(task_id=item.pk, actor=personas["east_mgr"])
    assert open_item(req).assignee == east_queue


def test_not_your_task_when_non_candidate_claims(submit, personas):
    req = submit()

    with no_audit_event(), pytest.raises(NotYourTaskError):
        services.task_claim(task_id=open_item(req).pk, actor=personas["south_mgr"])
    assert open_item(req).assignee is None


def test_claimer_recorded_when_candidate_approves_straight_from_queue(submit, personas):
    req = submit()
    item = open_item(req)

    with one_audit_event("demo.approved"):
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])

    item.refresh_from_db()
    assert item.assignee == personas["east_mgr"]
    assert item.decided_by == personas["east_mgr"]
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_not_your_task_when_other_candidate_approves_after_claim(submit, personas, east_queue):
    req = submit()
    item = open_item(req)
    services.task_claim(task_id=item.pk, actor=east_queue)

    with no_audit_event(), pytest.raises(NotYourTaskError):
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])


def test_task_back_in_queue_when_holder_releases(submit, personas, east_queue):
    req = submit()
    item = open_item(req)
    services.task_claim(task_id=item.pk, actor=east_queue)

    with one_audit_event("demo.task_released"):
        services.task_release(task_id=item.pk, actor=east_queue)

    item = open_item(req)
    assert item.assignee is None
    assert item.task.owner is None
    assert item.task.status == STATUS.NEW
    req.refresh_from_db()
    assert set(req.waiting_on.all()) == {personas["east_mgr"], east_queue}
    # ...and anyone in the queue may take it again.
    services.task_claim(task_id=item.pk, actor=personas["east_mgr"])
    assert open_item(req).assignee == personas["east_mgr"]


def test_not_your_task_when_someone_else_releases(submit, personas, east_queue):
    req = submit()
    item = open_item(req)
    services.task_claim(task_id=item.pk, actor=east_queue)

    with no_audit_event(), pytest.raises(NotYourTaskError):
        services.task_release(task_id=item.pk, actor=personas["east_mgr"])
    assert open_item(req).assignee == east_queue


def test_invalid_input_when_releasing_a_directly_assigned_task(submit, personas):
    req = submit(amount="15000")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    gm_item = open_item(req)
    assert gm_item.assignee == personas["gm"]

    with no_audit_event(), pytest.raises(InvalidInputError):
        services.task_release(task_id=gm_item.pk, actor=personas["gm"])


def test_state_conflict_when_claiming_a_decided_task(submit, personas, east_queue):
    req = submit()
    item = open_item(req)
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])

    with no_audit_event(), pytest.raises(StateConflictError):
        services.task_claim(task_id=item.pk, actor=east_queue)


def test_queue_closes_and_task_owned_when_candidate_decides_without_claiming(
        submit, personas, east_queue):
    req = submit()
    item = open_item(req)

    with one_audit_event("demo.approved") as audit:
        services.task_approve(task_id=item.pk, actor=east_queue, comment="同意")

    item.refresh_from_db()
    item.task.refresh_from_db()
    assert (item.assignee, item.decided_by, item.task.owner) == (east_queue, east_queue,
                                                                 east_queue)
    assert audit["event"].data["from_queue"] is True
    assert not item.candidate_set.filter(open=True).exists()
    assert list(selectors.tasks_for(personas["east_mgr"], selectors.QUEUE)) == []


def test_task_claimed_for_the_principal_when_a_deputy_decides_from_the_queue(
        submit, personas, east_queue):
    from .test_services__delegation import delegate

    req = submit()
    item = open_item(req)
    delegate(east_queue, personas["north_mgr"])

    services.task_return(task_id=item.pk, actor=personas["north_mgr"], reason="补充发票")

    item.refresh_from_db()
    assert item.assignee == east_queue  # as a claim by the deputy would have made it
    assert (item.decided_by, item.acting_for) == (personas["north_mgr"], east_queue)
    req.refresh_from_db()
    assert req.status == RequestStatus.RETURNED


def test_no_from_queue_mark_when_the_decided_task_was_claimed_first(submit, personas, east_queue):
    req = submit()
    item = open_item(req)
    services.task_claim(task_id=item.pk, actor=east_queue)

    with one_audit_event("demo.approved") as audit:
        services.task_approve(task_id=item.pk, actor=east_queue)

    assert "from_queue" not in audit["event"].data


def test_taken_at_marks_the_claim_and_a_release_clears_it_for_analytics(
        submit, personas, east_queue):
    """Analytics' waiting time runs from the opening to the claim (docs/analytics.md)."""
    req = submit()
    item = open_item(req)
    assert item.taken_at is None  # in the queue: nobody holds it yet
    services.task_claim(task_id=item.pk, actor=east_queue)
    claimed = open_item(req)
    assert claimed.taken_at is not None and claimed.taken_at >= claimed.created
    services.task_release(task_id=item.pk, actor=east_queue)
    assert open_item(req).taken_at is None
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    item.refresh_from_db()
    assert item.taken_at == item.decided_at  # decided straight from the queue: all waiting


def test_other_candidates_told_who_decided_when_decided_straight_from_queue(
        submit, personas, east_queue, django_capture_on_commit_callbacks):
    req = submit()
    item = open_item(req)

    with django_capture_on_commit_callbacks(execute=True):
        services.task_approve(task_id=item.pk, actor=east_queue, comment="同意")

    told = Notification.objects.filter(dedupe_key__startswith=f"queue-decided:{item.pk}:")
    assert [n.recipient for n in told] == [personas["east_mgr"]]
    note = told.get()
    assert note.params["who"] == str(east_queue) and note.params["decision"] == "approved"
    assert note.target == ["inbox:request", {"request_id": req.pk}]  # not the gone task
    # the decider is not told about their own decision
    assert not Notification.objects.filter(recipient=east_queue,
                                           dedupe_key__startswith="queue-decided:").exists()


def test_nobody_else_told_when_the_decided_task_was_claimed_first(
        submit, personas, east_queue, django_capture_on_commit_callbacks):
    req = submit()
    item = open_item(req)
    services.task_claim(task_id=item.pk, actor=east_queue)

    with django_capture_on_commit_callbacks(execute=True):
        services.task_approve(task_id=item.pk, actor=east_queue)

    # the claim already told them (kind "claimed"); the decision adds nothing for them
    assert not Notification.objects.filter(dedupe_key__startswith="queue-decided:").exists()
