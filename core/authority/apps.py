from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuthorityConfig(AppConfig):
    name = "core.authority"
    label = "authority"
    verbose_name = _("Approval authority")

    def ready(self):
        from core.audit import config

        from .models import AuthorityBand, AuthorityMatrix

        config.register(AuthorityMatrix)
        config.register(AuthorityBand, parent="matrix")
