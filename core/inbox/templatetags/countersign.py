from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import registry
from core.authority.services import STEP_LABELS
from core.inbox.engine import REVISION_STEP
from core.inbox.models import RequestStatus
from core.money import fmt

register = template.Library()

_SENTENCES = {
    "submitted": gettext_noop("%(actor)s submitted the request"),
    "step_approved": gettext_noop("%(actor)s approved (%(step)s)"),
    "approved": gettext_noop("%(actor)s gave the final approval"),
    "rejected": gettext_noop("%(actor)s rejected the request"),
    "returned": gettext_noop("%(actor)s returned the request for revision"),
    "resubmitted": gettext_noop("%(actor)s revised and resubmitted the request"),
    "withdrawn": gettext_noop("%(actor)s withdrew the request"),
    "task_claimed": gettext_noop("%(actor)s took the task (%(step)s)"),
    "task_released": gettext_noop("%(actor)s put the task back in the queue (%(step)s)"),
    "task_reassigned": gettext_noop("%(actor)s passed the task to someone else (%(step)s)"),
    "task_escalated": gettext_noop("The deadline passed: the task went one level up (%(step)s)"),
    "commented": gettext_noop("%(actor)s commented"),
    "drafted": gettext_noop("%(actor)s drafted it"),
    "edited": gettext_noop("%(actor)s edited it"),
    "attachment_added": gettext_noop("%(actor)s attached a file"),
    "line_reduced": gettext_noop("%(actor)s reduced a line to the standard"),
    "paid": gettext_noop("Paid"),
    "signed": gettext_noop("%(actor)s signed it off: the contract is signed"),
    "superseded": gettext_noop("Superseded by an amendment"),
    "published": gettext_noop("%(actor)s gave the final approval: published"),
}


@register.filter
def money(amount, currency="CNY"):
    if amount in (None, ""):
        return "—"
    return fmt(amount, currency or "CNY")


@register.filter
def step_name(code, fallback=""):
    if code and "+" in code:  # parallel steps
        return " + ".join(step_name(part) for part in code.split("+"))
    return _one_step(code, fallback)


def _one_step(code, fallback=""):
    if code == REVISION_STEP:
        return _("Revise and resubmit")
    label = STEP_LABELS.get(code) or _process_steps().get(code)
    return str(label) if label else (fallback or code)


@register.filter
def state_name(code, kind=""):
    """A state code in the reader's language, from the labels its process registered."""
    if not code:
        return ""
    reg = registry.get(kind)
    label = (reg.extra.get("states", {}).get(code) if reg else None) or dict(
        RequestStatus.choices).get(code)
    return str(label) if label else code


def _process_events() -> dict:
    """Sentences the processes register for their own events (extra["events"], by full name,
    e.g. "contract.milestone_done"), each with %(actor)s and optionally %(step)s."""
    events = {}
    for process in registry.processes():
        events.update(process.extra.get("events", {}))
    return events


def _process_steps() -> dict:
    """Step labels the processes register for their own stages (e.g. finance review)."""
    steps = {}
    for process in registry.processes():
        steps.update(process.extra.get("steps", {}))
    return steps


@register.filter
def describe(event):
    """One audit event in plain language."""
    suffix = event.event.split(".", 1)[-1]
    template_text = _process_events().get(event.event) or _SENTENCES.get(suffix)
    data = event.data or {}
    step = step_name(data.get("step", ""), data.get("step_label", ""))
    if event.actor_name == "system":
        actor = _("The system")
    else:
        # Show the person's name when the actor row was fetched with the event.
        cached = event._state.fields_cache.get("actor")
        actor = str(cached) if cached is not None else event.actor_name
    if template_text is None:
        text = f"{actor}: {event.event}"
    else:
        text = _(template_text) % {"actor": actor, "step": step}
    if event.on_behalf_of_name:
        text += " " + _("(acting for %(name)s)") % {"name": event.on_behalf_of_name}
    return text


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        params[key] = value
    return params.urlencode()
