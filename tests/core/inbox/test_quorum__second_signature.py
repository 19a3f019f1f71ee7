"""One person, one signature on a step several people sign at once (issue 19, n-of-m).

Found by the property machines: a co-signer's task transferred to another co-signer, or a
deputy acting for two co-signers, let one person give both approvals a 2-of-3 step needs. The
transfer is now refused, and so is the second signature (segregation.prior_decisions counts
the votes given on the step since the task opened); the inbox no longer offers it.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.exceptions import ApprovalError, SegregationOfDutiesError
from core.inbox import actions, selectors, services
from core.inbox.models import RequestStatus, WorkItem
from core.org.models import Delegation

from .test_quorum import at_legal, by_holder, legal3, quorum_matrix  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def signers(req) -> list[int]:
    rows = WorkItem.objects.filter(request=req, status="done",
                                   decision__in=["approved", "rejected", "returned"])
    return [p for by, acting in rows.values_list("decided_by_id", "acting_for_id")
            for p in {by, acting} - {None}]


def try_(action) -> bool:
    try:
        action()
    except ApprovalError:
        return False
    return True


def test_nobody_approves_two_of_three_alone_when_a_co_signer_hands_them_their_task(
        submit, personas, legal3):  # noqa: F811
    quorum_matrix(2)
    req = at_legal(submit, personas)
    tasks = by_holder(req)
    legal = personas["legal"]

    with pytest.raises(SegregationOfDutiesError, match="signs this step already"):
        actions.task_transfer(task_id=tasks["legal2"].pk, actor=personas["legal2"],
                              assignee=legal, reason="出差")
    services.task_approve(task_id=tasks["legal"].pk, actor=legal)
    # nor after signing: the manager's reassignment meets the same rule
    with pytest.raises(SegregationOfDutiesError):
        services.task_reassign(task_id=tasks["legal2"].pk, actor=personas["admin"],
                               assignee=legal, reason="出差")
    assert not try_(lambda: services.task_approve(task_id=tasks["legal2"].pk, actor=legal))

    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW
    assert len(signers(req)) == len(set(signers(req))), "one person signed twice"


def test_a_deputy_of_two_co_signers_signs_once(submit, personas, legal3):  # noqa: F811
    quorum_matrix(2)
    req = at_legal(submit, personas)
    tasks = by_holder(req)
    deputy, today = personas["finance"], timezone.localdate()
    for away in ("legal", "legal2"):
        Delegation.objects.create(principal=personas[away], deputy=deputy,
                                  starts_on=today, ends_on=today + timedelta(days=1))

    offered = selectors.tasks_for(deputy, "inbox")
    assert {tasks["legal"].pk, tasks["legal2"].pk} <= set(offered.values_list("pk", flat=True))
    services.task_approve(task_id=tasks["legal"].pk, actor=deputy)
    # the inbox stops offering the other signer's task, and the decision is refused
    assert tasks["legal2"].pk not in set(
        selectors.tasks_for(deputy, "inbox").values_list("pk", flat=True))
    with pytest.raises(SegregationOfDutiesError):
        services.task_approve(task_id=tasks["legal2"].pk, actor=deputy)
    services.task_approve(task_id=tasks["legal2"].pk, actor=personas["legal2"])

    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED  # two people's approvals
    assert len(signers(req)) == len(set(signers(req))), "one person signed twice"
    assert WorkItem.objects.filter(request=req, step_code=tasks["legal"].step_code,
                                   status="done", decision="approved").count() == 2


def test_an_overdue_co_signers_task_climbs_past_who_holds_another_task_of_the_step(
        submit, personas, legal3):  # noqa: F811
    from datetime import datetime

    from core.inbox import timers

    quorum_matrix(2)
    req = at_legal(submit, personas)
    tasks = by_holder(req)
    late = tasks["legal3"]
    assert late.assignee.manager_id == personas["legal"].pk  # the first boss signs already
    later = timezone.make_aware(datetime(2030, 1, 1, 9))
    assert timers.escalate_one(late.pk, late.task.process_id, later)

    late.refresh_from_db()
    holders = [i.assignee_id for i in WorkItem.objects.filter(
        request=req, step_code=late.step_code, status="open")]
    assert late.assignee_id not in (personas["legal"].pk, personas["legal2"].pk)
    assert len(holders) == len(set(holders)) == 3, "one person holds two tasks of the step"
