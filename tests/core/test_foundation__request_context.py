import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from core import context
from core.audit.models import AuditEvent
from core.audit.services import record
from core.middleware import RequestIDMiddleware

pytestmark = pytest.mark.django_db


def _recording_view(actor):
    def view(request):
        record(actor=actor, event="expense.submitted", subject_kind="expense", subject_id=9)
        return HttpResponse("ok")

    return view


def test_audit_event_carries_request_id_and_ip_when_recorded_during_a_request(personas):
    middleware = RequestIDMiddleware(_recording_view(personas["east_rep1"]))
    request = RequestFactory().post("/", HTTP_X_REQUEST_ID="client-req-1",
                                    REMOTE_ADDR="198.51.100.23")

    response = middleware(request)

    assert response["X-Request-ID"] == "client-req-1"
    ev = AuditEvent.objects.get()
    assert (ev.request_id, ev.ip) == ("client-req-1", "198.51.100.23")


def test_audit_event_carries_generated_id_when_incoming_id_malformed(personas):
    middleware = RequestIDMiddleware(_recording_view(personas["east_rep1"]))
    response = middleware(RequestFactory().post("/", HTTP_X_REQUEST_ID="bad id<script>"))

    ev = AuditEvent.objects.get()
    assert re.fullmatch(r"[0-9a-f]{32}", ev.request_id)
    assert response["X-Request-ID"] == ev.request_id


def test_context_unbound_after_the_request_when_view_raises(personas):
    def failing(request):
        assert context.current().request_id == "req-err"
        raise RuntimeError("view failed")

    with pytest.raises(RuntimeError):
        RequestIDMiddleware(failing)(RequestFactory().get("/", HTTP_X_REQUEST_ID="req-err"))

    assert context.current().request_id.startswith("sys-")
    assert context.current().ip is None


def test_system_context_used_when_nothing_bound(db):
    first, second = context.current(), context.current()
    assert re.fullmatch(r"sys-[0-9a-f]{16}", first.request_id)
    assert first.request_id != second.request_id
    assert first.ip is None
