"""Notifications keep no frozen sentence: each row holds an untranslated message, its
parameters and a target page, rendered when read in the reader's language (issue 16)."""

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation

from core.inbox import services
from core.inbox.models import Notification
from core.inbox.tasks import deliver_notification

from .helpers import open_item

pytestmark = pytest.mark.django_db


def _deliver(user, **extra):
    deliver_notification(recipient_id=user.pk, kind="assigned", request_id=None,
                         dedupe_key=extra.pop("key", "k:1"),
                         message="%(step)s: %(title)s is waiting for you",
                         params={"step": "line_manager", "title": "样品快递费"},
                         target=("inbox:request", {"request_id": 42}), **extra)
    return Notification.objects.get(recipient=user)


def test_the_same_row_reads_in_each_readers_language(personas):
    note = _deliver(personas["east_mgr"])

    assert note.text == ""  # nothing rendered was stored
    with translation.override("en"):
        english = note.display
    with translation.override("zh-hans"):
        chinese = note.display
    assert english.startswith("Line manager: 样品快递费")
    assert chinese != english and "样品快递费" in chinese
    assert note.link == "/requests/42/"


def test_a_target_that_no_longer_resolves_gives_no_link(personas):
    note = _deliver(personas["east_mgr"])
    note.target = ["inbox:no-such-page", {}]

    assert note.link == ""


@override_settings(SITE_URL="https://approvals.example.com")
def test_the_email_carries_the_rendered_sentence_and_an_absolute_link(personas):
    user = personas["east_mgr"]
    user.email_notifications = True
    user.save(update_fields=["email_notifications"])

    _deliver(user)

    assert "样品快递费" in mail.outbox[0].subject
    assert "https://approvals.example.com/requests/42/" in mail.outbox[0].body


def test_a_decision_notification_renders_the_step_and_decision_when_read(
        personas, submit, django_capture_on_commit_callbacks):
    req = submit("east_rep1", "860.00")
    with django_capture_on_commit_callbacks(execute=True):
        services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])

    note = Notification.objects.filter(recipient=personas["east_rep1"], kind="decided").get()
    assert note.message and note.params["decision"] == "approved" and note.text == ""
    with translation.override("en"):
        assert note.display == "客户拜访交通费: Line manager — Approved by " + str(
            personas["east_mgr"])
    assert note.link == f"/requests/{req.pk}/"
