"""Real threads on PostgreSQL: legal and finance approving the same contract at the same moment
must meet in the join exactly once (the process row lock serialises them), so exactly one
sign-off task opens and the request header and contract agree."""

import pytest

from core.inbox import services as inbox
from core.inbox.models import RequestStatus, WorkItem, WorkItemStatus
from core.org.models import User
from tests.core.inbox.helpers import run_together, verify_in_own_connection
from workflows.contracts.models import ContractState

from .conftest import fresh, item, open_items, request_of

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = [20, pytest.param(1000, marks=[pytest.mark.slow, pytest.mark.timeout(7200)],
                          id="1000-processes")]


def approve_as(task_id: int, username: str):
    def run():
        actor = User.objects.get(username=username)  # this thread's own connection
        return inbox.task_approve(task_id=task_id, actor=actor, comment="同意")
    return run


@pytest.mark.parametrize("rounds", ROUNDS)
def test_exactly_one_sign_off_task_when_legal_and_finance_approve_at_once(personas,
                                                                          in_parallel, rounds):
    contracts = [in_parallel("500000.00") for _ in range(rounds)]
    for contract in contracts:
        legal, credit = item(contract, "legal_review"), item(contract, "credit_review")
        outcomes = run_together([approve_as(legal.pk, "legal"),
                                 approve_as(credit.pk, "finance")])

        errors = [o for o in outcomes if isinstance(o, BaseException)]
        assert not errors, errors
        req = request_of(contract)
        (sign_off,) = open_items(contract)
        assert sign_off.step_code == "sales_gm"
        assert WorkItem.objects.filter(request=req, step_code="sales_gm").count() == 1
        assert {WorkItem.objects.get(pk=i.pk).status for i in (legal, credit)} == {
            WorkItemStatus.DONE}
        assert req.status == RequestStatus.IN_REVIEW
        assert req.current_step == "sales_gm"
        assert req.waiting_on_ids == [personas["gm"].pk]
        assert fresh(contract).state == ContractState.IN_REVIEW
        assert req.process.status == "NEW"

    # Each signs off normally afterwards: the process was left consistent.
    for contract in contracts[:3]:
        inbox.task_approve(task_id=item(contract, "sales_gm").pk, actor=personas["gm"])
        assert fresh(contract).state == ContractState.SIGNED
        assert request_of(contract).status == RequestStatus.APPROVED
    result = verify_in_own_connection()
    assert result.ok, result.first_broken


def test_unique_gap_free_numbers_when_32_owners_submit_at_once(personas, customer):
    from decimal import Decimal

    from workflows.contracts.models import Contract
    from workflows.contracts.services import contract_create, contract_submit

    owner = personas["east_rep1"]
    drafts = [contract_create(actor=owner, customer=customer, title=f"合同 {n}",
                              value=Decimal("1000.00")) for n in range(32)]

    def submit(pk):
        def run():
            return contract_submit(contract_id=pk, actor=User.objects.get(pk=owner.pk))
        return run

    outcomes = run_together([submit(c.pk) for c in drafts])

    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    numbers = sorted(Contract.objects.values_list("number", flat=True))
    year = drafts[0].created.year
    assert numbers == [f"HT-{year}-{n:06d}" for n in range(1, 33)]
