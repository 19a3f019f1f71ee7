"""加签 on the contract's legal review, a stage of the parallel split (not a chain step): the
reviewer adds signers before, after or alongside; the branch reaches the join only when every
signer of the stage approved, and a signer's rejection or return acts as the reviewer's."""

from decimal import Decimal

import pytest

from core import engine
from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, SegregationOfDutiesError
from core.inbox import actions
from core.inbox import services as inbox
from core.inbox.models import Decision, RequestStatus, WorkItem, WorkItemStatus
from core.inbox.selectors import request_route
from tests.core.inbox.helpers import no_audit_event, one_audit_event
from workflows.contracts.models import ContractState

from .conftest import fresh, item, open_items, request_of

pytestmark = pytest.mark.django_db


def legal_task(contract, personas, who="legal"):
    task = item(contract, "legal_review")
    inbox.task_claim(task_id=task.pk, actor=personas[who])
    return WorkItem.objects.get(pk=task.pk)


def add(task, actor, signers, position, **kw):
    return actions.task_add_signer(task_id=task.pk, actor=actor, signers=signers,
                                   position=position, reason="条款涉及出口管制，请复核", **kw)


def mine(contract, user):
    return WorkItem.objects.get(request=request_of(contract), status=WorkItemStatus.OPEN,
                                assignee=user)


def test_before_me_the_added_signer_decides_first_then_the_review_comes_back(
        personas, in_parallel, django_capture_on_commit_callbacks):
    contract = in_parallel()
    legal, south = personas["legal"], personas["south_mgr"]
    task = legal_task(contract, personas)

    with one_audit_event("contract.signer_added") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        add(task, legal, [south], "before", sla_hours=Decimal("8"))

    assert audit["event"].data["position"] == "before" and audit["event"].data["stage"]
    task.refresh_from_db()
    assert task.status == WorkItemStatus.DONE and task.decision == Decision.DEFERRED
    theirs = mine(contract, south)
    assert theirs.step_code == "legal_review" and theirs.due is not None
    assert "(added signer)" in theirs.step_label
    req = request_of(contract)
    assert south.pk in req.waiting_on_ids and legal.pk not in req.waiting_on_ids
    # the holder waits: nothing of theirs to decide, the route shows them after the signer
    assert not WorkItem.objects.filter(request=req, status="open", assignee=legal).exists()
    legal_stops = [b for s in request_route(req) for b in (s.branches or [s])
                   if b.code == "legal_review"]
    assert [(b.who, b.state) for b in legal_stops] == [(str(south), "current"),
                                                       (str(legal), "waiting")]

    with one_audit_event("contract.countersigned"):
        inbox.task_approve(task_id=theirs.pk, actor=south, comment="可以")

    back = mine(contract, legal)
    assert back.step_code == "legal_review" and back.pk != task.pk
    assert {i.step_code for i in open_items(contract)} == {"legal_review", "credit_review"}
    with one_audit_event("contract.step_approved"):
        inbox.task_approve(task_id=back.pk, actor=legal)
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    (sign_off,) = open_items(contract)
    assert sign_off.step_code == "sales_gm"


def test_after_me_the_branch_waits_for_the_added_signer(personas, in_parallel):
    contract = in_parallel()
    legal, south = personas["legal"], personas["south_mgr"]
    task = legal_task(contract, personas)
    add(task, legal, [south], "after")
    assert mine(contract, legal).pk == task.pk  # still the holder's to decide first
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])

    with one_audit_event("contract.countersigned"):
        inbox.task_approve(task_id=task.pk, actor=legal)

    theirs = mine(contract, south)
    assert [i.step_code for i in open_items(contract)] == ["legal_review"]  # no sign-off yet
    inbox.task_approve(task_id=theirs.pk, actor=south)
    (sign_off,) = open_items(contract)
    assert sign_off.step_code == "sales_gm"


def test_alongside_me_both_must_approve(personas, in_parallel):
    contract = in_parallel()
    legal, south = personas["legal"], personas["south_mgr"]
    task = legal_task(contract, personas)
    add(task, legal, [south], "alongside")
    theirs = mine(contract, south)
    assert "(co-signer)" in theirs.step_label
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    inbox.task_approve(task_id=theirs.pk, actor=south)
    assert [i.pk for i in open_items(contract)] == [task.pk]
    inbox.task_approve(task_id=task.pk, actor=legal)
    assert [i.step_code for i in open_items(contract)] == ["sales_gm"]


def test_an_added_signers_rejection_rejects_the_contract(personas, in_parallel):
    contract = in_parallel()
    legal, south = personas["legal"], personas["south_mgr"]
    add(legal_task(contract, personas), legal, [south], "alongside")

    inbox.task_reject(task_id=mine(contract, south).pk, actor=south, reason="条款违规")

    assert fresh(contract).state == ContractState.REJECTED
    assert request_of(contract).status == RequestStatus.REJECTED
    assert open_items(contract) == []
    event = AuditEvent.objects.get(event="contract.rejected")
    assert event.actor_id == south.pk and event.data["stage"]["cancelled"]


def test_an_added_signers_return_goes_to_the_owner(personas, in_parallel):
    contract = in_parallel()
    legal, south = personas["legal"], personas["south_mgr"]
    add(legal_task(contract, personas), legal, [south], "before")

    inbox.task_return(task_id=mine(contract, south).pk, actor=south, reason="补充附件")

    assert fresh(contract).state == ContractState.RETURNED
    assert [i.is_revision for i in open_items(contract)] == [True]


@pytest.mark.parametrize("who,error", [
    ("east_rep1", SegregationOfDutiesError),   # the submitter
    ("east_mgr", SegregationOfDutiesError),    # decided the regional review
    ("finance", InvalidInputError),            # holds the parallel credit review
    ("gm", InvalidInputError),                 # signs the chain ahead (sign-off)
    ("legal", InvalidInputError),              # the holder
])
def test_refused_signers_on_a_stage(personas, in_parallel, who, error):
    contract = in_parallel()
    task = legal_task(contract, personas)
    inbox.task_claim(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    with no_audit_event(), pytest.raises(error) as exc:
        add(task, personas["legal"], [personas[who]], "after")
    assert "signers" in exc.value.fields
    assert engine.Request.objects.get(pk=request_of(contract).pk).stages == {}


def test_a_queue_task_is_claimed_before_adding(personas, in_parallel):
    from core.exceptions import NotYourTaskError

    contract = in_parallel()
    with no_audit_event(), pytest.raises(NotYourTaskError):
        add(item(contract, "legal_review"), personas["legal"], [personas["south_mgr"]],
            "before")
