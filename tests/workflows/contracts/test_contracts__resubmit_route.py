"""Where a returned contract goes when it is resubmitted (issue 18): by default the reviews
again from the regional manager; the reviewer or signer who returned it may ask for it straight
back — the two parallel reviews (theirs held for them), or their sign-off step. A changed value
restarts it whatever they chose. The engine decides on resubmission and audits the route."""

import pytest

from core.audit.verify import verify_all
from core.exceptions import InvalidInputError
from core.inbox import services as inbox
from core.registry import ProcessSpec
from tests.core.inbox.helpers import one_audit_event
from workflows.contracts.models import ContractState
from workflows.contracts.services import contract_update

from .conftest import fresh, item, open_items, request_of

pytestmark = pytest.mark.django_db


def resubmit(contract, personas):
    with one_audit_event("contract.resubmitted") as audit:
        inbox.request_resubmit(request_id=request_of(contract).pk,
                               actor=personas["east_rep1"], comment="已改")
    return audit["event"]


def test_reviews_again_from_the_regional_manager_by_default(personas, in_parallel):
    contract = in_parallel()
    round_before = request_of(contract).round
    with one_audit_event("contract.returned") as returned:
        inbox.task_return(task_id=item(contract, "legal_review").pk, actor=personas["legal"],
                          reason="违约条款缺失")
    assert returned["event"].data["resubmit_to"] == "restart"

    event = resubmit(contract, personas)

    (regional,) = open_items(contract)
    assert (regional.step_code, regional.assignee) == ("regional_review", personas["east_mgr"])
    assert request_of(contract).round == round_before + 1
    assert event.data == {"route": "restart"}


def test_both_reviews_again_with_legal_holding_its_own_when_legal_asked_for_it_back(
        personas, in_parallel):
    contract = in_parallel()
    round_before = request_of(contract).round
    inbox.task_return(task_id=item(contract, "legal_review").pk, actor=personas["legal2"],
                      reason="违约条款缺失", resubmit_to="returner")

    event = resubmit(contract, personas)

    assert {i.step_code for i in open_items(contract)} == {"legal_review", "credit_review"}
    assert item(contract, "legal_review").assignee == personas["legal2"]
    assert item(contract, "credit_review").assignee is None  # finance's queue, as before
    req = request_of(contract)
    assert (req.round, req.current_step) == (round_before, "legal_review+credit_review")
    assert fresh(contract).state == ContractState.IN_REVIEW
    assert event.data == {"route": "returner", "resumed_at": "legal_review"}
    # the regional manager's approval stands: the reviews lead on to the sign-off
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal2"])
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    assert [i.step_code for i in open_items(contract)] == ["sales_gm"]
    assert verify_all(save=False).ok


def test_straight_back_to_the_sign_off_when_the_sales_gm_asked_for_it(personas, in_parallel):
    contract = in_parallel()
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    inbox.task_return(task_id=item(contract, "sales_gm").pk, actor=personas["gm"],
                      reason="交付条款再确认", resubmit_to="returner")

    event = resubmit(contract, personas)

    (sign_off,) = open_items(contract)
    assert (sign_off.step_code, sign_off.assignee) == ("sales_gm", personas["gm"])
    assert event.data == {"route": "returner", "resumed_at": "sales_gm"}
    inbox.task_approve(task_id=sign_off.pk, actor=personas["gm"])
    assert fresh(contract).state == ContractState.SIGNED


def test_reviews_again_whatever_was_chosen_when_the_value_changed(personas, in_parallel):
    contract = in_parallel()
    inbox.task_return(task_id=item(contract, "credit_review").pk, actor=personas["finance"],
                      reason="金额超出信用额度", resubmit_to="returner")
    contract_update(contract_id=contract.pk, actor=personas["east_rep1"], value="400000.00")

    event = resubmit(contract, personas)

    assert [i.step_code for i in open_items(contract)] == ["regional_review"]
    assert event.data == {"route": "restart", "restarted_because": "amount_changed"}


def test_a_process_without_the_choice_refuses_it(personas, in_parallel, monkeypatch):
    from core import registry

    spec = registry.get("contract")
    monkeypatch.setitem(registry._processes, "contract",
                        ProcessSpec(**{**spec.__dict__, "resubmit_to": (registry.RESTART,)}))
    contract = in_parallel()

    with pytest.raises(InvalidInputError):
        inbox.task_return(task_id=item(contract, "legal_review").pk, actor=personas["legal"],
                          reason="x", resubmit_to="returner")
    assert fresh(contract).state == ContractState.IN_REVIEW


def test_a_spec_naming_an_unknown_route_is_refused():
    from core import registry

    spec = registry.get("contract")
    with pytest.raises(ValueError):
        ProcessSpec(**{**spec.__dict__, "resubmit_to": ("somewhere",)})
