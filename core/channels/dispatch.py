"""What a notification sends beyond the in-app row: the e-mail (with action links, or held for
the person's digest) and one card per enabled IM robot. Called by the notification job
(core.inbox.tasks.deliver_notification), which the transactional outbox carries; every step is
idempotent per notification, so a redelivered job sends nothing twice."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from core.inbox import outbox
from core.inbox.models import Notification, WorkItem, WorkItemStatus

from . import links, platforms
from .models import Delivery, Digest, PlatformIdentity, Preference, Robot
from .summary import in_language, summarise

log = logging.getLogger(__name__)

SEND_TASK = "core.channels.tasks.send_delivery"
# Notifications about a task the recipient is to decide: they carry action links.
TASK_KINDS = frozenset({"assigned", "reminder", "escalated"})
# Never held for a digest.
IMMEDIATE_KINDS = frozenset({"reminder", "escalated"})


def task_of(note: Notification) -> WorkItem | None:
    target = note.target or []
    if note.kind not in TASK_KINDS or len(target) != 2 or target[0] != "inbox:task":
        return None
    task_id = (target[1] or {}).get("task_id")
    return (WorkItem.objects.select_related("request", "request__submitter")
            .filter(pk=task_id, status=WorkItemStatus.OPEN).first())


def email_waits_for_digest(user_id: int, kind: str) -> bool:
    if kind in IMMEDIATE_KINDS:
        return False
    choice = Preference.objects.filter(user_id=user_id).values_list("email_digest",
                                                                    flat=True).first()
    return choice in (Digest.HOURLY, Digest.DAILY)


def _absolute(link: str) -> str:
    return settings.SITE_URL.rstrip("/") + link if link.startswith("/") else link


def compose_email(note: Notification, user) -> tuple[str, str, str]:
    """(subject, text, html) in the recipient's language; a task notification carries the
    request's summary and one signed link per decision."""
    with in_language(user):
        line = note.display
        item = task_of(note)
        summary = None
        if item is not None:
            issued = (links.issue(recipient_id=user.pk, item=item, channel="email")
                      if getattr(settings, "CHANNELS_EMAIL_LINKS", True) else {})
            summary = summarise(item, issued, heading=line)
        ctx = {"line": line, "link": _absolute(note.link), "s": summary}
        subject = f"[Countersign] {line}"[:150]
        text = render_to_string("channels/email/notification.txt", ctx)
        html = render_to_string("channels/email/notification.html", ctx)
    return subject, text, html


def _mention(user_id: int, platform: str) -> str:
    return PlatformIdentity.objects.filter(user_id=user_id, platform=platform).values_list(
        "external_id", flat=True).first() or ""


def to_robots(note: Notification) -> int:
    """Write one delivery per enabled robot (in one transaction with its outbox row); returns
    how many were written now."""
    robots = list(Robot.objects.filter(enabled=True))
    if not robots:
        return 0
    item = task_of(note)
    if item is None:
        return 0
    from core.org.models import User

    user = User.objects.filter(pk=note.recipient_id).first()
    if user is None:
        return 0
    written = 0
    for robot in robots:
        key = f"robot{robot.pk}:{note.dedupe_key}"[:160]
        if Delivery.objects.filter(key=key).exists():
            continue
        try:
            with transaction.atomic():
                with in_language(user):
                    issued = links.issue(recipient_id=user.pk, item=item,
                                         channel=robot.platform)
                    summary = summarise(item, issued, heading=note.display)
                    payload = platforms.build(robot.platform, summary,
                                              _mention(user.pk, robot.platform))
                row = Delivery.objects.create(key=key, robot=robot, recipient=user,
                                              request=item.request, payload=payload)
                outbox.enqueue([(SEND_TASK, {"delivery_id": row.pk}, f"delivery:{row.pk}")])
                written += 1
        except IntegrityError:  # the same job delivered twice at once: the other one wrote it
            continue
    return written
