"""The whole route of a claim (policy 7.2): submit → the chain from the authority matrix →
finance voucher review (a queue for finance, never the submitter) → payment (Celery, eager in
tests) → done; one audit event per state change, and the chains verify."""

from decimal import Decimal

import pytest
from viewflow.workflow.status import PROCESS

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.exceptions import NotYourTaskError, StateConflictError
from core.inbox import services as inbox
from core.inbox.models import Notification, RequestStatus
from workflows.expenses.models import ClaimState, Reservation
from workflows.expenses.services import claim_submit

from .helpers import (
    YEAR,
    balance,
    fresh,
    last_seq,
    one_audit_event,
    open_item,
    request_of,
    timeline,
)

pytestmark = pytest.mark.django_db


def test_paid_with_reference_and_done_when_claim_goes_through_the_whole_route(
    travel_budget, draft, personas, django_capture_on_commit_callbacks
):
    claim = draft("east_rep1", "860.00")
    with one_audit_event("expense.submitted"):
        claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    number = fresh(claim).number
    assert number == f"BX-{YEAR}-000001"

    # 1. The line manager.
    item = open_item(claim)
    assert (item.step_code, item.assignee) == ("line_manager", personas["east_mgr"])
    with one_audit_event("expense.step_approved") as audit:
        inbox.task_approve(task_id=item.pk, actor=personas["east_mgr"], comment="同意")
    assert (audit["event"].from_state, audit["event"].to_state) == ("submitted", "approved")
    assert fresh(claim).state == ClaimState.APPROVED

    # 2. Finance voucher review: a queue for both finance people.
    review = open_item(claim)
    assert review.step_code == "finance_review" and review.assignee is None
    assert {u.username for u in review.candidates.all()} == {"finance", "finance_clerk"}
    req = request_of(claim)
    assert req.current_step == "finance_review"
    assert {u.username for u in req.waiting_on.all()} == {"finance", "finance_clerk"}
    assert balance("M03").reserved == Decimal("860.00")

    # 3. Finance approves; the payment job runs once the decision commits.
    before = last_seq()
    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=review.pk, actor=personas["finance"], comment="凭证齐全")
    new = list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))
    assert [(e.event, e.from_state, e.to_state) for e in new] == [
        ("expense.step_approved", "approved", "voucher_approved"),
        ("expense.paid", "voucher_approved", "paid"),
    ]
    assert new[1].actor is None and new[1].data == {"reference": f"PAY-{number}"}

    claim = fresh(claim)
    assert claim.state == ClaimState.PAID
    assert claim.payment_reference == f"PAY-{number}"
    assert claim.paid_at is not None and claim.payment_error == ""
    assert claim.approved_total == Decimal("860.00")
    (res,) = Reservation.objects.filter(claim=claim)
    assert (res.state, res.amount) == (Reservation.State.SPENT, Decimal("860.00"))
    for period in ("M03", "Q1"):
        row = balance(period)
        assert (row.reserved, row.spent) == (Decimal("0.00"), Decimal("860.00"))
    req = request_of(claim)
    assert req.status == RequestStatus.DONE
    assert req.process.status == PROCESS.DONE
    assert req.current_step == "" and req.waiting_on.count() == 0
    assert Notification.objects.filter(recipient=personas["east_rep1"],
                                       dedupe_key__startswith=f"paid:{claim.pk}:").count() == 1

    assert timeline(claim) == ["expense.drafted", "expense.submitted", "expense.step_approved",
                               "expense.step_approved", "expense.paid"]
    result = verify_all(save=False)
    assert result.ok, result.first_broken
    assert result.events_checked == AuditEvent.objects.count()


def test_sales_gm_approves_after_line_manager_when_chain_has_two_steps(
    travel_budget, submitted, personas
):
    claim = submitted("east_rep1", "6400.00")

    with one_audit_event("expense.step_approved") as audit:
        inbox.task_approve(task_id=open_item(claim).pk, actor=personas["east_mgr"])
    assert audit["event"].to_state == ""  # an intermediate step moves no state
    assert fresh(claim).state == ClaimState.SUBMITTED
    item = open_item(claim)
    assert (item.step_code, item.assignee) == ("sales_gm", personas["gm"])

    with one_audit_event("expense.step_approved") as audit:
        inbox.task_approve(task_id=item.pk, actor=personas["gm"])

    assert (audit["event"].from_state, audit["event"].to_state) == ("submitted", "approved")
    assert fresh(claim).state == ClaimState.APPROVED
    assert open_item(claim).step_code == "finance_review"


# finance_clerk's line manager is finance, who approved the first step: four eyes over the
# request's steps (issue 17) bar them from the review too, so with no one else it goes to the
# administrators. finance's own claim goes to the only other finance person.
@pytest.mark.parametrize("submitter, reviewer", [("finance_clerk", "admin"),
                                                 ("finance", "finance_clerk")])
def test_submitter_never_a_finance_candidate_when_finance_person_claims_expenses(
    make_budget, standards, policies, submitted, through_chain, personas, submitter, reviewer
):
    make_budget("travel", department="finance")
    claim = submitted(submitter, "500.00")

    review = through_chain(claim)

    assert review.step_code == "finance_review"
    # The one person left gets the task directly; the submitter is nowhere on it.
    assert review.assignee == personas[reviewer]
    assert personas[submitter] not in review.candidates.all()
    assert [u.username for u in request_of(claim).waiting_on.all()] == [reviewer]


def test_only_the_claimer_decides_when_finance_clerk_claims_the_review(
    travel_budget, submitted, through_chain, personas
):
    claim = submitted()
    review = through_chain(claim)

    with one_audit_event("expense.task_claimed"):
        inbox.task_claim(task_id=review.pk, actor=personas["finance_clerk"])

    with pytest.raises(NotYourTaskError):
        inbox.task_approve(task_id=review.pk, actor=personas["finance"])
    with pytest.raises(StateConflictError):
        inbox.task_claim(task_id=review.pk, actor=personas["finance"])

    inbox.task_approve(task_id=review.pk, actor=personas["finance_clerk"])
    # The payment job is queued on commit, which this test's transaction never reaches.
    assert fresh(claim).state == ClaimState.VOUCHER_APPROVED
    assert fresh(claim).approved_total == Decimal("860.00")


def test_audit_trail_verifies_when_several_claims_end_in_different_ways(
    travel_budget, submitted, through_chain, personas, django_capture_on_commit_callbacks
):
    paid = submitted("east_rep1", "860.00")
    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=through_chain(paid).pk, actor=personas["finance"])
    rejected = submitted("east_rep2", "120.00")
    inbox.task_reject(task_id=open_item(rejected).pk, actor=personas["east_mgr"],
                      reason="not a company expense")
    withdrawn = submitted("south_rep1", "99.00")
    inbox.request_withdraw(request_id=request_of(withdrawn).pk, actor=personas["south_rep1"])

    assert timeline(paid)[-1] == "expense.paid"
    assert timeline(rejected) == ["expense.drafted", "expense.submitted", "expense.rejected"]
    assert timeline(withdrawn) == ["expense.drafted", "expense.submitted", "expense.withdrawn"]
    assert balance("M03").reserved == 0 and balance("M03").spent == Decimal("860.00")
    assert verify_all(save=False).ok
