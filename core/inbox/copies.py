"""抄送 copy to (CC) and @mentions in comments (issue 19).

A submitter (on their request) or whoever holds or may decide an open task of a request copies
people on it: one `CarbonCopy` row each, one audit event, a notification on commit. A copied
person reads the request (page, API, attachments: `selectors.visible_requests` counts the
copy) and may comment, but never decides: the decisions check the task's holder and
candidates, never who may read the request.

A comment's "@username" notifies that person; naming someone who cannot see the request
refuses the comment (400, naming them): copy them first.
"""

import re

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ReadOnlyRoleError,
)
from core.org import selectors as org
from core.org.models import User

from . import notify, services
from .models import CarbonCopy, Request, RequestStatus, WorkItem, WorkItemStatus

MAX_COPIED = 10

# "@name" not preceded by a word character (so an e-mail address is no mention); a Django
# username is letters, digits and @.+-_, less a trailing full stop.
MENTION = re.compile(r"(?<![\w@.+-])@([\w.+-]+)")


def _open_items(req: Request) -> list[WorkItem]:
    return list(WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN,
                                        is_revision=False).select_related("request__submitter"))


def may_copy(user: User, req: Request) -> bool:
    """The submitter (or their deputy), or whoever holds or may decide an open task of it."""
    if org.is_read_only(user) or req.status == RequestStatus.DRAFT:
        return False
    if user.pk == req.submitter_id or org.acts_for(user, req.submitter, kind=req.kind):
        return True
    from .actions import holds

    return any(holds(user, item) or services.decision_check(user, item)[0] is not None
               for item in _open_items(req))


def copy_choices(req: Request) -> QuerySet[User]:
    """Whom the page offers: active people not copied yet, not the submitter."""
    return (User.objects.filter(is_active=True).exclude(pk=req.submitter_id)
            .exclude(copies__request=req).order_by("username"))


def copied_ids(req: Request) -> list[int]:
    return list(CarbonCopy.objects.filter(request=req).values_list("person_id", flat=True))


def request_copy(*, request_id: int, actor: User, people: list[User],
                 comment: str = "") -> list[CarbonCopy]:
    """Copy `people` on the request: each reads it from now on, is told, and finds it on their
    "copied to me" list. One audit event `<kind>.copied` names them all."""
    comment = (comment or "").strip()
    people = list(dict.fromkeys(people))
    if not people or len(people) > MAX_COPIED:
        raise InvalidInputError(
            _("Copy between one and %(n)d people.") % {"n": MAX_COPIED},
            fields={"people": [_("Choose one to %(n)d people.") % {"n": MAX_COPIED}]})
    if len(comment) > 500:
        raise InvalidInputError(_("Keep the note under 500 characters."),
                                fields={"comment": [_("At most 500 characters.")]})
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    from .selectors import visible_requests

    with transaction.atomic():
        req = (Request.objects.select_for_update(of=("self",)).select_related("submitter")
               .filter(pk=request_id).first())
        if req is None or not visible_requests(actor).filter(pk=req.pk).exists():
            raise NotFoundError()
        if not may_copy(actor, req):
            raise PermissionDeniedError(
                _("Only the submitter or whoever holds a task of this request can copy "
                  "people on it."))
        already = set(copied_ids(req))
        for person in people:
            field = {"people": [_("%(who)s cannot be copied.") % {"who": person}]}
            if not person.is_active:
                raise InvalidInputError(_("%(who)s is not an active user.") % {"who": person},
                                        fields=field)
            if person.pk in (actor.pk, req.submitter_id):
                raise InvalidInputError(
                    _("%(who)s is on this request already.") % {"who": person}, fields=field)
            if person.pk in already:
                raise InvalidInputError(
                    _("%(who)s is copied on this request already.") % {"who": person},
                    fields=field)
        now = timezone.now()
        rows = CarbonCopy.objects.bulk_create(
            [CarbonCopy(request=req, person=p, added_by=actor, created=now) for p in people])
        ids = [p.pk for p in people]
        services._record(req, actor=actor, event=f"{req.kind}.copied", comment=comment,
                         data={"people": ids, "names": [str(p) for p in people]})
        notify.on_commit_many(
            ids, kind="copied", request=req, key=f"copied:{req.pk}",
            message=gettext_noop("%(who)s copied you on %(title)s"),
            params={"who": str(actor), "title": req.title},
            target=("inbox:request", {"request_id": req.pk}))
        return rows


def copied_to(user: User) -> QuerySet[CarbonCopy]:
    """The user's "copied to me" list, newest first, unread ones marked by `read_at`."""
    return (CarbonCopy.objects.filter(person=user)
            .select_related("request", "added_by").order_by("-created", "-pk"))


def unread_copies(user: User) -> int:
    return CarbonCopy.objects.filter(person=user, read_at__isnull=True).count()


def mark_read(user: User, req: Request) -> int:
    """The copied person opened the request: it is read on their list."""
    return CarbonCopy.objects.filter(person=user, request=req, read_at__isnull=True).update(
        read_at=timezone.now())


def mark_all_read(user: User, request_ids: list[int] | None = None) -> int:
    """Mark the user's unread copies read (those of `request_ids`, or all)."""
    qs = CarbonCopy.objects.filter(person=user, read_at__isnull=True)
    if request_ids is not None:
        qs = qs.filter(request_id__in=request_ids)
    return qs.update(read_at=timezone.now())


# --- @mentions ---------------------------------------------------------------------------


def mentioned(text: str) -> list[str]:
    return list(dict.fromkeys(m.rstrip(".") for m in MENTION.findall(text or "")
                              if m.rstrip(".")))


def resolve_mentions(req: Request, text: str) -> list[User]:
    """The people a comment names with "@username". Refuses (400, naming them) a name nobody
    has, or someone who cannot see the request."""
    from .selectors import visible_requests

    names = mentioned(text)
    if not names:
        return []
    found = {u.username: u for u in User.objects.filter(username__in=names, is_active=True)}
    unknown = [n for n in names if n not in found]
    if unknown:
        who = ", ".join(f"@{n}" for n in unknown)
        raise InvalidInputError(_("No active user is called %(who)s.") % {"who": who},
                                fields={"comment": [_("Unknown: %(who)s") % {"who": who}]})
    blind = [found[n] for n in names
             if not visible_requests(found[n]).filter(pk=req.pk).exists()]
    if blind:
        who = ", ".join(f"{u} (@{u.username})" for u in blind)
        raise InvalidInputError(
            _("%(who)s cannot see this request: copy them on it first, or leave out the "
              "mention.") % {"who": who},
            fields={"comment": [_("Cannot see this request: %(who)s") % {"who": who}]})
    return [found[n] for n in names]


def notify_mentions(req: Request, actor: User, people: list[User], key: str) -> None:
    notify.on_commit_many(
        [p.pk for p in people if p.pk != actor.pk], kind="mentioned", request=req,
        key=f"mentioned:{key}",
        message=gettext_noop("%(who)s mentioned you in a comment on %(title)s"),
        params={"who": str(actor), "title": req.title},
        target=("inbox:request", {"request_id": req.pk}))
