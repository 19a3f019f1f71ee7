"""Races on PostgreSQL for steps several sign at once: real threads, real commits."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.authority.models import AuthorityBand, AuthorityMatrix
from core.exceptions import StateConflictError
from core.inbox import actions, services
from core.inbox.models import WorkItem, WorkItemStatus
from core.org.models import Role, RoleAssignment, User

from .helpers import open_item, open_items, run_together, verify_in_own_connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def legal_panel(personas):
    """Kind demo: legal signed by 2 of its 3 holders, then the sales GM."""
    third = User.objects.create_user(username="legal3", display_name="法务三",
                                     email="l3@example.com", manager=personas["legal"])
    RoleAssignment.objects.create(user=third, role=Role.LEGAL)
    AuthorityMatrix.objects.filter(kind="demo").delete()
    matrix = AuthorityMatrix.objects.create(kind="demo")
    AuthorityBand.objects.create(matrix=matrix, min_amount=Decimal("0"), max_amount=None,
                                 steps=[Role.LEGAL, Role.SALES_GM], quorums={Role.LEGAL: 2})
    return {"legal": personas["legal"], "legal2": personas["legal2"], "legal3": third}


def test_three_signers_at_once_on_two_of_three_open_exactly_one_next_step(submit, legal_panel):
    for _ in range(5):
        req = submit()
        tasks = {i.assignee_id: i for i in open_items(req)}
        assert len(tasks) == 3

        outcomes = run_together([
            lambda who=who, tasks=tasks: services.task_approve(task_id=tasks[who.pk].pk,
                                                               actor=who)
            for who in legal_panel.values()])

        won = [o for o in outcomes if isinstance(o, WorkItem)]
        refused = [o for o in outcomes if not isinstance(o, WorkItem)]
        assert len(won) == 2, outcomes
        assert len(refused) == 1 and isinstance(refused[0], StateConflictError), refused
        nxt = open_items(req)
        assert [(i.step_code, i.step_index) for i in nxt] == [("sales_gm", 1)]
        rows = WorkItem.objects.filter(pk__in=[t.pk for t in tasks.values()])
        assert sorted(r.status for r in rows) == ["cancelled", "done", "done"]
        events = list(AuditEvent.objects.filter(subject_id=str(req.object_id))
                      .values_list("event", flat=True))
        assert events.count("demo.countersigned") == 1
        assert events.count("demo.step_approved") == 1
    assert verify_in_own_connection().ok


def test_the_last_two_signers_at_once_open_one_next_step(submit, legal_panel):
    req = submit()
    tasks = {i.assignee_id: i for i in open_items(req)}
    first, *rest = legal_panel.values()
    services.task_approve(task_id=tasks[first.pk].pk, actor=first)

    outcomes = run_together([
        lambda who=who: services.task_approve(task_id=tasks[who.pk].pk, actor=who)
        for who in rest])

    assert sum(isinstance(o, WorkItem) for o in outcomes) == 1, outcomes
    assert sum(isinstance(o, StateConflictError) for o in outcomes) == 1, outcomes
    assert [i.step_code for i in open_items(req)] == ["sales_gm"]
    assert verify_in_own_connection().ok


def test_add_signer_alongside_or_approve_one_wins_cleanly(submit, personas):
    mgr, legal = personas["east_mgr"], personas["legal"]
    seen = set()
    for _ in range(8):
        req = submit()
        item = open_item(req)

        approved, added = run_together([
            lambda item=item: services.task_approve(task_id=item.pk, actor=mgr),
            lambda item=item: actions.task_add_signer(task_id=item.pk, actor=mgr,
                                                      signers=[legal], position="alongside",
                                                      reason="请法务会签"),
        ])

        req.refresh_from_db()
        opened = open_items(req)
        row = WorkItem.objects.get(pk=item.pk)
        if isinstance(added, StateConflictError):
            # approved first: decided, nothing added
            assert isinstance(approved, WorkItem), approved
            assert req.status == "approved" and not opened
            assert "quorum" not in req.chain[0]
            seen.add("approved")
        else:
            assert isinstance(added, WorkItem), added
            assert req.chain[0]["quorum"] == 2 and len(req.chain[0]["tasks"]) == 2
            if isinstance(approved, WorkItem):
                # added first, then the holder's approval was their vote: legal's task is open
                assert row.status == WorkItemStatus.DONE and req.status == "in_review"
                assert [i.assignee_id for i in opened] == [legal.pk]
                seen.add("added, then voted")
            else:
                raise AssertionError(approved)
    assert verify_in_own_connection().ok
    assert seen


def test_add_signer_after_me_or_approve_never_half_applied(submit, personas):
    mgr, legal = personas["east_mgr"], personas["legal"]
    seen = set()
    for _ in range(8):
        req = submit()
        item = open_item(req)

        approved, added = run_together([
            lambda item=item: services.task_approve(task_id=item.pk, actor=mgr),
            lambda item=item: actions.task_add_signer(task_id=item.pk, actor=mgr,
                                                      signers=[legal], position="after",
                                                      reason="请法务复核"),
        ])

        req.refresh_from_db()
        assert isinstance(approved, WorkItem), approved  # the approval always stands
        codes = [s["code"] for s in req.chain]
        if isinstance(added, StateConflictError):
            # approved first: the request is done, the chain as it was
            assert codes == ["line_manager"] and req.status == "approved"
            seen.add("approved first")
        else:
            # added first: the approval then opened the added signer's step
            assert isinstance(added, WorkItem), added
            assert codes == ["line_manager", "added_signer"]
            assert [(i.step_code, i.assignee_id) for i in open_items(req)] == [
                ("added_signer", legal.pk)]
            seen.add("added first")
    assert verify_in_own_connection().ok
    assert seen


def test_two_rejections_at_once_on_two_of_three_reject_exactly_once(submit, legal_panel):
    for _ in range(5):
        req = submit()
        tasks = {i.assignee_id: i for i in open_items(req)}
        first, second, third = legal_panel.values()

        outcomes = run_together([
            lambda who=who, tasks=tasks: services.task_reject(task_id=tasks[who.pk].pk,
                                                              actor=who, reason="条款不符")
            for who in (first, second)])

        # the first is a vote (2 of 3 still reachable), the second makes it unreachable
        assert all(isinstance(o, WorkItem) for o in outcomes), outcomes
        req.refresh_from_db()
        assert req.status == "rejected" and not open_items(req)
        assert WorkItem.objects.get(pk=tasks[third.pk].pk).status == WorkItemStatus.CANCELLED
        events = list(AuditEvent.objects.filter(subject_id=str(req.object_id))
                      .values_list("event", flat=True))
        assert events.count("demo.countersigned") == 1
        assert events.count("demo.rejected") == 1
        assert "demo.step_approved" not in events
    assert verify_in_own_connection().ok
