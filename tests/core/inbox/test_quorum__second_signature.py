"""KNOWN BUG (issue 19, n-of-m): one person signs two tasks of a step several sign at once.

Found while extending the property machines (tests/properties/reference.py,
SECOND_SIGNATURE_ALLOWED). A 2-of-3 step needs two people's approvals; today one person can
give both: a co-signer's task transferred (or reassigned, or escalated one level up) to another
co-signer, or a deputy acting for two co-signers, approves each task in turn and the step is
decided on one person's word. Expected: the second signature is refused
(SegregationOfDutiesError), or the transfer is. Strict xfail: remove the marks when fixed, and
set SECOND_SIGNATURE_ALLOWED = False in tests/properties/reference.py.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.exceptions import ApprovalError
from core.inbox import actions, services
from core.inbox.models import RequestStatus, WorkItem
from core.org.models import Delegation

from .test_quorum import at_legal, by_holder, legal3, quorum_matrix  # noqa: F401  (fixture)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.xfail(strict=True, raises=AssertionError,
                      reason="known bug (issue 19): one person may sign two tasks of an n-of-m "
                             "step"),
]


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

    try_(lambda: actions.task_transfer(task_id=tasks["legal2"].pk, actor=personas["legal2"],
                                       assignee=legal, reason="出差"))
    services.task_approve(task_id=tasks["legal"].pk, actor=legal)
    try_(lambda: services.task_approve(task_id=tasks["legal2"].pk, actor=legal))

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

    services.task_approve(task_id=tasks["legal"].pk, actor=deputy)
    try_(lambda: services.task_approve(task_id=tasks["legal2"].pk, actor=deputy))

    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW, "a 2-of-3 step decided by one deputy"
