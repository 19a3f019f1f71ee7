from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpensesConfig(AppConfig):
    name = "workflows.expenses"
    label = "expenses"
    verbose_name = _("Expenses")

    def ready(self):
        from core import registry
        from core.kinds import ProcessKind

        from . import demo, flows
        from .models import BudgetState, ClaimState
        from .services import budgets, claims, payment

        registry.register(registry.ProcessRegistration(
            kind=ProcessKind.EXPENSE, label=str(ProcessKind.EXPENSE.label),
            flow_class=flows.ExpenseFlow, on_decision=claims.on_decision,
            on_withdraw=claims.on_withdraw, on_resubmit=claims.on_resubmit,
            seed_demo=demo.seed,
            detail_url=lambda req: f"/expenses/claims/{req.object_id}/",
            sweep=payment.requeue_stalled,
            # Finance checks every voucher and pays every claim (policy 7.2).
            extra={"steps": {claims.FINANCE_STEP: _("Finance voucher review"),
                             claims.PAYMENT_STEP: _("Payment")},
                   "states": dict(ClaimState.choices),
                   "visible_to_roles": ("finance",)},
        ))
        registry.register(registry.ProcessRegistration(
            kind=ProcessKind.BUDGET, label=str(ProcessKind.BUDGET.label),
            flow_class=flows.BudgetFlow, on_decision=budgets.on_decision,
            on_withdraw=budgets.on_withdraw, on_resubmit=budgets.on_resubmit,
            detail_url=lambda req: f"/expenses/budgets/{req.object_id}/",
            extra={"visible_to_roles": ("finance",), "states": dict(BudgetState.choices)},
        ))
