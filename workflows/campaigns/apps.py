from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "workflows.campaigns"
    label = "campaigns"
    verbose_name = _("Marketing campaigns")

    def ready(self):
        from core import registry

        from .process import EVALUATION_TASKS, EVALUATIONS, SPEC

        registry.register(SPEC)
        registry.register(EVALUATIONS)
        registry.register(EVALUATION_TASKS)
