from django.apps import AppConfig
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


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
                   "visible_to_roles": ("legal", "finance"),
                   "events": {
                       "contract.amendment_drafted": gettext_noop(
                           "%(actor)s drafted an amendment (a new version)"),
                       "contract.milestone_added": gettext_noop("%(actor)s added a milestone"),
                       "contract.milestone_done": gettext_noop(
                           "%(actor)s marked a milestone done"),
                       "contract.problem_raised": gettext_noop(
                           "%(actor)s raised an execution problem"),
                       "contract.problem_resolved": gettext_noop(
                           "%(actor)s resolved an execution problem"),
                       "customer.created": gettext_noop("%(actor)s created the customer"),
                       "customer.limit_change_requested": gettext_noop(
                           "%(actor)s asked for a credit limit change"),
                       "customer.limit_changed": gettext_noop(
                           "%(actor)s approved the credit limit change"),
                       "customer.limit_change_refused": gettext_noop(
                           "%(actor)s refused the credit limit change"),
                   }},
        ))
