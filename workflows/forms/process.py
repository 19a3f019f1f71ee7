"""Approvals the company defines itself (templates), declared once: one process kind whose
chain comes from the version a request was submitted under."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.org import selectors as org
from core.registry import (
    ALL_STEPS,
    MENU_ADMIN,
    AccessFamily,
    MatrixSeed,
    MenuEntry,
    ProcessSpec,
    UrlMount,
)

from . import action_items, demo, flows, services
from .models import ActionItemState, SubmissionState
from .steps import ACTION_KIND, ACTION_STEPS, KIND, STEPS


def _may_submit(user) -> bool:
    """Auditors (read-only people) start nothing: no "New request" in their menu."""
    return not org.is_read_only(user)


SPEC = ProcessSpec(
    kind=KIND,
    label=_("Template request"),
    flow=flows.FormFlow,
    on_decision=services.on_decision,
    on_withdraw=services.on_withdraw,
    on_resubmit=services.on_resubmit,
    chain=services.chain_of,
    steps=STEPS,
    states=dict(SubmissionState.choices),
    events={
        "form.drafted": gettext_noop("%(actor)s saved a draft"),
        "form.revised": gettext_noop("%(actor)s revised the form"),
        "form_template.draft_saved": gettext_noop("%(actor)s saved a draft of the template"),
        "form_template.published": gettext_noop("%(actor)s published a new version"),
        "form.reserved": gettext_noop("%(actor)s's approval held the budget"),
        "form.cancelled": gettext_noop("%(actor)s called the request off"),
    },
    urls=(UrlMount("forms/", "workflows.forms.urls"),
          UrlMount("api/forms/", "workflows.forms.api_urls")),
    menu=(MenuEntry(_("New request"), "forms:catalogue", active_prefix="/forms/new/",
                    visible=_may_submit, order=5),
          MenuEntry(_("Templates"), "forms:templates", active_prefix="/forms/templates/",
                    visible=services.manages_any, order=90, group=MENU_ADMIN)),
    detail_url=lambda req: f"/forms/requests/{req.object_id}/",
    revise_url=lambda req: f"/forms/requests/{req.object_id}/revise/",
    seed_demo=demo.seed,
    # the amount bands of a template that routes by them (category = the template's code):
    # the shipped training plan, line manager up to 5,000.00, then the sales GM as well
    matrix=(MatrixSeed(category="training", bands=(("0", "5000", ("line_manager",)),
                                                   ("5000", None, ("line_manager", "sales_gm")))),),
    sla_hours=Decimal("16"),
    access=(AccessFamily("forms/requests/<int:submission_id>/", "form"),
            AccessFamily("forms/new/<slug:code>/", "form_new"),
            AccessFamily("forms/templates/<int:template_id>/", "form_template"),
            AccessFamily("api/forms/submissions/<int:pk>/", "form")),
)

# An action item of an approved request (the meeting minutes' rows): one task, its owner's,
# due on the item's date, marked done with a note; never rejected or returned.
ACTION_SPEC = ProcessSpec(
    kind=ACTION_KIND,
    label=_("Action item"),
    flow=flows.ActionFlow,
    on_decision=action_items.on_decision,
    on_withdraw=action_items.on_withdraw,
    on_resubmit=action_items.on_resubmit,
    chain=action_items.chain_of,
    routes_by_matrix=False,
    can_reject=False,
    can_return=False,
    approve_labels=(_("Mark done"), _("Mark done and open the next")),
    decided_on_page={ALL_STEPS: _("marking it done takes a note of what was done")},
    steps=ACTION_STEPS,
    states=dict(ActionItemState.choices),
    events={
        "form_action.opened": gettext_noop("%(actor)s's approval opened the action item"),
        "form_action.done": gettext_noop("%(actor)s marked the action item done"),
        "form_action.cancelled": gettext_noop("%(actor)s cancelled the action item"),
    },
    detail_url=action_items.detail_url,
)
