from django.apps import AppConfig
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "workflows.contracts"
    label = "contracts"
    verbose_name = _("Sales contracts")

    def ready(self):
        from core import registry
        from core.kinds import ProcessKind

        from . import demo, flows, services
        from .models import ContractState
        from .services.contracts import FINANCE_STEP, LEGAL_STEP, REGIONAL_STEP

        registry.register(registry.ProcessRegistration(
            kind=ProcessKind.CONTRACT, label=str(ProcessKind.CONTRACT.label),
            flow_class=flows.ContractFlow, on_decision=services.on_decision,
            on_withdraw=services.on_withdraw, on_resubmit=services.on_resubmit,
            seed_demo=demo.seed,
            detail_url=lambda req: f"/contracts/{req.object_id}/",
            sweep=lambda now: services.collections_sweep(today=timezone.localdate(now)),
            extra={"steps": {REGIONAL_STEP: _("Regional manager review"),
                             LEGAL_STEP: _("Legal review"),
                             FINANCE_STEP: _("Finance credit review")},
                   "states": dict(ContractState.choices),
                   "visible_to_roles": ("legal", "finance")},
        ))
