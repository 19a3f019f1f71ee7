from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import engine
from core.org.models import Role

from ..models import PlanState
from ..steps import CONFIRM_STEP

register = template.Library()

# The plan's own events in plain language; the others (drafted, submitted, ...) are described by
# the inbox's `describe`. Task decisions carry the step in `data` and the region in `changes`.
_SENTENCES = {
    ("plan.step_approved", CONFIRM_STEP, ""): gettext_noop(
        "%(actor)s confirmed the allocation of %(region)s"),
    ("plan.step_approved", CONFIRM_STEP, PlanState.CONFIRMED): gettext_noop(
        "%(actor)s confirmed the allocation of %(region)s: every region has confirmed"),
    ("plan.returned", CONFIRM_STEP, ""): gettext_noop(
        "%(actor)s pushed back the allocation of %(region)s"),
    ("plan.returned", Role.CEO, ""): gettext_noop("%(actor)s returned the plan to the sales GM"),
    ("plan.approved", Role.CEO, ""): gettext_noop("%(actor)s signed the plan off: published"),
    ("plan.sent_to_ceo", "", ""): gettext_noop("%(actor)s sent the plan to the CEO"),
    ("plan.allocations_saved", "", ""): gettext_noop(
        "%(actor)s changed the grid (%(cells)s cells)"),
    ("plan.revision_drafted", "", ""): gettext_noop(
        "%(actor)s drafted a revision of the published plan"),
    ("plan.superseded", "", ""): gettext_noop("Superseded by version %(version)s"),
}


@register.filter
def plan_event(event, regions=None):
    data = event.data or {}
    step = data.get("step", "")
    text = (_SENTENCES.get((event.event, step, event.to_state))
            or _SENTENCES.get((event.event, step, "")) or _SENTENCES.get((event.event, "", "")))
    if text is None:
        return engine.describe_event(event)
    cached = event._state.fields_cache.get("actor")
    actor = str(cached) if cached is not None else event.actor_name
    region = ((event.changes or {}).get("region") or [None, ""])[1] or ""
    sentence = _(text) % {"actor": actor, "region": (regions or {}).get(region, region),
                          "cells": data.get("cells_changed", "?"),
                          "version": data.get("by_version", "?")}
    if event.on_behalf_of_name:
        sentence += " " + _("(acting for %(name)s)") % {"name": event.on_behalf_of_name}
    return sentence


@register.filter
def pct(value):
    return "—" if value is None else f"{value} %"


@register.filter
def level(value):
    """ok from 100 %, warn from 80 %, over below (for colouring attainment)."""
    if value is None:
        return ""
    return "ok" if value >= 100 else "warn" if value >= 80 else "over"


@register.filter
def amount(value):
    """1,234,567.89 in every language (grouped like the money figures)."""
    if value in (None, ""):
        return "—"
    return f"{value:,.2f}"
