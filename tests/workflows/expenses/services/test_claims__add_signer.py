"""加签 on finance's voucher review, the stage after the chain (not a chain step): the claim is
paid only when every signer of the review approved; an added signer's return or rejection acts
as finance's."""

from decimal import Decimal

import pytest

from core.inbox import actions
from core.inbox import services as inbox
from core.inbox.models import Decision, RequestStatus, WorkItem, WorkItemStatus
from core.inbox.selectors import request_route
from workflows.expenses.models import ClaimState

from .helpers import fresh, one_audit_event, open_item, open_items, request_of, timeline

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(travel_budget, submitted, through_chain, personas):
    """A claim at the voucher review, claimed by finance."""
    claim = submitted("east_rep1", "860.00")
    item = through_chain(claim)
    inbox.task_claim(task_id=item.pk, actor=personas["finance"])
    return claim, WorkItem.objects.get(pk=item.pk)


def add(item, actor, signers, position, **kw):
    return actions.task_add_signer(task_id=item.pk, actor=actor, signers=signers,
                                   position=position, reason="发票金额需复核", **kw)


def test_before_me_legal_checks_first_then_finance_approves_and_it_is_paid(
        review, personas, django_capture_on_commit_callbacks):
    claim, item = review
    finance, legal = personas["finance"], personas["legal"]
    with one_audit_event("expense.signer_added"):
        add(item, finance, [legal], "before", sla_hours=Decimal("4"))
    theirs = open_item(claim)
    assert theirs.assignee == legal and theirs.step_code == "finance_review"
    stops = [b for s in request_route(request_of(claim)) for b in (s.branches or [s])
             if b.code == "finance_review"]
    assert [(b.who, b.state) for b in stops] == [(str(legal), "current"),
                                                 (str(finance), "waiting")]

    with one_audit_event("expense.countersigned"):
        inbox.task_approve(task_id=theirs.pk, actor=legal)
    assert fresh(claim).state == ClaimState.APPROVED  # not yet through the voucher review
    back = open_item(claim)
    assert back.assignee == finance and back.pk != item.pk

    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=back.pk, actor=finance)
    assert fresh(claim).state == ClaimState.PAID
    assert request_of(claim).status == RequestStatus.DONE
    assert timeline(claim)[-4:] == ["expense.signer_added", "expense.countersigned",
                                    "expense.step_approved", "expense.paid"]
    assert WorkItem.objects.get(pk=item.pk).decision == Decision.DEFERRED


def test_after_me_the_added_signer_returns_it_to_the_submitter(review, personas):
    claim, item = review
    finance, gm = personas["finance"], personas["gm"]
    add(item, finance, [gm], "after")
    inbox.task_approve(task_id=item.pk, actor=finance)
    assert fresh(claim).state == ClaimState.APPROVED  # no payment yet

    theirs = open_item(claim)
    assert theirs.assignee == gm
    with one_audit_event("expense.returned"):
        inbox.task_return(task_id=theirs.pk, actor=gm, reason="缺少行程单")
    assert fresh(claim).state == ClaimState.RETURNED
    assert [i.is_revision for i in open_items(claim)] == [True]


def test_alongside_me_a_co_signers_rejection_rejects_the_claim(review, personas):
    claim, item = review
    finance, legal = personas["finance"], personas["legal"]
    add(item, finance, [legal], "alongside")
    theirs = next(i for i in open_items(claim) if i.assignee_id == legal.pk)

    inbox.task_reject(task_id=theirs.pk, actor=legal, reason="重复报销")

    assert fresh(claim).state == ClaimState.REJECTED
    assert WorkItem.objects.get(pk=item.pk).status == WorkItemStatus.CANCELLED
    assert open_items(claim) == []
