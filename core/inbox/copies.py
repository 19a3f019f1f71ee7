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

from core import registry
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
        return _copy(req, actor=actor, people=people, comment=comment)


def _copy(req: Request, *, actor: User, people: list[User], comment: str = "",
          rule: str = "", data: dict | None = None) -> list[CarbonCopy]:
    """The rows, the one audit event and the notifications of one copy (in the caller's
    transaction, the request locked or being submitted)."""
    now = timezone.now()
    rows = CarbonCopy.objects.bulk_create(
        [CarbonCopy(request=req, person=p, added_by=actor, created=now, rule=rule)
         for p in people])
    ids = [p.pk for p in people]
    names = {"people": ids, "names": [str(p) for p in people], **(data or {})}
    if rule:
        services._record(req, actor=actor, event=f"{req.kind}.copied_by_rule",
                         data={**names, "rule": rule})
        message = gettext_noop("A rule of the process copied you on %(title)s")
    else:
        services._record(req, actor=actor, event=f"{req.kind}.copied", comment=comment,
                         data=names)
        message = gettext_noop("%(who)s copied you on %(title)s")
    notify.on_commit_many(
        ids, kind="copied", request=req, key=f"copied:{req.pk}", message=message,
        params={"who": str(actor), "title": req.title},
        target=("inbox:request", {"request_id": req.pk}))
    return rows


def decide_and_copy(*, task_id: int, actor: User, people, decide):
    """抄送 when deciding: copy `people` on the task's request and make the decision (`decide`,
    the decision service called with no arguments) in one transaction, under the process lock
    that every decision takes. The copy goes first, while the approver still holds the task; a
    refused copy or a refused decision leaves nothing (two audit events: the copy, the
    decision)."""
    people = list(dict.fromkeys(people or ()))
    if not people:
        return decide()
    with transaction.atomic(), services._locked_item(task_id) as item:
        try:
            request_copy(request_id=item.request_id, actor=actor, people=people)
        except InvalidInputError as exc:  # the decision's field is `cc`
            if "people" in exc.fields:
                exc.fields = {"cc": exc.fields.pop("people"), **exc.fields}
            raise
        return decide()


def clean_cc(people, *, submitter: User) -> list[User]:
    """Whom a submitter copies on submit: up to ten active people other than themself.
    Refused naming them (400, field `cc`) before anything is saved."""
    people = list(dict.fromkeys(people or ()))
    if len(people) > MAX_COPIED:
        raise InvalidInputError(
            _("Copy at most %(n)d people.") % {"n": MAX_COPIED},
            fields={"cc": [_("Choose at most %(n)d people.") % {"n": MAX_COPIED}]})
    inactive = [p for p in people if not p.is_active]
    if inactive:
        who = ", ".join(str(p) for p in inactive)
        raise InvalidInputError(_("%(who)s cannot be copied: not an active user.") % {"who": who},
                                fields={"cc": [_("Not an active user: %(who)s") % {"who": who}]})
    if any(p.pk == submitter.pk for p in people):
        raise InvalidInputError(
            _("%(who)s is the submitter and sees the request already.") % {"who": submitter},
            fields={"cc": [_("You cannot copy yourself: %(who)s") % {"who": submitter}]})
    return people


def copy_on_submit(req: Request, *, actor: User, people=()) -> list[CarbonCopy]:
    """On a submission, in its transaction: the people the submitter picked (validated by
    `clean_cc`), then the process's rules (`ProcessSpec.cc_rules`). Anyone copied already (an
    earlier round) is left as they are."""
    picked = clean_cc(people, submitter=req.submitter)
    already = set(copied_ids(req))
    picked = [p for p in picked if p.pk not in already]
    rows = _copy(req, actor=actor, people=picked, data={"on": "submit"}) if picked else []
    return rows + apply_cc_rules(req, actor=actor)


def apply_cc_rules(req: Request, *, actor: User) -> list[CarbonCopy]:
    """Copy whom the process's rules name on this request (submit and resubmit): one audit
    event `<kind>.copied_by_rule` per rule that copies someone new, with the rule's sentence."""
    spec = registry.get(req.kind)
    if spec is None or spec.cc_rules is None:
        return []
    already = set(copied_ids(req)) | {req.submitter_id}
    rows: list[CarbonCopy] = []
    for rule, people in spec.cc_rules(req):
        fresh = [p for p in dict.fromkeys(people) if p.is_active and p.pk not in already]
        if fresh:
            already.update(p.pk for p in fresh)
            rows += _copy(req, actor=actor, people=fresh, rule=rule)
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
