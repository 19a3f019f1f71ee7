"""Risks, declared once (policy §8): what the engine, the menu, the URLconf and the security
matrix know of them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.org.models import Role
from core.registry import RESTART, AccessFamily, MatrixSeed, MenuEntry, ProcessSpec, UrlMount

from . import demo, flows, panel, selectors, services
from .events import EVENTS
from .models import RiskState
from .steps import KIND, PLAN_STEP, STEPS

SPEC = ProcessSpec(
    kind=KIND,
    label=_("Risk"),
    flow=flows.RiskFlow,
    on_decision=services.on_decision,
    on_withdraw=services.on_withdraw,
    on_resubmit=services.on_resubmit,
    # a returned risk plan is reviewed again from the start
    resubmit_to=(RESTART,),
    steps=STEPS,
    states=dict(RiskState.choices),
    events=EVENTS,
    urls=(UrlMount("risks/", "workflows.risks.urls"),
          UrlMount("api/risks/", "workflows.risks.api_urls")),
    menu=(MenuEntry(_("Risks"), "risks:register", active_prefix="/risks/", order=40),),
    detail_url=lambda req: reverse("risks:risk", kwargs={"risk_id": req.object_id}),
    # Policy 8: the sales GM owns risk escalations; the CEO approves critical risks.
    visible_to_roles=(Role.SALES_GM, Role.CEO),
    # the approver comes from the risk level, not the amount matrix
    routes_by_matrix=False,
    seed_demo=demo.seed,
    # Overdue measures escalate and periodic reviews open here; risk approvals left past
    # their deadline are escalated by the task engine's own sweep.
    sweep=lambda now: services.risks_sweep(now=now),
    matrix=(MatrixSeed(bands=(("0", None, (Role.REGIONAL_MANAGER,)),)),),
    access=(AccessFamily("risks/<int:risk_id>/", "risk"),
            AccessFamily("api/risks/risks/<int:pk>/", "risk")),
    task_panel=panel.risk_panel,
    # the plan is its measures (what, who, by when): read on the task page before approving
    decided_on_page={PLAN_STEP: _("its response plan's measures are read on its page")},
    cc_rules=selectors.cc_rules,  # the region's manager on every risk of the region
)
