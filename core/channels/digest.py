"""Hourly and daily digests: one e-mail listing everything waiting for the person, oldest
first, each with its action links, plus what else happened since the last digest. Sent only
when something new arrived; reminders and escalations never wait for one (dispatch)."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.inbox import selectors
from core.inbox.models import Notification

from . import links
from .dispatch import TASK_KINDS
from .models import Digest, Preference
from .summary import in_language, summarise

PERIOD: dict[str, timedelta] = {Digest.HOURLY: timedelta(hours=1),
                               Digest.DAILY: timedelta(days=1)}


def waiting_for(user) -> list:
    items = list(selectors.tasks_for(user, selectors.INBOX).select_related(
        "request", "request__submitter"))
    items += list(selectors.tasks_for(user, selectors.QUEUE).select_related(
        "request", "request__submitter"))
    seen: dict[int, object] = {}
    for item in items:
        seen.setdefault(item.pk, item)
    return sorted(seen.values(), key=lambda i: (i.created, i.pk))


def compose(user, notes) -> tuple[str, str, str]:
    with in_language(user):
        waiting = []
        for item in waiting_for(user):
            issued = (links.issue(recipient_id=user.pk, item=item, channel="email")
                      if getattr(settings, "CHANNELS_EMAIL_LINKS", True) else {})
            waiting.append(summarise(item, issued))
        others = [n.display for n in notes if n.kind not in TASK_KINDS]
        heading = _("%(count)s waiting for your decision") % {"count": len(waiting)}
        ctx = {"heading": heading, "waiting": waiting, "others": others}
        subject = f"[Countersign] {heading}"
        return (subject, render_to_string("channels/email/digest.txt", ctx),
                render_to_string("channels/email/digest.html", ctx))


def send_one(user_id: int, *, now=None) -> bool:
    now = now or timezone.now()
    with transaction.atomic():
        pref = (Preference.objects.select_for_update().select_related("user")
                .filter(user_id=user_id).first())
        if pref is None or pref.email_digest not in PERIOD:
            return False
        if pref.last_digest_at and now - pref.last_digest_at < PERIOD[pref.email_digest]:
            return False
        user = pref.user
        since = pref.last_digest_at or (now - PERIOD[pref.email_digest])
        notes = list(Notification.objects.select_for_update().filter(
            recipient=user, emailed_at__isnull=True, created__gt=since).order_by("created"))
        pref.last_digest_at = now
        pref.save(update_fields=["last_digest_at"])
        if not notes or not user.email or not user.email_notifications:
            return False
        subject, text, html = compose(user, notes)
        Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed_at=now)
        send_mail(subject=subject, message=text, from_email=settings.DEFAULT_FROM_EMAIL,
                  recipient_list=[user.email], html_message=html)
        return True


def sweep(*, now=None) -> int:
    now = now or timezone.now()
    ids = Preference.objects.filter(email_digest__in=list(PERIOD)).values_list("user_id",
                                                                               flat=True)
    return sum(1 for uid in list(ids) if send_one(uid, now=now))
