from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RisksConfig(AppConfig):
    name = "workflows.risks"
    label = "risks"
    verbose_name = _("Risks")

    def ready(self):
        from core import registry
        from core.kinds import ProcessKind

        from . import demo, flows, services
        from .events import EVENTS
        from .models import RiskState
        from .services.routing import STEP_LABELS

        registry.register(registry.ProcessRegistration(
            kind=ProcessKind.RISK, label=str(ProcessKind.RISK.label),
            flow_class=flows.RiskFlow, on_decision=services.on_decision,
            on_withdraw=services.on_withdraw, on_resubmit=services.on_resubmit,
            seed_demo=demo.seed,
            detail_url=lambda req: f"/risks/{req.object_id}/",
            # Overdue measures escalate and periodic reviews open here; risk approvals left
            # past their deadline are escalated by the task engine's own sweep.
            sweep=lambda now: services.risks_sweep(now=now),
            # Policy 8: the sales GM owns risk escalations; the CEO approves critical risks.
            extra={"steps": dict(STEP_LABELS), "states": dict(RiskState.choices),
                   "visible_to_roles": ("sales_gm", "ceo"), "events": EVENTS,
                   # the approver comes from the risk level, not the amount matrix
                   "routes_by_matrix": False},
        ))
