from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "workflows.demo"
    label = "demo"
    verbose_name = _("Demo approvals")

    def ready(self):
        from core import registry
        from core.kinds import ProcessKind

        from . import flows, services
        from .models import DemoState

        registry.register(
            registry.ProcessRegistration(
                kind=ProcessKind.DEMO,
                label=str(ProcessKind.DEMO.label),
                flow_class=flows.DemoApprovalFlow,
                on_decision=services.on_decision,
                on_withdraw=services.on_withdraw,
                on_resubmit=services.on_resubmit,
                seed_demo=services.seed_demo,
                extra={"states": dict(DemoState.choices)},
            )
        )
