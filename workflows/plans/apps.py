from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "workflows.plans"
    label = "plans"
    verbose_name = _("Sales plans")

    def ready(self):
        from core import registry
        from core.kinds import ProcessKind

        from . import demo, flows, services
        from .models import PlanState

        registry.register(registry.ProcessRegistration(
            kind=ProcessKind.PLAN, label=str(ProcessKind.PLAN.label),
            flow_class=flows.PlanFlow, on_decision=services.on_decision,
            on_withdraw=services.on_withdraw, on_resubmit=services.on_resubmit,
            seed_demo=demo.seed,
            detail_url=lambda req: f"/plans/{req.object_id}/",
            extra={"steps": {services.CONFIRM_STEP: _("Regional confirmation"),
                             services.SUBMIT_STEP: _("Sales GM submits to the CEO")},
                   "states": dict(PlanState.choices),
                   # The CEO signs every plan off (policy 2.1) and reads them all.
                   "visible_to_roles": ("ceo",)},
        ))
