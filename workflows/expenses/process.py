"""Expense claims and expense budgets, declared once (policy §7): what the engine, the menu,
the URLconf and the security matrix know of them."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.org.models import Role
from core.registry import (
    MENU_ADMIN,
    MENU_REPORTS,
    RESTART,
    TO_RETURNER,
    AccessFamily,
    MatrixSeed,
    MenuEntry,
    ProcessSpec,
    SetupStep,
    UrlMount,
)

from . import demo, flows, panel, selectors
from .models import Budget, BudgetState, ClaimState, ReimbursementStandard
from .services import budgets, claims, payment
from .steps import BUDGET_KIND, CLAIM_KIND, FINANCE_STEP, PAYMENT_STEP, STEPS


def _sees_budgets(user) -> bool:
    return selectors.budget_scope(user).allowed


def _has_budget() -> bool:
    return Budget.objects.filter(state=BudgetState.IN_FORCE).exists()


def _has_standards() -> bool:
    return ReimbursementStandard.objects.exists()


URLS = (UrlMount("expenses/", "workflows.expenses.urls"),
        UrlMount("api/expenses/", "workflows.expenses.api_urls"))

CLAIMS = ProcessSpec(
    kind=CLAIM_KIND,
    label=_("Expense claim"),
    flow=flows.ExpenseFlow,
    on_decision=claims.on_decision,
    on_withdraw=claims.on_withdraw,
    on_resubmit=claims.on_resubmit,
    on_resume=claims.on_resume,
    steps=STEPS,
    route_after=(FINANCE_STEP, PAYMENT_STEP),
    stage_roles={FINANCE_STEP: Role.FINANCE},
    # A returned claim goes through the whole chain again unless whoever returned it asks for
    # it straight back (a missing receipt, say); a changed total restarts it anyway.
    resubmit_to=(RESTART, TO_RETURNER),
    states=dict(ClaimState.choices),
    events={"expense.payment_retried": gettext_noop("%(actor)s sent the failed payment again"),
            "expense.receipt_added": gettext_noop("%(actor)s added a voucher to a line"),
            "expense.receipt_removed": gettext_noop("%(actor)s removed a voucher from a line"),
            "expense.receipt_rejected": gettext_noop("%(actor)s rejected a voucher")},
    urls=URLS,
    menu=(MenuEntry(_("Expenses"), "expenses:claims", active_prefix="/expenses/claims/",
                    order=10),
          # set once a year (a setup step): in the settings drop-down
          MenuEntry(_("Budgets"), "expenses:budgets", active_prefix="/expenses/budgets/",
                    visible=_sees_budgets, order=11, group=MENU_ADMIN),
          MenuEntry(_("Monitor"), "expenses:monitor", active_prefix="/expenses/monitor/",
                    visible=_sees_budgets, order=12, group=MENU_REPORTS)),
    detail_url=lambda req: f"/expenses/claims/{req.object_id}/",
    revise_url=lambda req: f"/expenses/claims/{req.object_id}/edit/",
    visible_to_roles=("finance",),
    seed_demo=demo.seed,
    sweep=payment.requeue_stalled,
    matrix=(MatrixSeed(bands=(("0", "5000", ("line_manager",)),
                              ("5000", "20000", ("line_manager", "sales_gm")),
                              ("20000", None, ("line_manager", "sales_gm", "ceo")))),
            MatrixSeed(category="marketing",
                       bands=(("0", "10000", ("line_manager",)),
                              ("10000", "50000", ("line_manager", "sales_gm")),
                              ("50000", None, ("line_manager", "sales_gm", "ceo"))))),
    access=(AccessFamily("expenses/claims/<int:claim_id>/", "claim"),
            AccessFamily("api/expenses/claims/<int:pk>/", "claim")),
    setup=(SetupStep(_("Reimbursement standards"),
                     "admin:expenses_reimbursementstandard_changelist", _has_standards,
                     hint=_("Caps per night, day or trip by city tier and grade, which every "
                            "claim is checked against (policy §7)."), order=40),),
    task_panel=panel.claim_panel,
    warnings=panel.claim_warnings,
)

BUDGETS = ProcessSpec(
    kind=BUDGET_KIND,
    label=_("Expense budget"),
    flow=flows.BudgetFlow,
    on_decision=budgets.on_decision,
    on_withdraw=budgets.on_withdraw,
    on_resubmit=budgets.on_resubmit,
    states=dict(BudgetState.choices),
    events={"budget.superseded": gettext_noop(
        "%(actor)s's approval put a newer version in force")},
    detail_url=lambda req: f"/expenses/budgets/{req.object_id}/",
    revise_url=lambda req: f"/expenses/budgets/{req.object_id}/",
    visible_to_roles=("finance",),
    matrix=(MatrixSeed(bands=(("0", None, ("sales_gm", "ceo")),)),),
    access=(AccessFamily("expenses/budgets/<int:budget_id>/", "budget"),
            AccessFamily("api/expenses/budgets/<int:pk>/", "budget")),
    setup=(SetupStep(_("Budgets"), "expenses:budgets", _has_budget,
                     hint=_("Each department's expense budget for the year, approved before "
                            "it is in force; claims are checked against what remains."),
                     order=30),),
)
