from django.urls import NoReverseMatch, reverse

from core import registry
from core.analytics.figures import can_view as can_view_analytics

from .selectors import UNREAD, sees_everything, task_counts


def process_menu(user, path: str) -> list[dict]:
    """The processes' own menu entries (ProcessSpec.menu) this user sees, in order."""
    links = []
    for entry, _spec in registry.menu(user):
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        prefix = entry.active_prefix or url
        links.append({"label": entry.label, "url": url,
                      "active": path == url or path.startswith(prefix)})
    return links


def nav(request):
    """Tab counts and the unread-notification badge for the menu (one statement, three counts)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    counts = task_counts(user)
    return {
        "nav_sees_everything": sees_everything(user),
        "nav_analytics": can_view_analytics(user),
        "nav_counts": counts,
        "nav_unread": counts[UNREAD],
        "nav_processes": process_menu(user, request.path),
    }
