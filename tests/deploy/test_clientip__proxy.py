"""Behind a reverse proxy: X-Forwarded-For is believed only from a trusted proxy, read from the
right; django-axes and the audit trail both see the address it yields."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core.audit.models import AuditEvent
from core.audit.services import record
from core.clientip import client_ip
from core.middleware import RequestIDMiddleware

PROXY = "10.0.0.5"


def _request(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(("trusted", "remote", "forwarded", "expected"), [
    # Nobody trusted (the default): the header is ignored, whoever sends it.
    ([], "203.0.113.9", "198.51.100.1", "203.0.113.9"),
    ([], PROXY, "198.51.100.1", PROXY),
    # From a trusted proxy: the client it names.
    ([PROXY], PROXY, "198.51.100.1", "198.51.100.1"),
    # A client's own header is to the left of what the proxy appended: never believed.
    ([PROXY], PROXY, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
    # Two proxies in a trusted network: skip both, take the first untrusted hop.
    (["10.0.0.0/8"], "10.0.0.6", "6.6.6.6, 198.51.100.1, 10.0.0.5", "198.51.100.1"),
    # Not from a trusted proxy: a forged header changes nothing.
    ([PROXY], "203.0.113.9", "198.51.100.1", "203.0.113.9"),
    # A trusted proxy that names only itself or nothing: its own address.
    ([PROXY], PROXY, "", PROXY),
    ([PROXY], PROXY, None, PROXY),
    # Garbage where the proxy wrote: its own address, no guessing further left.
    ([PROXY], PROXY, "198.51.100.1, not-an-ip", PROXY),
    # Ports and IPv6.
    ([PROXY], PROXY, "198.51.100.1:5555", "198.51.100.1"),
    (["::1"], "::1", "2001:db8::7", "2001:db8::7"),
    (["::1"], "::1", "[2001:db8::7]:443", "2001:db8::7"),
])
def test_client_ip_when_proxies_are_trusted_or_not(trusted, remote, forwarded, expected):
    with override_settings(TRUSTED_PROXIES=trusted):
        assert client_ip(_request(remote, forwarded)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("remote", "expected"), [(PROXY, "198.51.100.23"),
                                                  ("203.0.113.9", "203.0.113.9")])
def test_audit_ip_is_the_forwarded_client_only_when_the_proxy_is_trusted(personas, remote,
                                                                         expected):
    def view(request):
        record(actor=personas["east_rep1"], event="expense.submitted", subject_kind="expense",
               subject_id=9)
        return HttpResponse("ok")

    with override_settings(TRUSTED_PROXIES=[PROXY]):
        RequestIDMiddleware(view)(_request(remote, "198.51.100.23"))

    assert AuditEvent.objects.get().ip == expected


@pytest.mark.django_db
def test_axes_locks_the_forwarded_client_not_the_proxy(client, personas):
    from axes.models import AccessAttempt

    with override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=2, TRUSTED_PROXIES=[PROXY]):
        for _ in range(2):
            client.post("/accounts/login/", {"username": "gm", "password": "wrong"},
                        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.23")
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
            "198.51.100.23"}
        # Another client behind the same proxy is not locked out by the first one's failures.
        other = client.post("/accounts/login/", {"username": "gm", "password": "countersign-demo"},
                            REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert other.status_code == 302
