"""One permission source: for a few personas the claim and budget pages, the API's
available_actions and the services agree with selectors.claim_actions / budget_actions; the
payment retry goes through a service (audited, sent through the outbox)."""

import pytest

from core.audit.models import AuditEvent
from core.exceptions import PermissionDeniedError, StateConflictError
from core.inbox import services as inbox
from core.inbox.models import OutboxMessage
from workflows.expenses import selectors, services
from workflows.expenses.models import Budget, ExpenseClaim
from workflows.expenses.services import payment

from .helpers import open_item

pytestmark = pytest.mark.django_db

PERSONAS = ("east_rep1", "east_rep2", "finance", "auditor")


def api_actions(client, path: str) -> set[str]:
    response = client.get(path)
    return set(response.json()["available_actions"]) if response.status_code == 200 else set()


def page_actions(client, path: str) -> set[str]:
    response = client.get(path)
    return set(response.context["actions"]) if response.status_code == 200 else set()


@pytest.mark.parametrize("stage", ["draft", "submitted", "finance"])
def test_page_api_and_selector_agree_on_claim_actions_for_each_persona(
        stage, make_claim, travel_budget, personas, client_for):
    claim = make_claim("east_rep1", stage=stage)

    for who in PERSONAS:
        expected = set(selectors.claim_actions(personas[who], claim))
        client = client_for(who)
        assert page_actions(client, f"/expenses/claims/{claim.pk}/") == expected, who
        assert api_actions(client, f"/api/expenses/claims/{claim.pk}/") == expected, who

    assert selectors.claim_actions(personas["east_rep1"], claim) == {
        "draft": {"edit", "submit", "upload"},
        "submitted": {"withdraw", "upload"},
        "finance": set(),
    }[stage]
    assert ("reduce" in selectors.claim_actions(personas["finance"], claim)) == (
        stage == "finance")
    assert selectors.claim_actions(personas["auditor"], claim) == frozenset()


def test_service_refuses_what_the_actions_leave_out(make_claim, travel_budget, personas):
    claim = make_claim("east_rep1", stage="draft")
    assert "edit" not in selectors.claim_actions(personas["east_rep2"], claim)
    with pytest.raises(PermissionDeniedError):
        services.claim_update(claim_id=claim.pk, actor=personas["east_rep2"], title="x")

    services.claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert "edit" not in selectors.claim_actions(personas["east_rep1"], claim)
    with pytest.raises(StateConflictError):
        services.claim_update(claim_id=claim.pk, actor=personas["east_rep1"], title="x")

    line_id = claim.lines.first().pk
    assert "reduce" not in selectors.claim_actions(personas["finance"], claim)
    with pytest.raises(StateConflictError):  # finance, but not at the voucher review yet
        services.claim_reduce_line(line_id=line_id, actor=personas["finance"], amount="1",
                                   reason="r")


def test_page_api_and_selector_agree_on_budget_actions(make_budget, personas, client_for):
    in_force = make_budget("travel", "600000.00")
    draft = make_budget("marketing", "100000.00", in_force=False)

    for budget in (in_force, draft):
        for who in ("finance", "gm", "east_rep1", "auditor"):
            expected = set(selectors.budget_actions(personas[who], budget))
            client = client_for(who)
            assert page_actions(client, f"/expenses/budgets/{budget.pk}/") == expected, who
            assert api_actions(client, f"/api/expenses/budgets/{budget.pk}/") == expected, who

    assert selectors.budget_actions(personas["finance"], draft) == {"edit", "submit"}
    assert selectors.budget_actions(personas["finance"], in_force) == {"adjust"}
    assert selectors.budget_actions(personas["gm"], in_force) == frozenset()


def test_one_budget_reader_rule_for_pages_and_api(make_budget, personas):
    make_budget("travel", "600000.00")
    for who in ("finance", "gm", "ceo", "auditor", "east_rep1"):
        user = personas[who]
        scope = selectors.budget_scope(user)
        assert selectors.visible_budgets(user).exists() == scope.allowed, who
        assert (selectors.budgets_for(user) is not None) == scope.allowed, who
    assert Budget.objects.count() == selectors.visible_budgets(personas["finance"]).count()


@pytest.fixture
def failed_payment(make_claim, travel_budget, personas):
    claim = make_claim("east_rep1", stage="finance")
    inbox.task_approve(task_id=open_item("expense", claim.pk).pk, actor=personas["finance"])
    ExpenseClaim.objects.filter(pk=claim.pk).update(payment_error="bank timeout")
    return ExpenseClaim.objects.get(pk=claim.pk)


def test_payment_retry_is_audited_and_sent_through_the_outbox(failed_payment, personas):
    claim = failed_payment
    jobs = OutboxMessage.objects.filter(task=payment.PAY_TASK, kwargs__claim_id=claim.pk)
    before = jobs.count()

    payment.payment_retry(claim_id=claim.pk, actor=personas["finance"])

    assert jobs.count() == before + 1
    event = AuditEvent.objects.filter(event="expense.payment_retried").get()
    assert event.subject_id == str(claim.pk) and event.data["error"] == "bank timeout"


def test_payment_retry_refused_to_others_and_when_nothing_failed(failed_payment, personas,
                                                                  client_for):
    claim = failed_payment
    with pytest.raises(PermissionDeniedError):
        payment.payment_retry(claim_id=claim.pk, actor=personas["east_rep1"])
    assert client_for("east_rep1").post(
        f"/expenses/claims/{claim.pk}/retry-payment/").status_code == 404
    ExpenseClaim.objects.filter(pk=claim.pk).update(payment_error="")
    with pytest.raises(StateConflictError):
        payment.payment_retry(claim_id=claim.pk, actor=personas["finance"])
    assert not AuditEvent.objects.filter(event="expense.payment_retried").exists()
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert "retry_payment" not in selectors.claim_actions(personas["finance"], claim)


