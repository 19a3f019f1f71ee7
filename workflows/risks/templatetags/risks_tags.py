"""Risk history in plain language, and the level colours (one place for the page and the map)."""

from django import template
from django.utils.translation import gettext as _

from core import engine
from core.org.models import Role

from ..events import ESCALATIONS
from ..models import Level

register = template.Library()

LEVELS = dict(Level.choices)
COLOURS = {"low": "#d1fadf", "medium": "#fef0c7", "high": "#fddcab", "critical": "#fecdca",
           "": "#f2f4f7"}


@register.filter
def risk_event(event):
    """An audit event of a risk in plain language: who it was escalated to, and the levels an
    assessment moved between, on top of the shared sentences."""
    data = event.data or {}
    if event.event == "risk.escalated" and data.get("reason") in ESCALATIONS:
        role = data.get("role", "")
        return _(ESCALATIONS[data["reason"]]) % {
            "role": str(Role(role).label) if role in Role.values else role,
            "level": data.get("level", "")}
    sentence = engine.describe_event(event)
    if event.event == "risk.assessed" and (event.changes or {}).get("level"):
        old, new = (str(LEVELS.get(v, v or "—")) for v in event.changes["level"])
        sentence += f" ({old} → {new})"
    return sentence


@register.filter
def level_colour(level):
    return COLOURS.get(level or "", COLOURS[""])


@register.filter
def role_name(code):
    return str(Role(code).label) if code in Role.values else code
