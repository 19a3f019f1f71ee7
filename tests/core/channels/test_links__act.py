"""Signed action links (issue 20): one recipient, one task, one decision, single use."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.audit.models import AuditEvent
from core.channels.models import ActionToken
from core.inbox.models import WorkItem, WorkItemStatus
from core.inbox.templatetags.countersign import describe

pytestmark = pytest.mark.django_db


def _button(card: dict, caption: str) -> str:
    for element in card["card"]["elements"]:
        for action in element.get("actions", []):
            if action["text"]["content"] == caption:
                return action["url"]
    raise AssertionError(f"no {caption!r} button in {card}")


def _path(url: str) -> str:
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


@pytest.fixture
def feishu_card(fake_platform, claim, personas):
    fake = fake_platform("feishu")
    req = claim()
    assert fake.refused == []
    assert len(fake.received) == 1
    return req, fake.received[0]


def _events(req):
    return list(AuditEvent.objects.filter(subject_kind=req.kind, subject_id=str(req.object_id))
                .order_by("subject_seq"))


def test_approve_link_decides_as_recipient_and_audit_says_via_feishu(feishu_card, client,
                                                                     personas):
    req, card = feishu_card
    item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    assert item.assignee == personas["east_mgr"]
    url = _path(_button(card, "Approve"))

    page = client.get(url)  # opening the link decides nothing
    assert page.status_code == 200
    assert req.number in page.content.decode()
    assert WorkItem.objects.get(pk=item.pk).status == WorkItemStatus.OPEN

    done = client.post(url, {"comment": "同意"})
    assert done.status_code == 200, done.content.decode()
    item.refresh_from_db()
    assert (item.status, item.decision, item.decided_by) == (
        WorkItemStatus.DONE, "approved", personas["east_mgr"])
    event = _events(req)[-1]
    assert event.actor == personas["east_mgr"]
    assert event.data["via"] == "feishu"
    assert describe(event).endswith("via Feishu link")
    # The claim moved on to its next step; the session stays logged out.
    assert WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).exclude(
        pk=item.pk).exists()
    assert "_auth_user_id" not in client.session


def test_same_link_again_is_already_decided_and_changes_nothing(feishu_card, client):
    req, card = feishu_card
    url = _path(_button(card, "Approve"))
    assert client.post(url, {"comment": ""}).status_code == 200
    before = len(_events(req))

    again = client.post(url, {"comment": ""})
    assert again.status_code == 409
    assert "already used" in again.content.decode()
    assert client.get(url).status_code == 409
    assert len(_events(req)) == before


def test_other_links_of_a_decided_task_are_refused(feishu_card, client):
    req, card = feishu_card
    client.post(_path(_button(card, "Approve")), {"comment": ""})
    reject = client.post(_path(_button(card, "Reject")), {"comment": "no"})
    assert reject.status_code in (409, 410)
    assert "Nothing was changed" in reject.content.decode()


def test_expired_link_is_refused(feishu_card, client):
    req, card = feishu_card
    ActionToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    url = _path(_button(card, "Approve"))
    answer = client.post(url, {"comment": ""})
    assert answer.status_code == 410
    assert "expired" in answer.content.decode()
    assert WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).count() == 1


def test_forged_link_is_refused(feishu_card, client):
    req, card = feishu_card
    url = _path(_button(card, "Approve"))
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = url.replace(token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    assert client.post(forged, {"comment": ""}).status_code == 404
    assert client.get("/act/not-a-token/").status_code == 404
    assert WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).count() == 1


def test_link_opened_by_another_logged_in_user_is_refused(feishu_card, client, personas):
    req, card = feishu_card
    client.force_login(personas["gm"])
    url = _path(_button(card, "Approve"))
    assert client.get(url).status_code == 403
    assert client.post(url, {"comment": ""}).status_code == 403
    assert WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).count() == 1


def test_recipient_logged_in_may_use_the_link(feishu_card, client, personas):
    req, card = feishu_card
    client.force_login(personas["east_mgr"])
    assert client.post(_path(_button(card, "Approve")), {"comment": ""}).status_code == 200


def test_reject_needs_a_reason_and_keeps_what_was_typed(feishu_card, client):
    req, card = feishu_card
    url = _path(_button(card, "Reject"))
    answer = client.post(url, {"comment": "  "})
    assert answer.status_code == 400
    assert "A reason is required." in answer.content.decode()
    assert WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).count() == 1


def test_link_revoked_when_task_reassigned(feishu_card, client, personas):
    from core.inbox import services as inbox

    req, card = feishu_card
    item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    inbox.task_reassign(task_id=item.pk, actor=personas["admin"] if "admin" in personas
                        else personas["ceo"], assignee=personas["gm"], reason="holiday")
    answer = client.post(_path(_button(card, "Approve")), {"comment": ""})
    assert answer.status_code == 410
    assert "changed since this link was sent" in answer.content.decode()


def test_login_required_setting_sends_to_login_first(feishu_card, client, settings):
    settings.CHANNELS_LINKS_REQUIRE_LOGIN = True
    url = _path(_button(feishu_card[1], "Approve"))
    answer = client.get(url)
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]
    assert client.post(url, {"comment": ""}).status_code == 302
    assert ActionToken.objects.filter(used_at__isnull=False).count() == 0


def test_only_hashes_are_stored(feishu_card):
    req, card = feishu_card
    token = _button(card, "Approve").rstrip("/").rsplit("/", 1)[1]
    assert not ActionToken.objects.filter(token_hash=token).exists()
    assert ActionToken.objects.filter(channel="feishu").count() == 3


def test_task_email_has_html_text_and_email_links(feishu_card, personas):
    msg = next(m for m in mail.outbox if m.to == [personas["east_mgr"].email])
    html = {ct: body for body, ct in msg.alternatives}["text/html"]
    assert "Approve" in html and "/act/" in html
    assert "/act/" in msg.body
    assert ActionToken.objects.filter(channel="email",
                                      recipient=personas["east_mgr"]).count() == 3
