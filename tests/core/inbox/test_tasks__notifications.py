import pytest
from celery import current_app
from celery.exceptions import Retry
from django.core import mail

from core.inbox import notify, outbox, services, tasks
from core.inbox.models import Notification, NotificationKind, OutboxMessage, RequestStatus
from core.inbox.tasks import deliver_notification

from .helpers import open_item

pytestmark = pytest.mark.django_db


def payload(user, key="decided:1:1", **extra):
    return {
        "recipient_id": user.pk,
        "kind": NotificationKind.DECIDED,
        "request_id": None,
        "text": "客户拜访交通费: approved",
        "url": "/requests/1/",
        "dedupe_key": key,
        **extra,
    }


def test_one_notification_and_one_email_when_same_payload_delivered_twice(personas):
    rep = personas["east_rep1"]

    first = deliver_notification(**payload(rep))
    second = deliver_notification(**payload(rep))

    assert first == second
    note = Notification.objects.get()
    assert (note.recipient, note.kind, note.url) == (rep, "decided", "/requests/1/")
    assert note.emailed_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [rep.email]
    assert "客户拜访交通费: approved" in mail.outbox[0].subject
    assert "/requests/1/" in mail.outbox[0].body


def test_separate_notifications_when_dedupe_keys_differ(personas):
    rep = personas["east_rep1"]

    deliver_notification(**payload(rep, key="a"))
    deliver_notification(**payload(rep, key="b"))

    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 2


def test_in_app_only_when_user_turned_email_off(personas):
    rep = personas["east_rep1"]
    rep.email_notifications = False
    rep.save(update_fields=["email_notifications"])

    deliver_notification(**payload(rep))
    deliver_notification(**payload(rep))

    note = Notification.objects.get()
    assert note.recipient == rep and note.emailed_at is None
    assert mail.outbox == []


def test_in_app_only_when_user_has_no_email_address(personas):
    rep = personas["east_rep1"]
    rep.email = ""
    rep.save(update_fields=["email"])

    deliver_notification(**payload(rep))

    assert Notification.objects.filter(recipient=rep).count() == 1
    assert mail.outbox == []


def test_email_sent_by_the_retry_when_first_send_fails(personas, monkeypatch):
    rep = personas["east_rep1"]
    real_send = tasks.send_mail
    calls = []

    def flaky_send(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise OSError("smtp down")
        return real_send(**kwargs)

    monkeypatch.setattr(tasks, "send_mail", flaky_send)

    with pytest.raises((OSError, Retry)):
        deliver_notification(**payload(rep))
    # The e-mail claim rolled back with the failed send, so the retry sends it.
    assert Notification.objects.get().emailed_at is None
    deliver_notification(**payload(rep))
    deliver_notification(**payload(rep))

    assert len(calls) == 2
    assert Notification.objects.count() == 1
    assert Notification.objects.get().emailed_at is not None
    assert len(mail.outbox) == 1


def test_submitter_notified_once_when_approval_commits(
    submit, personas, django_capture_on_commit_callbacks
):
    req = submit()
    item = open_item(req)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    for callback in callbacks:  # a redelivery of the same messages changes nothing
        callback()

    notes = Notification.objects.filter(kind=NotificationKind.DECIDED)
    assert [(n.recipient, n.request_id) for n in notes] == [(personas["east_rep1"], req.pk)]
    assert [m.to for m in mail.outbox] == [[personas["east_rep1"].email]]


def test_nothing_delivered_when_transaction_rolls_back(submit, personas,
                                                       django_capture_on_commit_callbacks):
    req = submit()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])

    # Queued for after the commit, not sent from inside the transaction.
    assert callbacks
    assert not Notification.objects.filter(kind=NotificationKind.DECIDED).exists()


def test_decision_kept_when_broker_is_down(submit, personas, monkeypatch,
                                          django_capture_on_commit_callbacks):
    req = submit()

    def broker_down(**kwargs):
        raise ConnectionError("redis unreachable")

    monkeypatch.setattr(deliver_notification, "apply_async", broker_down)
    monkeypatch.setitem(current_app.conf, "task_always_eager", False)
    monkeypatch.setattr(outbox, "_paused_until", 0.0)
    with django_capture_on_commit_callbacks(execute=True):
        services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])

    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    assert not Notification.objects.filter(kind=NotificationKind.DECIDED).exists()
    # Not lost: it waits in the outbox for the relay (tests/core/inbox/test_outbox__relay.py).
    waiting = OutboxMessage.objects.filter(sent_at__isnull=True, task=notify.TASK)
    assert waiting.filter(kwargs__kind=NotificationKind.DECIDED).exists()


@pytest.mark.parametrize("decide", ["reject", "return"])
def test_the_reason_is_in_the_notification_when_a_request_is_rejected_or_returned(
        submit, personas, django_capture_on_commit_callbacks, decide):
    """Issue 18, defect 8: the rejection notification said who rejected it, not why."""
    req = submit()
    item = open_item(req)
    mail.outbox.clear()
    action = services.task_reject if decide == "reject" else services.task_return

    with django_capture_on_commit_callbacks(execute=True):
        action(task_id=item.pk, actor=personas["east_mgr"], reason="发票抬头不符，请重开")

    note = Notification.objects.get(recipient=personas["east_rep1"], request=req,
                                    kind__in=[NotificationKind.DECIDED,
                                              NotificationKind.RETURNED])
    assert "发票抬头不符，请重开" in note.display
    assert "Reason" in note.display
    assert any("发票抬头不符，请重开" in m.subject + m.body for m in mail.outbox)
