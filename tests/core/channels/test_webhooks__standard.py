"""Outbound webhooks: signed per Standard Webhooks and verified from the receiver's side with
the standardwebhooks library; at least once, in order per request, retried, replayable."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from standardwebhooks import Webhook

from core.channels import crypto, webhooks
from core.channels.models import DeliveryStatus, WebhookEndpoint, WebhookMessage
from core.inbox import services as inbox
from core.inbox.models import WorkItem, WorkItemStatus

pytestmark = pytest.mark.django_db
SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class Receiver:
    """A receiving server on 127.0.0.1 that verifies each request with the standardwebhooks
    library and records the verified payloads."""

    def __init__(self):
        self.got: list[dict] = []
        self.ids: list[str] = []
        self.bad = 0
        self.fail = 0
        rec = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if rec.fail > 0:
                    rec.fail -= 1
                    self.send_response(500)
                    self.end_headers()
                    return
                try:
                    payload = Webhook(SECRET).verify(body, dict(self.headers.items()))
                except Exception:  # noqa: BLE001 - any verification failure
                    rec.bad += 1
                    self.send_response(401)
                    self.end_headers()
                    return
                rec.got.append(payload)
                rec.ids.append(self.headers["webhook-id"])
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        host, port = self.server.server_address[:2]
        self.url = f"http://{host}:{port}/hooks"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(db):
    rec = Receiver()
    WebhookEndpoint.objects.create(name="ERP", url=rec.url, events=["expense.*"],
                                   secret_enc=crypto.encrypt(SECRET))
    webhooks.forget_cached_endpoints()
    yield rec
    rec.stop()
    webhooks.forget_cached_endpoints()


def test_events_arrive_signed_and_verified_by_the_receiver(receiver, claim, personas,
                                                          django_capture_on_commit_callbacks):
    req = claim()
    assert receiver.bad == 0
    assert [p["type"] for p in receiver.got] == ["expense.drafted", "expense.submitted"]
    data = receiver.got[1]["data"]
    assert (data["number"], data["subject_kind"]) == (req.number, "expense")
    item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=item.pk, actor=personas["east_mgr"], via="email")
    assert receiver.got[-1]["type"].startswith("expense.")
    assert receiver.got[-1]["data"]["via"] == "email"
    assert receiver.got[-1]["data"]["actor"] == "east_mgr"
    assert len(set(receiver.ids)) == len(receiver.ids) == 3


def test_a_tampered_signature_is_rejected_by_the_library(receiver):
    wh = Webhook(SECRET)
    now = timezone.now()
    body = json.dumps({"type": "expense.approved"})
    sig = wh.sign("msg_1", now, body)
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(int(now.timestamp())),
               "webhook-signature": sig}
    assert wh.verify(body, headers) == {"type": "expense.approved"}
    with pytest.raises(Exception):  # noqa: B017 - the library's WebhookVerificationError
        wh.verify(body.replace("approved", "rejected"), headers)


def test_retried_after_three_500s_and_order_kept_per_request(receiver, claim, personas,
                                                             settings,
                                                             django_capture_on_commit_callbacks):
    settings.CHANNELS_BACKOFF_SECONDS = 10
    receiver.fail = 3
    req = claim()
    item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    # The first message failed; the second waits behind it rather than overtaking it.
    assert receiver.got == []
    msgs = list(WebhookMessage.objects.order_by("seq"))
    assert [m.status for m in msgs] == [DeliveryStatus.PENDING] * 3
    assert msgs[0].response_code == 500
    assert [m.attempts for m in msgs[1:]] == [0, 0]

    now = timezone.now()
    for minutes in (1, 2, 5):
        webhooks.sweep(now=now + timedelta(minutes=minutes))
    assert [p["type"] for p in receiver.got][:2] == ["expense.drafted", "expense.submitted"]
    assert len(receiver.got) == 3
    seqs = [p["data"]["seq"] for p in receiver.got]
    assert seqs == sorted(seqs)
    first = WebhookMessage.objects.order_by("seq").first()
    assert (first.status, first.attempts) == (DeliveryStatus.SENT, 4)


def test_replay_sends_the_same_message_again(receiver, claim):
    claim()
    msg = WebhookMessage.objects.order_by("seq").last()
    receiver.ids.clear()
    webhooks.replay([msg.pk])
    assert receiver.ids == [msg.msg_id]


def test_nothing_is_queued_without_an_endpoint(claim):
    webhooks.forget_cached_endpoints()
    claim()
    assert WebhookMessage.objects.count() == 0
