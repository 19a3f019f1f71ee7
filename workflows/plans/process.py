"""Sales plans, declared once (policy §2.1, §4.1): what the engine, the menu, the URLconf and
the security matrix know of them."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.org.models import Role
from core.registry import RESTART, AccessFamily, MatrixSeed, MenuEntry, ProcessSpec, UrlMount

from . import demo, flows, panel, services
from .models import PlanState
from .steps import CONFIRM_STEP, KIND, STEPS

SPEC = ProcessSpec(
    kind=KIND,
    label=_("Sales plan"),
    flow=flows.PlanFlow,
    on_decision=services.on_decision,
    on_withdraw=services.on_withdraw,
    on_resubmit=services.on_resubmit,
    # a plan pushed back is confirmed again by every region
    resubmit_to=(RESTART,),
    steps=STEPS,
    # the regions confirm (one task each, side by side) before the sign-off chain
    route_before=(CONFIRM_STEP,),
    states=dict(PlanState.choices),
    events={
        "plan.sent_to_ceo": gettext_noop("%(actor)s sent the plan to the CEO"),
        "plan.allocations_saved": gettext_noop("%(actor)s saved the allocations"),
        "plan.revision_drafted": gettext_noop("%(actor)s drafted a revision (a new version)"),
        "plan.superseded": gettext_noop("Superseded by a newer version"),
        "plan.actuals_imported": gettext_noop("%(actor)s imported actuals"),
        "plan.actual_recorded": gettext_noop("%(actor)s recorded an actual"),
        "plan.actual_basis_changed": gettext_noop(
            "%(actor)s changed where the plan's actual sales come from"),
    },
    urls=(UrlMount("plans/", "workflows.plans.urls"),
          UrlMount("api/plans/", "workflows.plans.api_urls")),
    menu=(MenuEntry(_("Plans"), "plans:plans", active_prefix="/plans/", order=30),),
    detail_url=lambda req: f"/plans/{req.object_id}/",
    # The CEO signs every plan off (policy 2.1) and reads them all.
    visible_to_roles=(Role.CEO,),
    # A region pushes back (a return with a reason); nobody rejects a plan.
    can_reject=False,
    seed_demo=demo.seed,
    matrix=(MatrixSeed(bands=(("0", None, (Role.CEO,)),)),),
    access=(AccessFamily("plans/<int:plan_id>/", "plan"),
            AccessFamily("api/plans/plans/<int:pk>/", "plan")),
    task_panel=panel.plan_panel,
)
