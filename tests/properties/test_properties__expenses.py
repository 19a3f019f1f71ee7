"""Expense claims driven at random (issue 9, properties): draft and submit with the budget
reserved, approvals by the authority matrix, finance's voucher review, payment (the outbox's
job, run by the relay or the sweep), and every reject, return, withdraw, resubmit, edit,
reassign, claim, delegate and escalation by random demo personas, against reference.py's model.
After every step the ledger must equal the model's and a blocking budget is never overdrawn."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import note
from hypothesis import strategies as st
from hypothesis.stateful import initialize, invariant, precondition, rule, run_state_machine_as_test

from core.exceptions import (
    MatrixConfigurationError,
    PermissionDeniedError,
    StateConflictError,
)
from core.inbox import outbox
from core.inbox import services as inbox
from core.inbox.models import Request, WorkItem
from core.org.models import Department
from workflows.expenses.models import (
    BudgetBalance,
    BudgetState,
    Category,
    CategoryPolicy,
    ExpenseClaim,
    OverBudget,
    Reservation,
)
from workflows.expenses.rules import QUARTER_MONTHS
from workflows.expenses.services import budget_create, budget_submit, claim_create, claim_submit
from workflows.expenses.services.claims import claim_update
from workflows.expenses.services.ledger import OverBudgetError
from workflows.expenses.steps import FINANCE_STEP

from .conftest import TIMEOUT, machine_settings
from .reference import Obj, ProcessMachine, build, refused

YEAR = 2026
DATES = [date(YEAR, 1, 15), date(YEAR, 3, 10), date(YEAR, 4, 20)]
# Bands of the demo matrix: the line manager; + the sales GM from 5,000; + the CEO from 20,000.
AMOUNTS = [Decimal(a) for a in ("800.00", "4800.00", "6000.00", "15000.00", "21000.00")]
# The sales department's budgets (a month; a quarter is three months): travel blocks a claim
# over budget, entertainment adds the sales GM's approval instead. No budget elsewhere.
MONTHLY = {Category.TRAVEL: Decimal("30000.00"), Category.ENTERTAINMENT: Decimal("5000.00")}
POLICY = {Category.TRAVEL: OverBudget.BLOCK, Category.ENTERTAINMENT: OverBudget.EXTRA_APPROVAL}
CATEGORIES = [str(Category.TRAVEL), str(Category.ENTERTAINMENT), str(Category.OTHER)]
# Mostly people of the sales department, whose budgets exist; anyone else now and then.
SALES = ["east_rep1", "east_rep2", "south_rep1", "north_rep2", "east_mgr", "gm"]
STATUS = {"draft": "draft", "submitted": "in_review", "approved": "in_review",
          "voucher_approved": "in_review", "paid": "done", "returned": "returned",
          "rejected": "rejected", "withdrawn": "withdrawn"}
RESERVING = ("submitted", "approved", "voucher_approved")


def periods(day: date) -> tuple[str, str]:
    return f"M{day.month:02d}", f"Q{(day.month - 1) // 3 + 1}"


def baseline_ledger(sales_id: int) -> dict:
    """{(department id, category, period): [budget, reserved, spent]} after the set-up."""
    ledger = {}
    for category, month in MONTHLY.items():
        for m in range(1, 13):
            ledger[(sales_id, str(category), f"M{m:02d}")] = [month, Decimal(0), Decimal(0)]
        for q in QUARTER_MONTHS:
            ledger[(sales_id, str(category), f"Q{q}")] = [month * 3, Decimal(0), Decimal(0)]
    return ledger


def lines(amount: Decimal, day: date) -> list[dict]:
    return [{"date": day, "item_type": "transport", "amount": str(amount),
             "description": "高铁往返"}]


class ExpenseMachine(ProcessMachine):
    kind = "expense"
    model = ExpenseClaim
    request_status = STATUS
    system_states = frozenset({"voucher_approved"})  # the payment runs by itself
    sales_id: int = 0

    def __init__(self):
        super().__init__()
        self.ledger = baseline_ledger(self.sales_id)

    # --- the ledger in the model ------------------------------------------------------------

    def rows(self, obj: Obj) -> list[list]:
        month, quarter = periods(obj.extra["date"])
        keys = [(obj.extra["dept"], obj.extra["category"], p) for p in (month, quarter)]
        return [self.ledger.setdefault(k, [Decimal(0), Decimal(0), Decimal(0)]) for k in keys]

    def reserve_outcome(self, obj: Obj, amount: Decimal):
        """(refusal, over budget) for reserving `amount` now, changing nothing."""
        month, quarter = periods(obj.extra["date"])
        left = min(b - r - s for b, r, s in [
            self.ledger.get((obj.extra["dept"], obj.extra["category"], p), [Decimal(0)] * 3)
            for p in (month, quarter)])
        over = amount > left
        allowed = POLICY.get(obj.extra["category"]) == OverBudget.EXTRA_APPROVAL
        return (OverBudgetError if over and not allowed else None), over

    def reserve(self, obj: Obj, over: bool):
        for row in self.rows(obj):
            row[1] += obj.amount
        obj.extra["reserved"] = obj.amount
        obj.extra["over"] = over

    def release(self, obj: Obj):
        held = obj.extra.pop("reserved", None)
        if held is not None:
            for row in self.rows(obj):
                row[1] -= held

    def extra_steps(self, obj: Obj, over: bool) -> tuple:
        return ("sales_gm",) if over else ()

    def chain(self, obj: Obj, over: bool) -> list:
        return self.chain_for(obj.submitter, obj.amount, category=obj.extra["category"],
                              extra_steps=self.extra_steps(obj, over))

    # --- drafting and submission ---------------------------------------------------------------

    def draft_one(self, data):
        who = data.draw(st.one_of(st.sampled_from(SALES), st.sampled_from(self.org.everyone)),
                        label="submitter")
        category = data.draw(st.one_of(st.sampled_from(CATEGORIES[:2]),
                                       st.sampled_from(CATEGORIES)), label="category")
        amount = data.draw(st.sampled_from(AMOUNTS), label="amount")
        day = data.draw(st.sampled_from(DATES), label="date")
        note(f"draft expense {category} {amount} {day} by {who}: expect "
             f"{'PermissionDeniedError' if self.org.read_only(who) else 'success'}")
        call = lambda: claim_create(actor=self.user(who), category=category,  # noqa: E731
                                    title="杭州客户拜访", expense_date=day,
                                    lines=lines(amount, day))
        if self.org.read_only(who):
            refused(PermissionDeniedError, call)
            return None
        claim = call()
        obj = Obj(pk=claim.pk, submitter=who, amount=amount, state="draft",
                  region=self.org.region[who],
                  extra={"category": category, "date": day,
                         "dept": self.user(who).department_id},
                  req_pk=Request.objects.get(kind="expense", object_id=claim.pk).pk)
        self.objects[obj.pk] = obj
        self.expect(obj, "drafted", "", "draft")
        return obj

    def submit_draft(self, obj: Obj, actor: str):
        exc, over, chain = None, False, None
        if actor != obj.submitter:
            exc = PermissionDeniedError
        elif obj.state != "draft":
            exc = StateConflictError
        else:
            exc, over = self.reserve_outcome(obj, obj.amount)
            if exc is None:
                try:
                    chain = self.chain(obj, over)
                except MatrixConfigurationError:
                    exc = MatrixConfigurationError
        note(f"submit expense {obj.pk} by {actor}: expect {exc.__name__ if exc else 'success'}")
        call = lambda: claim_submit(claim_id=obj.pk, actor=self.user(actor))  # noqa: E731
        if exc is not None:
            refused(exc, call)
            return
        call()
        self.reserve(obj, over)
        obj.chain = chain
        self.move(obj, "submitted", "submitted")
        self.open_chain_step(obj, 0)

    @initialize(data=st.data())
    def first_claim(self, data):
        obj = self.draft_one(data)
        if obj is not None:
            self.submit_draft(obj, obj.submitter)

    @precondition(lambda self: len(self.objects) < 4)
    @rule(data=st.data())
    def submit(self, data):
        obj = self.draft_one(data)
        if obj is not None:
            self.submit_draft(obj, data.draw(self.actors_for(obj, None), label="actor"))

    @precondition(lambda self: any(o.state == "draft" for o in self.objects.values()))
    @rule(data=st.data())
    def submit_again(self, data):
        """A draft that was refused (over budget, say) is submitted again."""
        obj = self.pick_request(data, [o for o in self.objects.values() if o.state == "draft"])
        self.submit_draft(obj, data.draw(self.actors_for(obj, None), label="actor"))

    @precondition(lambda self: self.objects)
    @rule(data=st.data())
    def edit(self, data):
        """The submitter changes the amount, category or date of a draft or a returned claim
        (a returned claim reserves its budget again, and is routed again, on resubmission)."""
        obj = self.pick_request(data, [o for o in self.objects.values()
                                       if o.state in ("draft", "returned")])
        actor = data.draw(self.actors_for(obj, None), label="actor")
        amount = data.draw(st.sampled_from(AMOUNTS), label="amount")
        category = data.draw(st.sampled_from(CATEGORIES), label="category")
        day = data.draw(st.sampled_from(DATES), label="date")
        if actor != obj.submitter:
            exc = PermissionDeniedError
        elif obj.state not in ("draft", "returned"):
            exc = StateConflictError
        else:
            exc = None
        note(f"edit expense {obj.pk} to {category} {amount} {day} by {actor}: expect "
             f"{exc.__name__ if exc else 'success'}")
        call = lambda: claim_update(  # noqa: E731
            claim_id=obj.pk, actor=self.user(actor), category=category, expense_date=day,
            lines=lines(amount, day))
        if exc is not None:
            refused(exc, call)
            return
        call()
        obj.amount = amount
        obj.extra.update(category=category, date=day)
        self.expect(obj, "edited")

    # --- decisions --------------------------------------------------------------------------------

    def decided(self, obj, task, decision, to_step):
        at_finance = task.step == FINANCE_STEP
        if decision == "approved":
            if at_finance:
                self.move(obj, "step_approved", "voucher_approved")
            elif task.index + 1 < len(obj.chain):
                self.expect(obj, "step_approved")
                self.open_chain_step(obj, task.index + 1)
            else:
                self.move(obj, "step_approved", "approved")
                self.open_task(obj, FINANCE_STEP, -1, self.role_candidates(obj, "finance"))
        elif decision == "rejected":
            self.move(obj, "rejected", "rejected")
            self.release(obj)
        elif to_step is None:
            self.move(obj, "returned", "returned")
            self.release(obj)
            self.open_revision(obj)
        else:
            if at_finance:
                self.move(obj, "returned", "submitted")
            else:
                self.expect(obj, "returned")
            self.open_chain_step(obj, to_step)

    def withdraw_refusal(self, obj):
        # Policy 7.2: withdrawn until the final approval, not after it.
        return StateConflictError if obj.state in ("approved", "voucher_approved") else None

    def withdrawn(self, obj):
        self.move(obj, "withdrawn", "withdrawn")
        self.release(obj)

    def resubmit_refusal(self, obj):
        exc, over = self.reserve_outcome(obj, obj.amount)
        if exc is not None:
            return exc
        try:
            obj.extra["next_chain"] = self.chain(obj, over)
        except MatrixConfigurationError:
            return MatrixConfigurationError
        obj.extra["next_over"] = over
        return None

    def resubmitted(self, obj):
        self.reserve(obj, obj.extra.pop("next_over"))
        obj.chain = obj.extra.pop("next_chain")
        self.move(obj, "resubmitted", "submitted")
        self.open_chain_step(obj, 0)

    # --- payment ------------------------------------------------------------------------------

    def pay_all(self):
        """The payment jobs waiting in the outbox run: every voucher-approved claim is paid."""
        for obj in self.objects.values():
            if obj.state == "voucher_approved":
                held = obj.extra.pop("reserved")
                for row in self.rows(obj):
                    row[1] -= held
                    row[2] += obj.amount
                self.move(obj, "paid", "paid")

    def before_sweep(self):
        self.pay_all()  # the sweep relays the outbox before it escalates

    @precondition(lambda self: any(o.state == "voucher_approved" for o in self.objects.values()))
    @rule()
    def pay(self):
        note("pay: the outbox relay publishes the waiting payment jobs")
        self.pay_all()
        outbox.relay(now=timezone.now() + timedelta(days=1))

    # --- the ledger ----------------------------------------------------------------------------

    @invariant()
    def budget_never_overdrawn_and_ledger_matches(self):
        rows = {(d, c, p): [b, r, s] for d, c, p, b, r, s in BudgetBalance.objects.values_list(
            "department_id", "category", "period", "budget", "reserved", "spent")}
        model = {k: v for k, v in self.ledger.items() if any(v) or k in rows}
        assert rows == model, f"ledger {sorted(rows.items())} != model {sorted(model.items())}"
        for (_d, category, period), (budget, reserved, spent) in rows.items():
            assert reserved >= 0 and spent >= 0, (category, period, reserved, spent)
            if POLICY.get(category, OverBudget.BLOCK) == OverBudget.BLOCK:
                assert budget - reserved - spent >= 0, f"{category} {period} overdrawn"
        live = dict(Reservation.objects.filter(state="reserved").values_list("claim_id",
                                                                                "amount"))
        expected = {o.pk: o.extra["reserved"] for o in self.objects.values()
                    if "reserved" in o.extra}
        assert live == expected, f"live reservations {live}, model {expected}"
        for obj in self.objects.values():
            assert (obj.state in RESERVING) == ("reserved" in obj.extra), obj


def _set_up_budgets(personas) -> int:
    """Travel and entertainment budgets of the sales department, in force for the year."""
    for category, rule_ in POLICY.items():
        CategoryPolicy.objects.update_or_create(category=category,
                                                defaults={"over_budget": rule_})
    sales = Department.objects.get(code="sales")
    for category, month in MONTHLY.items():
        budget = budget_create(actor=personas["finance"], fiscal_year=YEAR, department=sales,
                               category=category, total=month * 12, quarters=[month * 3] * 4,
                               months=[month] * 12, owner=personas["gm"])
        budget_submit(budget_id=budget.pk, actor=personas["finance"])
        for approver in ("gm", "ceo"):
            item = WorkItem.objects.get(request__kind="budget", request__object_id=budget.pk,
                                        status="open")
            inbox.task_approve(task_id=item.pk, actor=personas[approver])
        assert type(budget).objects.get(pk=budget.pk).state == BudgetState.IN_FORCE
    outbox.relay(now=timezone.now() + timedelta(days=1))  # nothing left waiting
    return sales.pk


@pytest.mark.django_db
@pytest.mark.timeout(TIMEOUT)
def test_invariants_hold_when_random_personas_drive_expense_claims(personas):
    machine = build(ExpenseMachine, personas, sales_id=_set_up_budgets(personas))
    run_state_machine_as_test(machine, settings=machine_settings())
