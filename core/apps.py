from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Countersign core")

    def ready(self):
        # fsm_guard connects the transition count; database registers the pooler's check.
        from . import database, fsm_guard  # noqa: F401
        from .api import authentication  # noqa: F401  (a password change ends the token)
