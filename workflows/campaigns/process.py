"""Marketing campaigns and their evaluations, declared once (policy 5(三)): what the engine,
the menu, the URLconf and the security matrix know of them."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.registry import ALL_STEPS, AccessFamily, MatrixSeed, MenuEntry, ProcessSpec, UrlMount

from . import demo, flows, selectors, services
from .models import CampaignState, EvaluationState
from .steps import EVAL_KIND, KIND, TASK_KIND, TASK_STEPS

SPEC = ProcessSpec(
    kind=KIND,
    label=_("Marketing campaign"),
    flow=flows.CampaignFlow,
    on_decision=services.on_decision,
    on_withdraw=services.on_withdraw,
    on_resubmit=services.on_resubmit,
    states=dict(CampaignState.choices),
    events={
        "campaign.reserved": gettext_noop(
            "%(actor)s's approval reserved the campaign's budget"),
        "campaign.cancelled": gettext_noop(
            "%(actor)s called the campaign off and released its budget"),
        "campaign.ended": gettext_noop("%(actor)s ended the campaign and opened its evaluation"),
        "campaign.closed": gettext_noop(
            "%(actor)s's approval of the evaluation released the budget left unused"),
    },
    urls=(UrlMount("campaigns/", "workflows.campaigns.urls"),
          UrlMount("api/campaigns/", "workflows.campaigns.api_urls")),
    menu=(MenuEntry(_("Campaigns"), "campaigns:list", active_prefix="/campaigns/", order=30),),
    detail_url=lambda req: f"/campaigns/{req.object_id}/",
    revise_url=lambda req: f"/campaigns/{req.object_id}/edit/",
    visible_to_roles=("marketing",),
    seed_demo=demo.seed,
    sweep=services.sweep,
    # marketing (its head: step_holders) and the sales GM; the CEO as well from 100,000.00
    # (the administrator moves the line in the authority matrix)
    matrix=(MatrixSeed(bands=(("0", "100000", ("marketing", "sales_gm")),
                              ("100000", None, ("marketing", "sales_gm", "ceo")))),),
    access=(AccessFamily("campaigns/<int:campaign_id>/", "campaign"),
            AccessFamily("api/campaigns/<int:pk>/", "campaign")),
    sla_hours=Decimal("16"),
    # the marketing step is the head of marketing's, not the role's queue, when the org chart
    # names one (otherwise every holder of the role may take it)
    step_holders={"marketing": (services.marketing_head, gettext_noop(
        "The head of the marketing department (its manager in the org chart)."))},
)


def _evaluation_url(req) -> str:
    from .models import CampaignEvaluation

    campaign_id = (CampaignEvaluation.objects.filter(pk=req.object_id)
                   .values_list("campaign_id", flat=True).first())
    return f"/campaigns/{campaign_id}/"


def _evaluation_form(req) -> str:
    return _evaluation_url(req) + "evaluation/"


EVALUATIONS = ProcessSpec(
    kind=EVAL_KIND,
    label=_("Campaign evaluation"),
    flow=flows.EvaluationFlow,
    on_decision=services.on_evaluation_decision,
    on_withdraw=services.on_evaluation_withdraw,
    on_resubmit=services.on_evaluation_resubmit,
    states=dict(EvaluationState.choices),
    events={"campaign_eval.opened": gettext_noop(
        "%(actor)s opened the evaluation for the campaign's owner")},
    detail_url=_evaluation_url,
    revise_url=_evaluation_form,
    visible_to_roles=("marketing",),
    can_reject=False,
    matrix=(MatrixSeed(bands=(("0", None, ("sales_gm",)),)),),
)

# The owner's inbox task of filling the evaluation in, opened when the campaign ends, due at the
# end of the evaluation's due date (ten working days); done by sending the evaluation from its
# form (the task page links to it), never returned or rejected.
EVALUATION_TASKS = ProcessSpec(
    kind=TASK_KIND,
    label=_("Campaign evaluation form"),
    flow=flows.EvaluationTaskFlow,
    on_decision=services.on_evaluation_task_decision,
    on_withdraw=services.on_evaluation_task_withdraw,
    on_resubmit=services.on_evaluation_task_resubmit,
    chain=services.evaluation_task_chain,
    routes_by_matrix=False,
    can_reject=False,
    can_return=False,
    approve_labels=(_("Evaluation sent"), _("Evaluation sent, open the next")),
    decided_on_page={ALL_STEPS: _("it is done by sending the evaluation from its form")},
    steps=TASK_STEPS,
    states=dict(EvaluationState.choices),
    events={"campaign_eval.sent": gettext_noop(
        "%(actor)s sent the evaluation, which completed the task")},
    detail_url=services.evaluation_task_url,
)

__all__ = ["EVALUATIONS", "EVALUATION_TASKS", "SPEC", "selectors"]
