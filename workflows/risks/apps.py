from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RisksConfig(AppConfig):
    name = "workflows.risks"
    label = "risks"
    verbose_name = _("Risks")

    def ready(self):
        from core import registry
        from core.audit import config

        from .models import LevelBand, ReviewSchedule
        from .process import SPEC

        registry.register(SPEC)
        config.register(LevelBand)
        config.register(ReviewSchedule)
