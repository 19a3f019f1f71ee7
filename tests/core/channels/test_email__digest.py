"""Task e-mails: HTML and text, summary and links, the recipient's language; hourly and daily
digests (oldest first), reminders and escalations always at once."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from core.channels import digest
from core.channels.models import ActionToken, Preference
from core.inbox.models import Notification, WorkItem, WorkItemStatus

pytestmark = pytest.mark.django_db
OUT = Path("/tmp/h20-out")


def _html(msg) -> str:
    return {ct: body for body, ct in msg.alternatives}["text/html"]


def test_task_email_in_the_recipients_language_with_summary_and_links(claim, personas):
    Preference.objects.create(user=personas["east_mgr"], language="zh-hans")
    mail.outbox.clear()
    req = claim(title="杭州客户拜访", amount="860.00")
    msg = next(m for m in mail.outbox if m.to == [personas["east_mgr"].email])
    for part in (msg.body, _html(msg)):
        assert req.number in part and "¥860.00" in part and "赵磊" in part
        assert "/act/" in part
    assert "批准" in _html(msg) or "同意" in _html(msg)  # zh-hans button captions
    assert ActionToken.objects.filter(recipient=personas["east_mgr"], channel="email").count() == 3


def test_hourly_digest_holds_task_mails_and_lists_waiting_oldest_first(claim, personas):
    mgr = personas["east_mgr"]
    Preference.objects.create(user=mgr, email_digest="hourly")
    mail.outbox.clear()
    first = claim(title="第一笔 差旅")
    second = claim(title="第二笔 差旅")
    assert [m for m in mail.outbox if m.to == [mgr.email]] == []  # held for the digest
    assert Notification.objects.filter(recipient=mgr, emailed_at__isnull=True).count() == 2

    assert digest.sweep(now=timezone.now() + timedelta(minutes=1)) == 1
    msgs = [m for m in mail.outbox if m.to == [mgr.email]]
    assert len(msgs) == 1
    msg = msgs[0]
    assert "2 waiting for your decision" in msg.subject
    assert msg.body.index(first.number) < msg.body.index(second.number)  # oldest first
    assert _html(msg).count("/act/") == 6
    assert Notification.objects.filter(recipient=mgr, emailed_at__isnull=True).count() == 0
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "digest-email.html").write_text(_html(msg))
    (OUT / "digest-email.txt").write_text(f"Subject: {msg.subject}\n\n{msg.body}")

    # Within the hour nothing more goes; nothing new, no mail even later.
    assert digest.sweep(now=timezone.now() + timedelta(minutes=30)) == 0
    assert digest.sweep(now=timezone.now() + timedelta(hours=3)) == 0


def test_reminders_come_at_once_even_with_a_daily_digest(claim, personas):
    from core.inbox.tasks import deliver_notification

    mgr = personas["east_mgr"]
    Preference.objects.create(user=mgr, email_digest="daily")
    req = claim()
    item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    mail.outbox.clear()
    deliver_notification(recipient_id=mgr.pk, kind="reminder", request_id=req.pk,
                         dedupe_key=f"reminder:{item.pk}:0:{mgr.pk}",
                         message="%(step)s: %(title)s is due %(due)s",
                         params={"step": item.step_code, "title": req.title, "due": "soon"},
                         target=["inbox:task", {"task_id": item.pk}])
    assert [m.to for m in mail.outbox] == [[mgr.email]]
    assert "/act/" in mail.outbox[0].body


def test_preferences_page_saves_digest_and_language(client, personas):
    client.force_login(personas["east_mgr"])
    assert client.get("/preferences/channels/").status_code == 200
    answer = client.post("/preferences/channels/", {"language": "en", "email_digest": "daily"})
    assert answer.status_code == 302
    pref = Preference.objects.get(user=personas["east_mgr"])
    assert (pref.language, pref.email_digest) == ("en", "daily")
    bad = client.post("/preferences/channels/", {"language": "xx", "email_digest": "weekly"})
    assert bad.status_code == 400
    assert Preference.objects.get(user=personas["east_mgr"]).email_digest == "daily"
