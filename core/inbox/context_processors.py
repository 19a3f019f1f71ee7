from .selectors import UNREAD, sees_everything, task_counts


def nav(request):
    """Tab counts and the unread-notification badge for the menu (one statement, three counts)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    counts = task_counts(user)
    return {
        "nav_sees_everything": sees_everything(user),
        "nav_counts": counts,
        "nav_unread": counts[UNREAD],
    }
