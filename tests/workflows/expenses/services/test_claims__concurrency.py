"""Real threads, each with its own PostgreSQL connection, committing for real: the budget rows'
SELECT ... FOR UPDATE must make concurrent submissions queue, so that no reservation ever goes
beyond the budget (policy 7.2) and claim numbers stay unique and gap-free."""

import threading
import time
from decimal import Decimal

import pytest

from core.audit.verify import verify_all
from core.inbox.models import DocumentSequence, Notification, Request, RequestStatus
from core.org.models import User
from workflows.expenses.models import ClaimState, ExpenseClaim, ExpenseLine, ItemType, Reservation
from workflows.expenses.services import claim_submit
from workflows.expenses.services.ledger import OverBudgetError

from .helpers import MARCH, YEAR, balance, run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REPS = ["east_rep1", "east_rep2", "east_rep3", "south_rep1", "south_rep2", "north_rep1",
        "north_rep2"]
THREADS = 32


def bulk_drafts(count: int, amount: str) -> list[ExpenseClaim]:
    """`count` drafts of one transport line each, by the reps in turn, written as claim_create
    writes them (claim, line, request header) but in three bulk inserts and without the
    'expense.drafted' audit events: claim_create one by one would take most of the test."""
    reps = list(User.objects.filter(username__in=REPS).order_by("username"))
    amount = Decimal(amount)
    claims = ExpenseClaim.objects.bulk_create([
        ExpenseClaim(submitter=rep, department_id=rep.department_id, category="travel",
                     title=f"客户拜访 {i}", expense_date=MARCH, total=amount)
        for i, rep in ((i, reps[i % len(reps)]) for i in range(count))
    ])
    ExpenseLine.objects.bulk_create([
        ExpenseLine(claim=c, date=MARCH, item_type=ItemType.TRANSPORT, description="高铁往返",
                    amount=amount, units=1)
        for c in claims
    ])
    Request.objects.bulk_create([
        Request(kind="expense", object_id=c.pk, title=c.title, amount=amount,
                category="travel", submitter=c.submitter, region_id=c.submitter.region_id)
        for c in claims
    ])
    return claims


def submit_all(claims: list[ExpenseClaim], threads: int) -> tuple[list, float]:
    """Submit every claim as its submitter from `threads` threads released together; return
    each claim's outcome (the claim, or the exception) and the wall time."""
    todo = list(enumerate(claims))
    taken = threading.Lock()
    outcomes: list = [None] * len(claims)

    def worker():
        users = User.objects.in_bulk([c.submitter_id for c in claims])  # this thread's own
        while True:
            with taken:
                if not todo:
                    return
                i, claim = todo.pop()
            try:
                outcomes[i] = claim_submit(claim_id=claim.pk, actor=users[claim.submitter_id])
            except Exception as exc:  # counted by the test
                outcomes[i] = exc

    started = time.perf_counter()
    errors = run_together([worker] * threads, timeout=300)
    elapsed = time.perf_counter() - started
    assert errors == [None] * threads, errors
    return outcomes, elapsed


def test_exactly_666_reserved_and_334_refused_when_1000_claims_race_for_100000(
    make_budget, policies, figure
):
    make_budget("travel", "1200000.00")  # March 100,000.00; Q1 300,000.00
    assert balance("M03").budget == Decimal("100000.00")
    assert balance("Q1").budget >= Decimal("100000.00")
    started = time.perf_counter()
    claims = bulk_drafts(1000, "150.00")
    drafted = time.perf_counter() - started
    assert ExpenseClaim.objects.filter(state=ClaimState.DRAFT, total=Decimal("150.00"),
                                       lines__amount=Decimal("150.00")).count() == 1000

    outcomes, elapsed = submit_all(claims, THREADS)

    submitted = [o for o in outcomes if isinstance(o, ExpenseClaim)]
    refused = [o for o in outcomes if isinstance(o, OverBudgetError)]
    others = [o for o in outcomes if not isinstance(o, ExpenseClaim | OverBudgetError)]
    month, quarter = balance("M03"), balance("Q1")
    figure(f"1000 claims x 150.00 against 100,000.00, {THREADS} threads",
           f"{len(submitted)} submitted, {len(refused)} refused (OverBudgetError), "
           f"reserved {month.reserved} of {month.budget}; submitting took {elapsed:.1f} s "
           f"(drafting {drafted:.1f} s)")
    assert others == []
    assert (len(submitted), len(refused)) == (666, 334)
    assert month.reserved == Decimal("99900.00") and month.spent == 0
    assert quarter.reserved == Decimal("99900.00")
    assert month.reserved <= month.budget and month.remaining == Decimal("100.00")
    live = Reservation.objects.filter(state=Reservation.State.RESERVED)
    assert live.count() == 666
    assert sum(live.values_list("amount", flat=True)) == Decimal("99900.00")
    assert ExpenseClaim.objects.filter(state=ClaimState.SUBMITTED).count() == 666
    assert not ExpenseClaim.objects.filter(state=ClaimState.SUBMITTED, over_budget=True).exists()
    # Refused claims stay drafts: no number, no reservation, no request in review.
    assert ExpenseClaim.objects.filter(state=ClaimState.DRAFT, number="").count() == 334
    assert Request.objects.filter(kind="expense", status=RequestStatus.IN_REVIEW).count() == 666
    numbers = sorted(ExpenseClaim.objects.exclude(number="").values_list("number", flat=True))
    assert numbers == [f"BX-{YEAR}-{n:06d}" for n in range(1, 667)]
    assert DocumentSequence.objects.get(prefix=f"BX-{YEAR}").last == 666
    # 99.9 % of March used: the owner heard about 80 % once, about 100 % never.
    warned = list(Notification.objects.filter(dedupe_key__startswith=f"budget-warn:{month.pk}:")
                  .values_list("dedupe_key", flat=True))
    assert len(warned) == 1 and f":{month.pk}:80:" in warned[0]
    assert verify_all(save=False).ok


def test_unique_gap_free_numbers_when_32_submitters_race(make_budget, policies, draft):
    make_budget("travel", "1200000.00")
    claims = [draft(REPS[i % len(REPS)], "100.00") for i in range(THREADS)]

    outcomes = run_together([
        lambda claim=claim: claim_submit(claim_id=claim.pk, actor=claim.submitter)
        for claim in claims
    ])

    assert all(isinstance(o, ExpenseClaim) for o in outcomes), outcomes
    numbers = sorted(o.number for o in outcomes)
    assert numbers == [f"BX-{YEAR}-{n:06d}" for n in range(1, THREADS + 1)]
    stored = sorted(ExpenseClaim.objects.values_list("number", flat=True))
    assert stored == numbers
    assert balance("M03").reserved == Decimal("3200.00")
    assert verify_all(save=False).ok
