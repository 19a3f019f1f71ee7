from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core import registry
from core.analytics.figures import can_view as can_view_analytics

from .selectors import UNREAD, sees_everything, task_counts


def process_menu(user, path: str) -> list[dict]:
    """The processes' own menu entries (ProcessSpec.menu) this user sees, in order, each with
    its drop-down (MenuEntry.group, "" for the line itself)."""
    links = []
    for entry, _spec in registry.menu(user):
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        prefix = entry.active_prefix or url
        links.append({"label": entry.label, "url": url, "group": entry.group,
                      "order": entry.order, "active": path == url or path.startswith(prefix)})
    return links


GROUP_LABELS = {registry.MENU_REPORTS: _("Reports"),
                registry.MENU_ADMIN: _("Settings")}


def _core_entries(user, path: str) -> list[dict]:
    """The engine's own pages that sit in the drop-downs: analytics, the audit trail and the
    admin site."""
    entries = []
    for shown, name, label, group, order in (
        (can_view_analytics(user), "analytics:approvals", _("Analytics"),
         registry.MENU_REPORTS, 96),
        (sees_everything(user), "inbox:audit", _("Audit"), registry.MENU_REPORTS, 97),
        (user.is_staff, "admin:index", _("Administration"), registry.MENU_ADMIN, 99),
    ):
        if shown:
            url = reverse(name)
            entries.append({"label": label, "url": url, "group": group, "order": order,
                            "active": path.startswith(url)})
    return entries


def menu_groups(links: list[dict]) -> list[dict]:
    """The drop-downs of the top menu, in order, each with its links; so that an
    administrator's menu stays one line on a 1366 px screen (issue 18)."""
    groups = []
    for key, label in GROUP_LABELS.items():
        members = sorted((link for link in links if link["group"] == key),
                         key=lambda link: link["order"])
        if members:
            groups.append({"key": key, "label": label, "links": members,
                           "active": any(link["active"] for link in members)})
    return groups


def nav(request):
    """Tab counts and the unread-notification badge for the menu (one statement, three counts)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    counts = task_counts(user)
    links = process_menu(user, request.path)
    return {
        "nav_counts": counts,
        "nav_unread": counts[UNREAD],
        "nav_processes": [link for link in links if not link["group"]],
        "nav_groups": menu_groups([*links, *_core_entries(user, request.path)]),
    }
