"""The demo approval, declared once: what the engine, the menu, the URLconf and the security
matrix know of it. The template to copy for a new process (docs/adding-a-process.md)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core.registry import MatrixSeed, ProcessSpec, UrlMount

from . import flows, services
from .models import DemoState
from .steps import KIND

SPEC = ProcessSpec(
    kind=KIND,
    label=_("Demo approval"),
    flow=flows.DemoApprovalFlow,
    on_decision=services.on_decision,
    on_withdraw=services.on_withdraw,
    on_resubmit=services.on_resubmit,
    states=dict(DemoState.choices),
    urls=(UrlMount("demo/", "workflows.demo.urls"),),
    seed_demo=services.seed_demo,
    # line manager up to 10,000.00, then the sales GM as well
    matrix=(MatrixSeed(bands=(("0", "10000", ("line_manager",)),
                              ("10000", None, ("line_manager", "sales_gm")))),),
    sla_hours=Decimal("8"),
)
