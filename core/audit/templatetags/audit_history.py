from django import template

from .. import config, selectors

register = template.Library()


@register.inclusion_tag("admin/audit_config_history.html")
def config_history(obj):
    """The object's configuration events (its chain), newest first, for the admin's history."""
    if obj is None or not config.is_registered(type(obj)):
        return {"events": None}
    kind, object_id = config.chain_of(obj)
    return {"events": list(selectors.timeline(kind, object_id).order_by("-subject_seq")[:200])}
