"""A draft, or a budget returned for revision, is corrected in place and resubmitted."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.inbox import services as inbox
from core.org.models import Department
from workflows.expenses.models import Budget, BudgetState, Category
from workflows.expenses.rules import even_split
from workflows.expenses.services import budget_create, budget_submit, budget_update

from .helpers import YEAR, fresh, open_item, request_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas):
    quarters, months = even_split(Decimal("120000.00"))
    return budget_create(actor=personas["finance"], fiscal_year=YEAR,
                         department=Department.objects.get(code="sales"),
                         category=Category.OTHER, total="120000.00", quarters=quarters,
                         months=months)


def test_amounts_changed_and_audited_when_preparer_edits_a_draft(personas, draft):
    quarters, months = even_split(Decimal("240000.00"))
    budget_update(budget_id=draft.pk, actor=personas["finance"], total="240000.00",
                  quarters=quarters, months=months, reason="headcount up")
    budget = fresh(draft)
    assert (budget.total, budget.m1, budget.q4) == (Decimal("240000.00"), Decimal("20000.00"),
                                                    Decimal("60000.00"))
    event = AuditEvent.objects.get(subject_kind="budget", subject_id=str(draft.pk),
                                   event="budget.edited")
    assert event.changes["total"] == ["120000.00", "240000.00"] and event.comment == "headcount up"


def test_returned_budget_revised_then_resubmitted_into_force(personas, draft):
    finance = personas["finance"]
    budget_submit(budget_id=draft.pk, actor=finance)
    inbox.task_return(task_id=open_item(draft, "budget").pk, actor=personas["gm"],
                      reason="too low")
    assert fresh(draft).state == BudgetState.RETURNED
    quarters, months = even_split(Decimal("150000.00"))
    budget_update(budget_id=draft.pk, actor=finance, total="150000.00", quarters=quarters,
                  months=months)
    inbox.request_resubmit(request_id=request_of(draft, "budget").pk, actor=finance)
    for approver in ("gm", "ceo"):
        inbox.task_approve(task_id=open_item(draft, "budget").pk, actor=personas[approver])
    budget = fresh(draft)
    assert (budget.state, budget.total) == (BudgetState.IN_FORCE, Decimal("150000.00"))
    assert request_of(draft, "budget").amount == Decimal("150000.00")


def test_refused_with_the_cell_named_when_the_new_split_is_off(personas, draft):
    quarters, months = even_split(Decimal("120000.00"))
    months[4] += Decimal("0.01")
    with pytest.raises(InvalidInputError) as err:
        budget_update(budget_id=draft.pk, actor=personas["finance"], total="120000.00",
                      quarters=quarters, months=months)
    assert "q2" in err.value.fields
    assert Budget.objects.get(pk=draft.pk).m5 == Decimal("10000.00")


def test_refused_when_someone_else_or_the_budget_is_in_approval(personas, draft):
    quarters, months = even_split(Decimal("120000.00"))
    args = {"total": "120000.00", "quarters": quarters, "months": months}
    with pytest.raises(PermissionDeniedError):
        budget_update(budget_id=draft.pk, actor=personas["finance_clerk"], **args)
    budget_submit(budget_id=draft.pk, actor=personas["finance"])
    with pytest.raises(StateConflictError):
        budget_update(budget_id=draft.pk, actor=personas["finance"], **args)


def test_edit_page_changes_a_draft_and_refuses_others(client, personas, draft):
    client.force_login(personas["finance"])
    url = f"/expenses/budgets/{draft.pk}/edit/"
    assert client.get(url).status_code == 200
    quarters, months = even_split(Decimal("60000.00"))
    data = {"total": "60000.00", "reason": "smaller",
            **{f"q{i}": str(q) for i, q in enumerate(quarters, 1)},
            **{f"m{i}": str(m) for i, m in enumerate(months, 1)}}
    response = client.post(url, data)
    assert response.status_code == 302
    assert fresh(draft).total == Decimal("60000.00")
    client.force_login(personas["gm"])
    assert client.get(url).status_code == 404
