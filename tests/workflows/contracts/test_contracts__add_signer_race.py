"""Real threads on PostgreSQL: the legal reviewer's "add a signer" and their approval of the
same stage task at the same moment (two tabs, or the API and the page). The process row lock
serialises them: either the approval wins (the branch reaches the join, the add is refused
with 409) or the add wins (before: the task is deferred to the added signer and the approval
is refused with 409; alongside: the approval is the holder's signature only) — and no sign-off
opens before the added signer approved."""

import pytest

from core.audit.models import AuditEvent
from core.exceptions import StateConflictError
from core.inbox import actions
from core.inbox import services as inbox
from core.inbox.models import Decision, WorkItem, WorkItemStatus
from core.org.models import User
from tests.core.inbox.helpers import run_together, verify_in_own_connection

from .conftest import item, request_of

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def as_user(username, call):
    def run():
        return call(User.objects.get(username=username))  # this thread's own connection
    return run


@pytest.mark.parametrize("position", ["before", "alongside"])
def test_add_signer_or_approve_on_a_stage_never_both_when_they_race(personas, in_parallel,
                                                                     position):
    south = personas["south_mgr"]
    seen = set()
    for _ in range(8):
        contract = in_parallel()
        legal = item(contract, "legal_review")
        inbox.task_claim(task_id=legal.pk, actor=personas["legal"])
        inbox.task_approve(task_id=item(contract, "credit_review").pk,
                           actor=personas["finance"])

        approved, added = run_together([
            as_user("legal", lambda u, pk=legal.pk: inbox.task_approve(task_id=pk, actor=u)),
            as_user("legal", lambda u, pk=legal.pk: actions.task_add_signer(
                task_id=pk, actor=u, signers=[south], position=position, reason="复核")),
        ])

        row = WorkItem.objects.get(pk=legal.pk)
        req = request_of(contract)
        opened = [(i.step_code, i.assignee_id) for i in WorkItem.objects.filter(
            request=req, status=WorkItemStatus.OPEN).order_by("pk")]
        if isinstance(added, StateConflictError):  # approved first: the stage was decided
            assert isinstance(approved, WorkItem), approved
            assert row.decision == Decision.APPROVED and req.stages == {}
            assert opened == [("sales_gm", personas["gm"].pk)]
            seen.add("approved")
            continue
        assert isinstance(added, WorkItem), added
        # added first: the sign-off waits for the added signer whatever the approval did
        assert opened == [("legal_review", south.pk)]
        assert not WorkItem.objects.filter(request=req, step_code="sales_gm").exists()
        if position == "before":
            # the holder's task was deferred: their approval found it closed
            assert isinstance(approved, StateConflictError), approved
            assert row.decision == Decision.DEFERRED
        else:
            # alongside: the holder's approval counted as their signature, nothing more
            assert isinstance(approved, WorkItem), approved
            assert row.decision == Decision.APPROVED
            assert AuditEvent.objects.filter(event="contract.countersigned").exists()
        seen.add("added")
    assert verify_in_own_connection().ok
    assert seen
