from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Countersign core")

    def ready(self):
        from . import fsm_guard  # noqa: F401  (connects the transition count)
        from .api import authentication  # noqa: F401  (a password change ends the token)
