from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "workflows.demo"
    label = "demo"
    verbose_name = _("Demo approvals")

    def ready(self):
        from core import registry

        from .process import SPEC

        registry.register(SPEC)
