"""Signed action links: issue, check, and act on one (the same service as the inbox).

A link is a random token; the table keeps only its SHA-256 with the recipient, the task, the
decision, the channel it was sent on and the task's state when issued. It is good once, for
CHANNELS_LINK_HOURS (72 h), and only while the task stays as it was: decided, cancelled,
claimed or reassigned, and the link is revoked.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.inbox import services as inbox
from core.inbox.models import WorkItem, WorkItemStatus

from .models import ActionToken, LinkAction


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def stamp_of(item: WorkItem) -> str:
    return f"{item.status}:{item.assignee_id or '-'}:{item.round}"


def link_hours() -> int:
    return int(getattr(settings, "CHANNELS_LINK_HOURS", 72))


def actions_for(item: WorkItem) -> list[str]:
    from core import registry

    if item.is_revision or not item.is_open:
        return []
    reg = registry.get(item.kind)
    actions = [LinkAction.APPROVE, LinkAction.RETURN]
    if reg is None or reg.can_reject:
        actions.append(LinkAction.REJECT)
    return [str(a) for a in actions]


def issue(*, recipient_id: int, item: WorkItem, channel: str, now=None) -> dict[str, str]:
    """One link per decision the task offers, for this recipient on this channel:
    {action: absolute URL}."""
    now = now or timezone.now()
    links: dict[str, str] = {}
    rows = []
    for action in actions_for(item):
        token = secrets.token_urlsafe(32)
        rows.append(ActionToken(
            token_hash=_hash(token), recipient_id=recipient_id, work_item=item, action=action,
            channel=channel, stamp=stamp_of(item), created=now,
            expires_at=now + timedelta(hours=link_hours())))
        links[action] = absolute(reverse("channels:act", kwargs={"token": token}))
    ActionToken.objects.bulk_create(rows)
    return links


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def revoke_for_item(item_id: int) -> int:
    return ActionToken.objects.filter(work_item_id=item_id, used_at__isnull=True,
                                      revoked_at__isnull=True).update(revoked_at=timezone.now())


class LinkRefused(Exception):
    """Why a link cannot be used; `code` picks the page's sentence, `status` its HTTP status."""

    def __init__(self, code: str, status: int = 410):
        super().__init__(code)
        self.code = code
        self.status = status


REFUSALS = {
    "invalid": (404, gettext_noop(
        "This link is not valid. It may have been copied incompletely or changed.")),
    "used": (409, gettext_noop("This link was already used: the decision has been made.")),
    "decided": (409, gettext_noop(
        "This task was already decided or cancelled; there is nothing left to do.")),
    "expired": (410, gettext_noop(
        "This link has expired. Open the task in Countersign instead.")),
    "revoked": (410, gettext_noop(
        "The task changed since this link was sent (claimed, reassigned or returned); the "
        "link no longer works. Open the task in Countersign.")),
    "other_user": (403, gettext_noop(
        "This link was sent to someone else. You are logged in as another user, so it "
        "cannot be used here.")),
}


@dataclass
class Link:
    token: ActionToken
    item: WorkItem


def check(token: str, *, user=None, lock: bool = False, now=None) -> Link:
    """The link's row and task if it may be used by `user` (None: logged out), else
    LinkRefused. With lock=True the token row is locked (call inside a transaction)."""
    now = now or timezone.now()
    if not token or len(token) > 100:
        raise LinkRefused("invalid", 404)
    qs = ActionToken.objects.select_related("work_item", "work_item__request", "recipient")
    if lock:
        qs = qs.select_for_update(of=("self",))
    row = qs.filter(token_hash=_hash(token)).first()
    if row is None:
        raise LinkRefused("invalid", 404)
    if user is not None and user.is_authenticated and user.pk != row.recipient_id:
        raise LinkRefused("other_user", 403)
    if row.used_at is not None:
        raise LinkRefused("used", 409)
    item = row.work_item
    if item.status != WorkItemStatus.OPEN or not item.request.is_open:
        raise LinkRefused("decided", 409)
    if row.revoked_at is not None or row.stamp != stamp_of(item):
        raise LinkRefused("revoked", 410)
    if row.expires_at <= now:
        raise LinkRefused("expired", 410)
    return Link(token=row, item=item)


def refusal_message(code: str) -> str:
    return _(REFUSALS[code][1])


def act(token: str, *, user=None, comment: str = "") -> WorkItem:
    """Decide through the link, as its recipient, with the inbox's own service: authority,
    segregation of duties, delegation, conflicts and the audit event are the inbox's. The link
    is spent in the same transaction, so a refused or failed decision leaves it usable."""
    with transaction.atomic():
        link = check(token, user=user, lock=True)
        row = link.token
        actor = row.recipient
        kwargs = {"task_id": row.work_item_id, "actor": actor, "via": row.channel}
        if row.action == LinkAction.APPROVE:
            item = inbox.task_approve(comment=comment, **kwargs)
        elif row.action == LinkAction.REJECT:
            item = inbox.task_reject(reason=comment, **kwargs)
        else:
            item = inbox.task_return(reason=comment, **kwargs)
        row.used_at = timezone.now()
        row.save(update_fields=["used_at"])
        # The task is decided: every other link to it (the other decisions, other people's)
        # is revoked now rather than only found stale when opened.
        revoke_for_item(row.work_item_id)
        return item
