"""Sales contracts, declared once (policy §4.4): what the engine, the menu, the URLconf and the
security matrix know of them."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.org.models import Role
from core.registry import AccessFamily, MatrixSeed, MenuEntry, ProcessSpec, UrlMount

from . import demo, flows, panel, selectors, services
from .models import ContractState
from .steps import FINANCE_STEP, KIND, LEGAL_STEP, PARALLEL_STEPS, REGIONAL_STEP, STEPS

SPEC = ProcessSpec(
    kind=KIND,
    label=_("Sales contract"),
    flow=flows.ContractFlow,
    on_decision=services.on_decision,
    on_withdraw=services.on_withdraw,
    on_resubmit=services.on_resubmit,
    steps=STEPS,
    route_before=(REGIONAL_STEP, LEGAL_STEP, FINANCE_STEP),
    parallel=(PARALLEL_STEPS,),
    stage_roles={REGIONAL_STEP: Role.REGIONAL_MANAGER, LEGAL_STEP: Role.LEGAL,
                 FINANCE_STEP: Role.FINANCE},
    # a revised contract is reviewed again from the regional manager on, unless the reviewer
    # who returned it asks for it straight back (the default resubmit_to)
    states=dict(ContractState.choices),
    events={
        "contract.amendment_drafted": gettext_noop(
            "%(actor)s drafted an amendment (a new version)"),
        "contract.milestone_added": gettext_noop("%(actor)s added a milestone"),
        "contract.milestone_done": gettext_noop("%(actor)s marked a milestone done"),
        "contract.problem_raised": gettext_noop("%(actor)s raised an execution problem"),
        "contract.problem_resolved": gettext_noop("%(actor)s resolved an execution problem"),
        "customer.class_changed": gettext_noop("The monthly classification changed the class"),
        "customer.interaction_logged": gettext_noop("%(actor)s logged an interaction"),
        "customer.created": gettext_noop("%(actor)s created the customer"),
        "customer.limit_change_requested": gettext_noop(
            "%(actor)s asked for a credit limit change"),
        "customer.limit_changed": gettext_noop("%(actor)s approved the credit limit change"),
        "customer.limit_change_refused": gettext_noop(
            "%(actor)s refused the credit limit change"),
    },
    urls=(UrlMount("contracts/statistics/", "workflows.contracts.stats_urls"),
          UrlMount("contracts/", "workflows.contracts.urls"),
          UrlMount("api/contracts/statistics/", "workflows.contracts.api_stats_urls"),
          UrlMount("api/contracts/", "workflows.contracts.api_urls")),
    menu=(MenuEntry(_("Contracts"), "contracts:contracts", active_prefix="/contracts/",
                    order=20),),
    detail_url=lambda req: reverse("contracts:contract", kwargs={"contract_id": req.object_id}),
    revise_url=lambda req: reverse("contracts:contract-edit",
                                   kwargs={"contract_id": req.object_id}),
    visible_to_roles=(Role.LEGAL, Role.FINANCE),
    seed_demo=demo.seed,
    # overdue collections daily; the customer classification once a month (policy §4(二))
    sweep=lambda now: (services.collections_sweep(today=timezone.localdate(now))
                       + services.classification_sweep(today=timezone.localdate(now))),
    # sign-off after the regional, legal and finance reviews (policy 4.4)
    matrix=(MatrixSeed(bands=(("0", "1000000", ("sales_gm",)),
                              ("1000000", None, ("ceo",)))),),
    access=(AccessFamily("contracts/customers/<int:customer_id>/", "customer"),
            AccessFamily("api/contracts/customers/<int:pk>/", "customer"),
            AccessFamily("contracts/limit-changes/<int:change_id>/", "change"),
            AccessFamily("api/contracts/credit-limit-changes/<int:pk>/", "change"),
            AccessFamily("api/contracts/milestones/<int:pk>/", "milestone"),
            AccessFamily("api/contracts/problems/<int:pk>/", "problem"),
            AccessFamily("contracts/<int:contract_id>/", "contract"),
            AccessFamily("api/contracts/contracts/<int:pk>/", "contract")),
    task_panel=panel.contract_panel,
    warnings=panel.contract_warnings,
    cc_rules=selectors.cc_rules,  # finance on every contract over the threshold
)
