from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "workflows.contracts"
    label = "contracts"
    verbose_name = _("Sales contracts")

    def ready(self):
        from core import registry
        from core.audit import config

        from .models import Customer
        from .process import SPEC

        registry.register(SPEC)
        # Rating, limit, owner: what credit checks read. Receivables are derived by the services.
        config.register(Customer, exclude=("open_receivables", "classified_for"))
