from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "workflows.contracts"
    label = "contracts"
    verbose_name = _("Sales contracts")

    def ready(self):
        from core import registry

        from .process import SPEC

        registry.register(SPEC)
