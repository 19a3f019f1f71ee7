from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RisksConfig(AppConfig):
    name = "workflows.risks"
    label = "risks"
    verbose_name = _("Risks")

    def ready(self):
        from core import registry

        from .process import SPEC

        registry.register(SPEC)
