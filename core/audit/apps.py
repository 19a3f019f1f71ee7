from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "core.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from django.contrib.auth.models import Group

        from core.org.models import ApiToken

        from . import config

        config.connect()
        # Django's and the libraries' rows that decide who may do what.
        config.register(Group)
        # API tokens (knox): made, revoked, expired; their use (last_used) is not a change.
        config.register(ApiToken, secret=("digest", "token_key"), exclude=("last_used",),
                        parent="user")
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        # django-axes writes these itself on every login; deleting one (unlocking a person,
        # clearing the log) is the administrator's change that is audited.
        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            config.register(model, ops={"delete"})
