"""Budgets (policy 7.1): prepared by finance, approved along the matrix for kind `budget`
(sales GM, then CEO), in force with its months and quarters as the live balances; a change is
a new version with its own approval, and the old one stays readable."""

from decimal import Decimal

import pytest
from viewflow.workflow.status import PROCESS

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.exceptions import (
    InvalidInputError,
    NotYourTaskError,
    PermissionDeniedError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.inbox import services as inbox
from core.inbox.models import RequestStatus
from core.org.models import Department
from workflows.expenses.models import Budget, BudgetBalance, BudgetState, Category
from workflows.expenses.rules import even_split
from workflows.expenses.services import budget_create, budget_revise, budget_submit

from .helpers import (
    YEAR,
    chain_codes,
    fresh,
    no_audit_event,
    one_audit_event,
    open_item,
    open_items,
    request_of,
    timeline,
)

pytestmark = pytest.mark.django_db

MONTHS = [Decimal(x) for x in ("8000", "8000", "9000", "10000", "10000", "10000",
                               "12000", "12000", "11000", "10000", "10000", "20000")]
QUARTERS = [Decimal("25000"), Decimal("30000"), Decimal("35000"), Decimal("40000")]
TOTAL = Decimal("130000")


@pytest.fixture
def sales():
    return Department.objects.get(code="sales")


@pytest.fixture
def create(personas, sales):
    def run(actor: str = "finance", *, total=TOTAL, quarters=QUARTERS, months=MONTHS,
            category: str = Category.TRAVEL, owner: str = "gm"):
        return budget_create(actor=personas[actor], fiscal_year=YEAR, department=sales,
                             category=category, total=total, quarters=quarters,
                             months=months, owner=personas[owner])

    return run


@pytest.fixture
def submitted_budget(create, personas):
    budget = create()
    budget_submit(budget_id=budget.pk, actor=personas["finance"])
    return fresh(budget)


def balances(category: str = Category.TRAVEL) -> dict:
    return {b.period: b for b in BudgetBalance.objects.filter(fiscal_year=YEAR,
                                                             category=category)}


# --- creation ---------------------------------------------------------------------------------


def test_draft_budget_with_number_when_finance_creates_a_balanced_split(create, personas):
    with one_audit_event("budget.drafted"):
        budget = create()

    budget = fresh(budget)
    assert budget.state == BudgetState.DRAFT
    assert (budget.version, budget.total) == (1, TOTAL)
    assert budget.months() == MONTHS and budget.quarters() == QUARTERS
    assert budget.number == f"YS-{YEAR}-sales-travel-v1"
    assert (budget.owner, budget.prepared_by) == (personas["gm"], personas["finance"])
    assert not BudgetBalance.objects.exists()  # nothing counts before approval


@pytest.mark.parametrize("who", ["east_rep1", "east_mgr", "gm", "ceo", "auditor", "admin"])
def test_permission_denied_when_someone_outside_finance_creates_a_budget(create, who):
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        create(who)

    assert not Budget.objects.exists()


def test_invalid_input_names_the_quarter_when_one_month_is_off_by_a_fen(create):
    months = list(MONTHS)
    months[7] += Decimal("0.01")  # August: Q3

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        create(months=months)

    assert set(exc.value.fields) == {"q3"}
    assert "off by ¥0.01" in exc.value.fields["q3"][0]
    assert "Q3" in str(exc.value)
    assert not Budget.objects.exists()


def test_invalid_input_names_the_total_when_quarters_do_not_reach_it(create):
    with pytest.raises(InvalidInputError) as exc:
        create(total=TOTAL + 100)

    assert set(exc.value.fields) == {"total"}
    assert "off by ¥-100.00" in exc.value.fields["total"][0]


def test_invalid_input_names_negative_parts_when_amounts_are_negative(create):
    months = list(MONTHS)
    months[0], months[1] = Decimal("-1000"), Decimal("17000")  # Q1 still adds up

    with pytest.raises(InvalidInputError) as exc:
        create(months=months)

    assert set(exc.value.fields) == {"m1"}


@pytest.mark.parametrize("quarters, months, field", [
    (QUARTERS[:3], MONTHS, "quarters"),
    (QUARTERS, MONTHS[:11], "months"),
    (QUARTERS, [*MONTHS[:4], "ten thousand", *MONTHS[5:]], "m5"),
])
def test_invalid_input_with_fields_when_parts_are_missing_or_not_amounts(create, quarters,
                                                                        months, field):
    with pytest.raises(InvalidInputError) as exc:
        create(quarters=quarters, months=months)

    assert field in exc.value.fields


def test_invalid_input_when_category_is_unknown(create):
    with pytest.raises(InvalidInputError) as exc:
        create(category="yachts")

    assert "category" in exc.value.fields


def test_state_conflict_when_a_budget_for_the_year_department_and_category_exists(create):
    create()

    with no_audit_event(), pytest.raises(StateConflictError):
        create(total=Decimal("12000"), quarters=[Decimal("3000")] * 4,
               months=[Decimal("1000")] * 12)

    assert Budget.objects.count() == 1


def test_separate_budgets_when_categories_differ(create):
    create()
    create(category=Category.ENTERTAINMENT)

    assert Budget.objects.count() == 2


# --- approval ---------------------------------------------------------------------------------


def test_chain_is_sales_gm_then_ceo_when_finance_submits(create, personas):
    budget = create()

    with one_audit_event("budget.submitted"):
        budget_submit(budget_id=budget.pk, actor=personas["finance"])

    assert fresh(budget).state == BudgetState.SUBMITTED
    assert chain_codes(budget, "budget") == ["sales_gm", "ceo"]
    assert open_item(budget, "budget").assignee == personas["gm"]


def test_permission_denied_when_someone_else_submits_the_budget(create, personas):
    budget = create()

    with pytest.raises(PermissionDeniedError):
        budget_submit(budget_id=budget.pk, actor=personas["finance_clerk"])

    assert fresh(budget).state == BudgetState.DRAFT


def test_state_conflict_when_budget_submitted_twice(submitted_budget, personas):
    with pytest.raises(StateConflictError):
        budget_submit(budget_id=submitted_budget.pk, actor=personas["finance"])


def test_in_force_with_balances_for_every_month_and_quarter_when_gm_then_ceo_approve(
    submitted_budget, personas
):
    with one_audit_event("budget.step_approved"):
        inbox.task_approve(task_id=open_item(submitted_budget, "budget").pk,
                           actor=personas["gm"])
    assert fresh(submitted_budget).state == BudgetState.SUBMITTED
    assert not BudgetBalance.objects.exists()
    assert open_item(submitted_budget, "budget").assignee == personas["ceo"]

    with one_audit_event("budget.approved") as audit:
        inbox.task_approve(task_id=open_item(submitted_budget, "budget").pk,
                           actor=personas["ceo"])

    budget = fresh(submitted_budget)
    assert budget.state == BudgetState.IN_FORCE and budget.in_force_at is not None
    assert (audit["event"].from_state, audit["event"].to_state) == ("submitted", "in_force")
    rows = balances()
    assert set(rows) == {f"M{m:02d}" for m in range(1, 13)} | {"Q1", "Q2", "Q3", "Q4"}
    assert [rows[f"M{m:02d}"].budget for m in range(1, 13)] == MONTHS
    assert [rows[f"Q{q}"].budget for q in range(1, 5)] == QUARTERS
    assert all(r.reserved == 0 and r.spent == 0 for r in rows.values())
    assert all(r.department.code == "sales" for r in rows.values())
    req = request_of(budget, "budget")
    assert req.status == RequestStatus.APPROVED
    assert req.process.status == PROCESS.DONE


@pytest.mark.parametrize("who, error", [
    ("ceo", NotYourTaskError),  # the CEO's step comes after the sales GM's
    ("east_mgr", NotYourTaskError),
    ("finance", SegregationOfDutiesError),  # prepared and submitted it
])
def test_refused_when_wrong_person_approves_the_budget(submitted_budget, personas, who, error):
    with no_audit_event(), pytest.raises(error):
        inbox.task_approve(task_id=open_item(submitted_budget, "budget").pk,
                           actor=personas[who])

    assert fresh(submitted_budget).state == BudgetState.SUBMITTED


def test_rejected_and_no_balances_when_ceo_rejects(submitted_budget, personas):
    inbox.task_approve(task_id=open_item(submitted_budget, "budget").pk, actor=personas["gm"])

    with one_audit_event("budget.rejected") as audit:
        inbox.task_reject(task_id=open_item(submitted_budget, "budget").pk,
                          actor=personas["ceo"], reason="too generous")

    assert fresh(submitted_budget).state == BudgetState.REJECTED
    assert (audit["event"].to_state, audit["event"].comment) == ("rejected", "too generous")
    assert request_of(submitted_budget, "budget").status == RequestStatus.REJECTED
    assert not BudgetBalance.objects.exists()
    assert open_items(submitted_budget, "budget") == []


def test_returned_then_resubmitted_from_first_step_when_gm_returns(submitted_budget, personas):
    with one_audit_event("budget.returned"):
        inbox.task_return(task_id=open_item(submitted_budget, "budget").pk,
                          actor=personas["gm"], reason="split Q4 differently")

    assert fresh(submitted_budget).state == BudgetState.RETURNED
    revision = open_item(submitted_budget, "budget")
    assert revision.is_revision and revision.assignee == personas["finance"]

    with one_audit_event("budget.resubmitted"):
        inbox.request_resubmit(request_id=request_of(submitted_budget, "budget").pk,
                               actor=personas["finance"])

    assert fresh(submitted_budget).state == BudgetState.SUBMITTED
    first = open_item(submitted_budget, "budget")
    assert (first.step_code, first.assignee) == ("sales_gm", personas["gm"])


def test_withdrawn_with_tasks_cancelled_when_finance_withdraws_in_approval(submitted_budget,
                                                                           personas):
    inbox.task_approve(task_id=open_item(submitted_budget, "budget").pk, actor=personas["gm"])

    with one_audit_event("budget.withdrawn"):
        inbox.request_withdraw(request_id=request_of(submitted_budget, "budget").pk,
                               actor=personas["finance"], reason="wrong year")

    assert fresh(submitted_budget).state == BudgetState.WITHDRAWN
    assert open_items(submitted_budget, "budget") == []
    assert not BudgetBalance.objects.exists()


def test_state_conflict_when_withdrawing_a_budget_in_force(travel_budget, personas):
    with no_audit_event(), pytest.raises(StateConflictError):
        inbox.request_withdraw(request_id=request_of(travel_budget, "budget").pk,
                               actor=personas["finance"])

    assert fresh(travel_budget).state == BudgetState.IN_FORCE


def test_new_draft_accepted_when_the_only_earlier_budget_was_rejected(create, personas):
    first = create()
    budget_submit(budget_id=first.pk, actor=personas["finance"])
    inbox.task_reject(task_id=open_item(first, "budget").pk, actor=personas["gm"],
                      reason="redo it")

    second = create()

    assert fresh(second).state == BudgetState.DRAFT
    assert second.version == 2


# --- revision ---------------------------------------------------------------------------------

REVISED_TOTAL = Decimal("1320000.00")


def revise(budget, personas, *, reason: str = "new office in Suzhou", total=REVISED_TOTAL):
    quarters, months = even_split(total)
    return budget_revise(budget_id=budget.pk, actor=personas["finance"], total=total,
                         quarters=quarters, months=months, reason=reason)


def test_version_two_drafted_with_reason_when_finance_revises_budget_in_force(travel_budget,
                                                                             personas):
    with one_audit_event("budget.drafted") as audit:
        v2 = revise(travel_budget, personas)

    v2 = fresh(v2)
    assert (v2.version, v2.previous, v2.state) == (2, travel_budget, BudgetState.DRAFT)
    assert v2.reason == "new office in Suzhou"
    assert v2.number == f"YS-{YEAR}-sales-travel-v2"
    assert v2.total == REVISED_TOTAL and v2.m1 == Decimal("110000.00")
    assert audit["event"].comment == "new office in Suzhou"
    assert audit["event"].changes["total"] == ["1200000.00", "1320000.00"]
    assert fresh(travel_budget).state == BudgetState.IN_FORCE
    assert BudgetBalance.objects.get(period="M01", category="travel").budget == 100000


@pytest.mark.parametrize("reason", ["", "   "])
def test_invalid_input_when_revision_has_no_reason(travel_budget, personas, reason):
    with pytest.raises(InvalidInputError) as exc:
        revise(travel_budget, personas, reason=reason)

    assert "reason" in exc.value.fields
    assert Budget.objects.count() == 1


def test_invalid_input_when_revised_split_does_not_add_up(travel_budget, personas):
    quarters, months = even_split(REVISED_TOTAL)
    months[11] -= Decimal("0.01")

    with pytest.raises(InvalidInputError) as exc:
        budget_revise(budget_id=travel_budget.pk, actor=personas["finance"],
                      total=REVISED_TOTAL, quarters=quarters, months=months, reason="x")

    assert set(exc.value.fields) == {"q4"}


def test_permission_denied_when_someone_outside_finance_revises(travel_budget, personas):
    quarters, months = even_split(REVISED_TOTAL)

    with pytest.raises(PermissionDeniedError):
        budget_revise(budget_id=travel_budget.pk, actor=personas["gm"], total=REVISED_TOTAL,
                      quarters=quarters, months=months, reason="more travel")


def test_state_conflict_when_a_revision_is_already_under_way(travel_budget, personas):
    revise(travel_budget, personas)

    with pytest.raises(StateConflictError):
        revise(travel_budget, personas, reason="second thoughts")


def test_state_conflict_when_revising_a_budget_not_in_force(submitted_budget, personas):
    with pytest.raises(StateConflictError):
        revise(submitted_budget, personas)


def test_v1_superseded_and_balances_changed_keeping_reserved_and_spent_when_v2_approved(
    travel_budget, personas, submitted, through_chain, django_capture_on_commit_callbacks
):
    paid = submitted("east_rep1", "860.00")
    finance_item = through_chain(paid)
    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=finance_item.pk, actor=personas["finance"])
    held = submitted("east_rep2", "300.00")
    v2 = revise(travel_budget, personas)
    budget_submit(budget_id=v2.pk, actor=personas["finance"])
    assert chain_codes(v2, "budget") == ["sales_gm", "ceo"]
    inbox.task_approve(task_id=open_item(v2, "budget").pk, actor=personas["gm"])

    before = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
    inbox.task_approve(task_id=open_item(v2, "budget").pk, actor=personas["ceo"])

    # v1's end is audited too: the audit chain holds every state an object takes.
    assert [(e.event, e.subject_id) for e in AuditEvent.objects.filter(seq__gt=before)
            .order_by("seq")] == [("budget.superseded", str(travel_budget.pk)),
                                  ("budget.approved", str(v2.pk))]
    assert verify_all(save=False).ok
    assert fresh(travel_budget).state == BudgetState.SUPERSEDED
    assert fresh(v2).state == BudgetState.IN_FORCE
    assert fresh(held).state == "submitted"
    rows = balances()
    assert len(rows) == 16
    assert rows["M03"].budget == Decimal("110000.00")
    assert rows["Q1"].budget == Decimal("330000.00")
    for period in ("M03", "Q1"):
        assert (rows[period].reserved, rows[period].spent) == (Decimal("300.00"),
                                                               Decimal("860.00"))
    assert Budget.objects.filter(state=BudgetState.IN_FORCE).count() == 1


