"""{% demo_tour %}: the demo's "try this" panel for the logged-in persona (templates/core/
_demo_tour.html, included by the home page). Nothing outside the demo settings, nothing for a
user who is not one of the seeded personas."""

from django import template
from django.urls import NoReverseMatch, reverse

from core.demo_views import TOUR_HIDDEN, demo_enabled
from core.org import demo

register = template.Library()


def tour_steps(persona: demo.Persona) -> list[dict]:
    """The panel's lines for this persona: text, link (or ""), persona to switch to (or "")."""
    steps = []
    for step in demo.TOURS.get(persona.role, ()):
        switch = persona.manager if step.switch == "manager" else step.switch
        link = ""
        if step.url:
            try:
                link = reverse(step.url) + (f"?{step.query}" if step.query else "")
            except NoReverseMatch:  # a process not installed here: the line without its link
                link = ""
        steps.append({"text": str(step.text) % {"manager": switch or ""},
                      "url": link, "switch": switch or ""})
    return steps


@register.inclusion_tag("core/_demo_tour.html", takes_context=True)
def demo_tour(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if not demo_enabled() or user is None or not user.is_authenticated:
        return {"show": False}
    persona = demo.persona(user.get_username())
    if persona is None:
        return {"show": False}
    hidden = bool(request.session.get(TOUR_HIDDEN, False))
    return {"show": True, "hidden": hidden, "persona": persona, "steps": tour_steps(persona),
            "here": request.get_full_path(), "csrf_token": context.get("csrf_token")}
