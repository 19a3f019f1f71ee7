from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    name = "workflows.forms"
    label = "forms"
    verbose_name = _("Approval templates")

    def ready(self):
        from core import registry
        from core.audit import config

        from .models import FormTemplate
        from .process import ACTION_SPEC, SPEC

        registry.register(SPEC)
        registry.register(ACTION_SPEC)
        # the template row (name, who may submit, enabled); versions and drafts are audited
        # by the services that publish and save them
        config.register(FormTemplate, exclude=("draft", "draft_updated"))
