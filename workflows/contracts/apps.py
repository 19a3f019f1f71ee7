from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "workflows.contracts"
    label = "contracts"
    verbose_name = _("Sales contracts")

    def ready(self):
        from core import registry
        from core.audit import config

        from .models import Customer, Product
        from .process import SPEC

        registry.register(SPEC)
        # Rating, limit, owner: what credit checks read. Receivables are derived by the services.
        config.register(Customer, exclude=("open_receivables", "classified_for"))
        # The catalogue: every create and change (the admin, the import) is an audit event.
        config.register(Product, exclude=("currency",))
