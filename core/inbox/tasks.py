from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from core.org.models import User

from .models import Notification


# A database that went away mid-task (a restart, a failover) is retried like a mail server
# that did: the task is idempotent, and Celery's Django fixup opens a new connection per task.
@shared_task(acks_late=True, reject_on_worker_lost=True,
             autoretry_for=(OSError, OperationalError, InterfaceError),
             retry_backoff=True, max_retries=8)
def deliver_notification(*, recipient_id, kind, request_id, dedupe_key, message="",
                         params=None, target=None, text="", url=""):
    """Create the in-app notification and send its e-mail, each at most once per dedupe key.
    (`text` and `url` are only in messages queued before notifications were rendered when
    read; an outbox row may still carry them.)"""
    note, _created = Notification.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "recipient_id": recipient_id,
            "kind": kind,
            "request_id": request_id,
            "message": message,
            "params": params or {},
            "target": target,
            "text": text,
            "url": url,
        },
    )
    from core.channels import dispatch

    # Cards to the IM robots (core.channels): each its own delivery row and outbox message.
    dispatch.to_robots(note)
    user = User.objects.filter(pk=recipient_id).only("email", "email_notifications").first()
    if user is None or not user.email_notifications or not user.email:
        return note.pk
    if dispatch.email_waits_for_digest(recipient_id, note.kind):
        return note.pk  # the hourly or daily digest sends it (core.channels.digest)
    with transaction.atomic():
        # Claim the e-mail under a row lock; if sending fails the claim rolls back and a retry
        # sends it, and a redelivered message finds it already sent.
        locked = Notification.objects.select_for_update().get(pk=note.pk)
        if locked.emailed_at is not None:
            return note.pk
        locked.emailed_at = timezone.now()
        locked.save(update_fields=["emailed_at"])
        # An e-mail is read outside the app: in the recipient's language (their channel
        # preference, else the site's), HTML and text, with the request's summary and, for a
        # task, one signed link per decision.
        subject, text, html = dispatch.compose_email(locked, user)
        send_mail(
            subject=subject,
            message=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
            html_message=html,
        )
    return note.pk


@shared_task(acks_late=True, reject_on_worker_lost=True)
def sweep_timers():
    from .timers import sweep

    return sweep()
