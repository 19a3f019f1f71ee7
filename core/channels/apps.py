from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "core.channels"
    label = "channels"
    verbose_name = _("Channels")

    def ready(self):
        from core.audit import config

        from .models import PlatformIdentity, Preference, Robot

        # Who is reached where, and through which robot, is configuration: audited. The
        # encrypted URL and secret show only that they changed.
        config.register(Robot, secret=("webhook_url_enc", "secret_enc"))
        config.register(PlatformIdentity)
        config.register(Preference, exclude=("last_digest_at",))
