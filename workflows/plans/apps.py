from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "workflows.plans"
    label = "plans"
    verbose_name = _("Sales plans")

    def ready(self):
        from core import registry

        from .process import SPEC

        registry.register(SPEC)
