from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpensesConfig(AppConfig):
    name = "workflows.expenses"
    label = "expenses"
    verbose_name = _("Expenses")

    def ready(self):
        from core import registry
        from core.audit import config

        from .models import CategoryPolicy, ReimbursementStandard, VoucherRequirement
        from .process import BUDGETS, CLAIMS

        registry.register(CLAIMS)
        registry.register(BUDGETS)
        config.register(ReimbursementStandard)
        config.register(CategoryPolicy)
        config.register(VoucherRequirement)
