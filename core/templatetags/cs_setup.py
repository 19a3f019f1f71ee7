from django import template

from core import setup

register = template.Library()


@register.inclusion_tag("core/_getting_started_banner.html", takes_context=True)
def getting_started_banner(context):
    """On the home page, for an administrator of an installation with no organisation yet."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"show": user is not None and setup.needs_setup(user)}
