from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


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
                   "visible_to_roles": ("ceo",),
                   # A region pushes back (a return with a reason); nobody rejects a plan.
                   "can_reject": False,
                   "events": {
                       "plan.sent_to_ceo": gettext_noop("%(actor)s sent the plan to the CEO"),
                       "plan.allocations_saved": gettext_noop("%(actor)s saved the allocations"),
                       "plan.revision_drafted": gettext_noop(
                           "%(actor)s drafted a revision (a new version)"),
                       "plan.superseded": gettext_noop("Superseded by a newer version"),
                       "plan.actuals_imported": gettext_noop("%(actor)s imported actuals"),
                       "plan.actual_recorded": gettext_noop("%(actor)s recorded an actual"),
                   }},
        ))
