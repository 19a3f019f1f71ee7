from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "core.channels"
    label = "channels"
    verbose_name = _("Channels")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.audit import config

        from . import webhooks
        from .models import PlatformIdentity, Preference, Robot, WebhookEndpoint

        # Who is reached where, and through which robot, is configuration: audited. The
        # encrypted URL and secret show only that they changed.
        config.register(Robot, secret=("webhook_url_enc", "secret_enc"))
        config.register(PlatformIdentity)
        config.register(Preference, exclude=("last_digest_at",))
        config.register(WebhookEndpoint, secret=("secret_enc",))
        post_save.connect(webhooks.forget_cached_endpoints, sender=WebhookEndpoint)
        post_delete.connect(webhooks.forget_cached_endpoints, sender=WebhookEndpoint)
