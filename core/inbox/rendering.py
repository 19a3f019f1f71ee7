"""Notifications are stored as an untranslated sentence with parameters and a target page
(url name and kwargs), and rendered here when read, in the reader's language: a change of
language, a renamed step or a moved page never leaves a stale sentence or a dead link."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _


def render_message(message: str, params: dict | None) -> str:
    from .templatetags.countersign import step_name

    values = dict(params or {})
    if "step" in values:  # a step code, shown by its label in the reader's language
        values["step"] = step_name(str(values["step"]))
    if "decision" in values:  # a decision code (approved, rejected, ...)
        values["decision"] = _decision_label(str(values["decision"]))
    try:
        return _(message) % values
    except (KeyError, TypeError, ValueError):  # a sentence whose parameters changed
        return _(message)


def resolve_target(target) -> str:
    try:
        name, kwargs = target
        return reverse(name, kwargs=kwargs or None)
    except (NoReverseMatch, TypeError, ValueError):
        return ""


def _decision_label(code: str) -> str:
    from .models import Decision

    try:
        return str(Decision(code).label)
    except ValueError:
        return code
