"""Robots: each platform's signing checked by a fake server as documented; retries with
exponential backoff after HTTP 500; dead letters and "retry now"; no secret in a log."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from core.channels import delivery
from core.channels.models import Delivery, DeliveryStatus, PlatformIdentity, Robot

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("platform", ["feishu", "dingtalk", "wecom"])
def test_card_accepted_by_the_platforms_signature_check(platform, fake_platform, claim,
                                                        personas):
    ident = {"feishu": "ou_abc", "dingtalk": "13800000001", "wecom": "zhangwei"}[platform]
    PlatformIdentity.objects.create(user=personas["east_mgr"], platform=platform,
                                    external_id=ident)
    fake = fake_platform(platform)
    claim()
    assert fake.refused == []
    assert len(fake.received) == 1
    body = fake.received[0]
    row = Delivery.objects.get()
    assert (row.status, row.attempts, row.response_code, row.platform_code) == (
        DeliveryStatus.SENT, 1, 200, "0")
    if platform == "feishu":
        assert body["msg_type"] == "interactive"
        assert "<at id=ou_abc></at>" in str(body)
    elif platform == "dingtalk":
        assert body["msgtype"] == "actionCard"
        assert [b["title"] for b in body["actionCard"]["btns"]] == [
            "Approve", "Return for revision", "Reject", "Open in Countersign"]
        assert body["at"]["atMobiles"] == ["13800000001"]
    else:
        assert body["msgtype"] == "markdown"
        assert body["markdown"]["content"].startswith("<@zhangwei>")
        assert "/act/" in body["markdown"]["content"]


@pytest.mark.parametrize("platform", ["feishu", "dingtalk", "wecom"])
def test_wrong_secret_is_refused_by_the_platform_and_retried(platform, fake_platform, claim):
    fake = fake_platform(platform)
    Robot.objects.update(secret_enc=__import__("core.channels.crypto", fromlist=["x"])
                         .encrypt("not-the-secret"))
    claim()
    assert fake.received == [] and len(fake.refused) == 1
    row = Delivery.objects.get()
    assert row.status == DeliveryStatus.PENDING and row.attempts == 1
    assert row.platform_code not in ("", "0")
    assert "not-the-secret" not in row.last_error


def test_retries_with_backoff_after_three_500s_then_delivers(fake_platform, claim, settings):
    settings.CHANNELS_BACKOFF_SECONDS = 30
    fake = fake_platform("dingtalk")
    fake.fail_next(3)
    claim()
    row = Delivery.objects.get()
    assert (row.status, row.attempts, row.response_code) == (DeliveryStatus.PENDING, 1, 500)
    assert row.last_error == "HTTP 500"
    first_due = row.next_attempt_at

    now = timezone.now()
    assert delivery.sweep(now=now + timedelta(seconds=29)) == 0  # not due yet: nothing sent
    assert delivery.sweep(now=now + timedelta(seconds=31)) == 0  # attempt 2: 500 again
    row.refresh_from_db()
    assert row.attempts == 2
    assert row.next_attempt_at - (now + timedelta(seconds=31)) == timedelta(seconds=60)
    assert delivery.sweep(now=now + timedelta(seconds=95)) == 0  # attempt 3: 500 again
    row.refresh_from_db()
    assert row.next_attempt_at - (now + timedelta(seconds=95)) == timedelta(seconds=120)
    assert delivery.sweep(now=now + timedelta(seconds=300)) == 1  # attempt 4: delivered
    row.refresh_from_db()
    assert (row.status, row.attempts, row.response_code, row.last_error) == (
        DeliveryStatus.SENT, 4, 200, "")
    assert first_due < row.sent_at
    assert len(fake.received) == 1 and fake.requests == 4


def test_dead_letter_after_the_last_attempt_and_retry_now(fake_platform, claim, settings):
    settings.CHANNELS_MAX_ATTEMPTS = 2
    fake = fake_platform("wecom")
    fake.fail_next(10)
    claim()
    row = Delivery.objects.get()
    delivery.sweep(now=timezone.now() + timedelta(hours=1))
    row.refresh_from_db()
    assert (row.status, row.attempts) == (DeliveryStatus.DEAD, 2)
    assert delivery.sweep(now=timezone.now() + timedelta(days=1)) == 0  # dead: left alone

    fake.fail_next(0)
    delivery.retry_now([row.pk])
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT
    assert len(fake.received) == 1


def test_platform_down_loses_nothing(fake_platform, claim):
    fake = fake_platform("feishu")
    fake.stop()  # nothing listens on its port now
    claim()
    row = Delivery.objects.get()
    assert row.status == DeliveryStatus.PENDING and row.response_code is None
    assert row.last_error == "ConnectionError: connection failed"


def test_no_secret_or_webhook_url_in_logs_or_the_log_table(fake_platform, claim, caplog):
    fake = fake_platform("wecom", secret="wecom-key-SECRET-123")
    fake.fail_next(1)
    with caplog.at_level(logging.DEBUG):
        claim()
    row = Delivery.objects.get()
    text = caplog.text + row.last_error + str(row.payload)
    assert "wecom-key-SECRET-123" not in text
    assert fake.url not in text
    robot = Robot.objects.get()
    assert "wecom-key-SECRET-123" not in robot.secret_enc


def test_a_redelivered_notification_sends_no_second_card(fake_platform, claim):
    from core.inbox.models import Notification
    from core.inbox.tasks import deliver_notification

    fake = fake_platform("feishu")
    claim()
    note = Notification.objects.filter(kind="assigned").latest("created")
    deliver_notification(recipient_id=note.recipient_id, kind=note.kind,
                         request_id=note.request_id, dedupe_key=note.dedupe_key,
                         message=note.message, params=note.params, target=note.target)
    assert Delivery.objects.count() == 1 and len(fake.received) == 1
