from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "core.inbox"
    label = "inbox"
    verbose_name = _("Tasks and requests")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from core.audit import config

        from . import search
        from .models import Holiday, SLARule

        config.register(SLARule)
        config.register(Holiday)
        # a renamed submitter is found by their new name (Request.search_text)
        post_save.connect(search.user_renamed, sender=get_user_model(),
                          dispatch_uid="inbox.search.user_renamed")
