"""Approvals the company defines itself (templates), declared once: one process kind whose
chain comes from the version a request was submitted under."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.org import selectors as org
from core.registry import AccessFamily, MatrixSeed, MenuEntry, ProcessSpec, UrlMount

from . import demo, flows, services
from .models import SubmissionState
from .steps import KIND, STEPS


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
    },
    urls=(UrlMount("forms/", "workflows.forms.urls"),
          UrlMount("api/forms/", "workflows.forms.api_urls")),
    menu=(MenuEntry(_("New request"), "forms:catalogue", active_prefix="/forms/new/",
                    visible=_may_submit, order=5),
          MenuEntry(_("Templates"), "forms:templates", active_prefix="/forms/templates/",
                    visible=services.manages_any, order=90)),
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
