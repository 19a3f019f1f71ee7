"""Which expense pages the menu offers: Budgets and Monitor only to those who may open them,
New claim not to read-only auditors. Roles are cached on the user for the request, so this
adds at most one query to a page."""

from django import template

from core.org import selectors as org

from ..selectors import budget_scope, sees_all_claims

register = template.Library()


@register.simple_tag(takes_context=True)
def expenses_access(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"budgets": budget_scope(user).allowed, "all_claims": sees_all_claims(user),
            "read_only": org.is_read_only(user)}
