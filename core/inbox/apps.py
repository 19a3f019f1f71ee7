from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "core.inbox"
    label = "inbox"
    verbose_name = _("Tasks and requests")

    def ready(self):
        from core.audit import config

        from .models import Holiday, SLARule

        config.register(SLARule)
        config.register(Holiday)
