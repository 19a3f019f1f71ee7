"""会签 / 或签 / n-of-m: a chain step that several people sign at once (core/inbox/quorum.py)."""

from decimal import Decimal

import pytest

from core import engine
from core.audit.models import AuditEvent
from core.authority.models import AuthorityBand, AuthorityMatrix
from core.exceptions import StateConflictError
from core.inbox import services
from core.inbox.models import Decision, Notification, RequestStatus, WorkItem, WorkItemStatus
from core.inbox.selectors import request_route
from core.org.models import Role, RoleAssignment, User

from .helpers import open_item, open_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal3(personas):
    user = User.objects.create_user(username="legal3", display_name="法务三",
                                    email="l3@example.com", manager=personas["legal"])
    RoleAssignment.objects.create(user=user, role=Role.LEGAL)
    return user


def quorum_matrix(quorum):
    """Kind demo: the line manager, then legal signed by `quorum` ("all" or n) of its holders."""
    AuthorityMatrix.objects.filter(kind="demo").delete()
    matrix = AuthorityMatrix.objects.create(kind="demo")
    AuthorityBand.objects.create(matrix=matrix, min_amount=Decimal("0"), max_amount=None,
                                 steps=["line_manager", Role.LEGAL],
                                 quorums={Role.LEGAL: quorum})
    return matrix


def at_legal(submit, personas):
    req = submit()
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    req.refresh_from_db()
    return req


def by_holder(req):
    return {i.assignee.username: i for i in open_items(req)}


def test_two_of_three_two_approvals_decide_and_the_third_is_told(
        submit, personas, legal3, django_capture_on_commit_callbacks):
    quorum_matrix(2)
    req = at_legal(submit, personas)
    assert req.chain[1]["quorum"] == 2 and len(req.chain[1]["tasks"]) == 3
    tasks = by_holder(req)
    assert set(tasks) == {"legal", "legal2", "legal3"}
    assert req.current_step == "legal" and len(req.waiting_on_ids) == 3

    services.task_approve(task_id=tasks["legal"].pk, actor=personas["legal"])
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW and set(by_holder(req)) == {"legal2", "legal3"}
    vote = AuditEvent.objects.filter(event="demo.countersigned").get()
    assert vote.data["quorum"] == {"needed": 2, "of": 3, "approved": 1, "rejected": 0}

    with django_capture_on_commit_callbacks(execute=True):
        services.task_approve(task_id=tasks["legal2"].pk, actor=personas["legal2"])

    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED and not open_items(req)
    third = WorkItem.objects.get(pk=tasks["legal3"].pk)
    assert third.status == WorkItemStatus.CANCELLED
    told = Notification.objects.get(recipient=legal3, kind="decided")
    assert "no longer needed" in told.display
    final = AuditEvent.objects.filter(event="demo.approved").get()
    assert final.data["quorum"]["approved"] == 2 and final.data["quorum"]["cancelled"] == [
        third.pk]
    with pytest.raises(StateConflictError):
        services.task_approve(task_id=third.pk, actor=legal3)


def test_two_of_three_two_rejections_reject(submit, personas, legal3):
    quorum_matrix(2)
    req = at_legal(submit, personas)
    tasks = by_holder(req)

    services.task_reject(task_id=tasks["legal"].pk, actor=personas["legal"], reason="条款不妥")
    req.refresh_from_db()
    # 3 − 1 = 2 may still approve: the step is still open
    assert req.status == RequestStatus.IN_REVIEW and len(open_items(req)) == 2

    services.task_reject(task_id=tasks["legal3"].pk, actor=legal3, reason="同意上面")
    req.refresh_from_db()
    assert req.status == RequestStatus.REJECTED and not open_items(req)
    assert WorkItem.objects.get(pk=tasks["legal2"].pk).status == WorkItemStatus.CANCELLED
    assert AuditEvent.objects.filter(event="demo.rejected").count() == 1


def test_a_rejection_then_two_approvals_still_approve(submit, personas, legal3):
    quorum_matrix(2)
    req = at_legal(submit, personas)
    tasks = by_holder(req)
    services.task_reject(task_id=tasks["legal2"].pk, actor=personas["legal2"], reason="不同意")
    services.task_approve(task_id=tasks["legal"].pk, actor=personas["legal"])
    services.task_approve(task_id=tasks["legal3"].pk, actor=legal3)
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_all_of_them_one_rejection_decides(submit, personas, legal3):
    quorum_matrix("all")
    req = at_legal(submit, personas)
    assert req.chain[1]["quorum"] == 3
    tasks = by_holder(req)
    services.task_approve(task_id=tasks["legal"].pk, actor=personas["legal"])
    services.task_reject(task_id=tasks["legal2"].pk, actor=personas["legal2"], reason="不行")
    req.refresh_from_db()
    assert req.status == RequestStatus.REJECTED and not open_items(req)


def test_a_return_by_one_signer_returns_the_step(submit, personas, legal3):
    quorum_matrix(2)
    req = at_legal(submit, personas)
    tasks = by_holder(req)
    services.task_approve(task_id=tasks["legal"].pk, actor=personas["legal"])
    services.task_return(task_id=tasks["legal2"].pk, actor=personas["legal2"], reason="补材料")
    req.refresh_from_db()
    assert req.status == RequestStatus.RETURNED
    assert [i.is_revision for i in open_items(req)] == [True]


def test_a_quorum_larger_than_the_signers_today_needs_all_of_them(submit, personas):
    quorum_matrix(3)  # only legal and legal2 hold the role
    req = at_legal(submit, personas)
    assert req.chain[1]["quorum"] == 2 and "all of them must" in req.chain[1]["note"]


def test_the_route_shows_two_of_three_and_each_signers_state(submit, personas, legal3):
    quorum_matrix(2)
    req = at_legal(submit, personas)
    tasks = by_holder(req)
    services.task_approve(task_id=tasks["legal"].pk, actor=personas["legal"])
    req.refresh_from_db()

    route = request_route(req)
    group = next(s for s in route if s.is_group)
    assert group.mode_label == "2 of 3 must approve (1 so far)"
    assert group.state == "current"
    assert [(b.who, b.state) for b in group.branches] == [
        ("郭琳", "done"), ("马超", "current"), ("法务三", "current")]


def test_a_decided_step_shows_the_cancelled_signer_as_not_needed(submit, personas, legal3):
    quorum_matrix(2)
    req = at_legal(submit, personas)
    tasks = by_holder(req)
    services.task_approve(task_id=tasks["legal"].pk, actor=personas["legal"])
    services.task_approve(task_id=tasks["legal3"].pk, actor=legal3)
    req.refresh_from_db()
    group = next(s for s in request_route(req) if s.is_group)
    assert group.state == "done"
    assert [b.state for b in group.branches] == ["done", "not_needed", "done"]
    assert engine.describe_event(AuditEvent.objects.get(event="demo.countersigned"))
    assert WorkItem.objects.get(pk=tasks["legal3"].pk).decision == Decision.APPROVED


def test_a_step_to_come_already_says_two_of_three(submit, personas, legal3):
    quorum_matrix(2)
    req = submit()
    upcoming = [s for s in request_route(req) if s.state == "upcoming"]
    assert [s.mode_label for s in upcoming] == ["2 of 3 must approve (0 so far)"]
