"""Find anything: the one search box over number, title, customer and submitter, the list
sorts, and the filters a user saves.

Every request carries `search_text`, its searched words in lower case; a search is a LIKE of
each typed word in it, which the pg_trgm GIN index of migration 0015 answers at a million
tasks. A search only narrows a list the user may already see: it is applied on top of the
selectors' visibility and segregation-of-duties rules, never instead of them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

SEARCHED_FIELDS = frozenset({"number", "title", "party", "submitter", "submitter_id"})
MAX_QUERY = 100  # characters of a search that count
MAX_TERMS = 5


def _fold(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def search_text_of(req) -> str:
    """What the search box matches for a request: number, title, customer, the submitter's
    name and username."""
    submitter = req.submitter if req.submitter_id else None
    parts = [req.number, req.title, req.party]
    if submitter is not None:
        parts += [str(submitter), submitter.username]
    return _fold(" ".join(p for p in parts if p))


def terms(query: str) -> list[str]:
    """The typed words, folded as `search_text` is (at most MAX_TERMS of them)."""
    return _fold(query[:MAX_QUERY]).split()[:MAX_TERMS]


def search_q(query: str, prefix: str = "") -> Q:
    """Rows whose request holds every typed word (an empty search matches everything)."""
    q = Q()
    for word in terms(query):
        q &= Q(**{f"{prefix}search_text__contains": word})
    return q


def refresh(requests: QuerySet) -> int:
    """Recompute `search_text` of these requests (after a queryset update of searched fields,
    or a renamed submitter); returns how many changed."""
    changed = []
    for req in requests.select_related("submitter").only(
            "number", "title", "party", "search_text", "submitter_id",
            *(f"submitter__{f}" for f in ("display_name", "first_name", "last_name",
                                          "username"))).iterator(chunk_size=500):
        text = search_text_of(req)
        if text != req.search_text:
            req.search_text = text
            changed.append(req)
    if changed:
        from .models import Request, WorkItem

        Request.objects.bulk_update(changed, ["search_text"], batch_size=500)
        for start in range(0, len(changed), 500):
            ids = [r.pk for r in changed[start:start + 500]]
            WorkItem.objects.filter(request_id__in=ids).update(search_text=Subquery(
                Request.objects.filter(pk=OuterRef("request_id")).values("search_text")[:1]))
    return len(changed)


def user_renamed(sender, instance, update_fields=None, created=False, **kwargs) -> None:
    """post_save of a user: a new name or username is found in the requests they submitted."""
    if created:
        return
    if update_fields is not None and not set(update_fields) & set(sender.NAME_FIELDS):
        return  # a login (last_login) or a password change: nothing searched moved
    from .models import Request

    refresh(Request.objects.filter(submitter_id=instance.pk))


def subjects_of(query: str, limit: int = 50) -> tuple[tuple[str, str], ...] | None:
    """For the audit trail: the (kind, object id) of the newest requests the search finds,
    whose events (from the draft on, before any number) the list then shows; None for no
    search."""
    if not terms(query):
        return None
    from .models import Request

    return tuple((kind, str(object_id)) for kind, object_id in Request.objects.filter(
        search_q(query)).order_by("-pk").values_list("kind", "object_id")[:limit])


# --- sorting --------------------------------------------------------------------------------

# ?sort= values a task list accepts, and the columns they order by; anything else is ignored.
# The primary key ends every order, so that pages never repeat or skip a row.
TASK_SORTS: dict[str, tuple[Any, ...]] = {
    "due": (F("due").asc(nulls_last=True), "pk"),
    "-due": (F("due").desc(nulls_last=True), "-pk"),
    "amount": (F("amount").asc(nulls_last=True), "pk"),
    "-amount": (F("amount").desc(nulls_last=True), "-pk"),
    "received": ("created", "pk"),
    "-received": ("-created", "-pk"),
}
REQUEST_SORTS: dict[str, tuple[Any, ...]] = {
    "amount": (F("amount").asc(nulls_last=True), "pk"),
    "-amount": (F("amount").desc(nulls_last=True), "-pk"),
    "received": (F("submitted_at").asc(nulls_last=True), "pk"),
    "-received": (F("submitted_at").desc(nulls_last=True), "-pk"),
    "since": ("since", "pk"),
    "-since": ("-since", "-pk"),
}


SORT_LABELS = {
    "due": _("Due, soonest first"), "-due": _("Due, latest first"),
    "amount": _("Amount, smallest first"), "-amount": _("Amount, largest first"),
    "received": _("Received, oldest first"), "-received": _("Received, newest first"),
    "since": _("In this state since, oldest first"),
    "-since": _("In this state since, newest first"),
}


def sort_choices(which: str) -> list[tuple[str, object]]:
    """The sort menu of a list: "tasks", "archive" (no due date) or "requests"."""
    keys = {"tasks": TASK_SORTS, "requests": REQUEST_SORTS,
            "archive": [k for k in TASK_SORTS if "due" not in k]}[which]
    return [(key, SORT_LABELS[key]) for key in keys]


def sort_key(value: str | None, allowed: dict) -> str:
    """The sort asked for if the list knows it, else "" (the list's own order)."""
    value = (value or "").strip()
    return value if value in allowed else ""


# --- saved filters --------------------------------------------------------------------------

# The parameters each page's saved filter keeps (never `page`: a saved filter starts at 1).
PAGE_PARAMS = {
    "tasks": ("tab", "q", "kind", "step", "submitter", "amount_min", "amount_max", "overdue",
              "sort"),
    "requests": ("scope", "q", "kind", "status", "sort"),
    "audit": ("q", "subject_kind", "number", "actor", "event", "since", "until", "amount_min",
              "amount_max", "configuration"),
}
PAGE_URLS = {"tasks": "inbox:inbox", "requests": "inbox:requests", "audit": "inbox:audit"}


def task_list_query(query: str) -> str:
    """The filters and sort of a task list, for a task opened from it to keep to it ("open the
    next"): its known parameters only; "" for the plain inbox or archive, whose tab alone
    changes nothing of what comes next. The queue's tab alone is kept: its next task is the
    queue's first."""
    kept = QueryDict(clean_query("tasks", query))
    if set(kept) - {"tab"} or kept.get("tab") == "queue":
        return kept.urlencode()
    return ""


def clean_query(page: str, query: str) -> str:
    """A query string reduced to the parameters the page knows, empty values dropped."""
    allowed = PAGE_PARAMS[page]
    given = QueryDict(query[:1000])
    kept = QueryDict(mutable=True)
    for key in allowed:
        value = given.get(key, "").strip()[:200]
        if value:
            kept[key] = value
    return kept.urlencode()