def test_v1_stays_in_force_when_revision_is_rejected(travel_budget, personas):
    v2 = revise(travel_budget, personas)
    budget_submit(budget_id=v2.pk, actor=personas["finance"])

    inbox.task_reject(task_id=open_item(v2, "budget").pk, actor=personas["gm"], reason="no")

    assert fresh(v2).state == BudgetState.REJECTED
    assert fresh(travel_budget).state == BudgetState.IN_FORCE
    assert BudgetBalance.objects.get(period="M03", category="travel").budget == 100000


def test_version_three_drafted_when_revising_again_after_a_rejected_revision(travel_budget,
                                                                            personas):
    v2 = revise(travel_budget, personas)
    budget_submit(budget_id=v2.pk, actor=personas["finance"])
    inbox.task_reject(task_id=open_item(v2, "budget").pk, actor=personas["gm"], reason="no")

    v3 = revise(travel_budget, personas, reason="smaller increase",
                total=Decimal("1260000.00"))

    assert (v3.version, v3.previous_id) == (3, travel_budget.pk)


def test_every_version_readable_with_its_history_when_budget_was_revised(travel_budget,
                                                                        personas,
                                                                        approve_budget):
    v2 = revise(travel_budget, personas)
    budget_submit(budget_id=v2.pk, actor=personas["finance"])
    approve_budget(v2)

    versions = list(Budget.objects.filter(fiscal_year=YEAR, category=Category.TRAVEL)
                    .order_by("version"))

    assert [(b.version, b.state) for b in versions] == [(1, BudgetState.SUPERSEDED),
                                                        (2, BudgetState.IN_FORCE)]
    v1, v2 = versions
    assert v1.total == Decimal("1200000.00") and v1.m3 == Decimal("100000.00")
    assert v2.previous == v1 and v2.reason == "new office in Suzhou"
    assert timeline(v1, "budget") == ["budget.drafted", "budget.submitted",
                                      "budget.step_approved", "budget.approved",
                                      "budget.superseded"]
    assert timeline(v2, "budget") == ["budget.drafted", "budget.submitted",
                                      "budget.step_approved", "budget.approved"]
