"""One request's audit chain, verified from its page (issue 18): anyone who may see the request
presses the button; the answer is intact with the count, or the first broken event. It reads
only (no verification run is saved) and is a POST; others get 404."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client

from core.audit.models import AuditEvent, VerificationRun
from core.inbox import services

from ..audit.conftest import APPEND_ONLY_TRIGGER
from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for(personas):
    def make(username: str) -> Client:
        client = Client(headers={"accept-language": "en"})
        client.force_login(personas[username])
        return client

    return make


def tamper(sql: str, params=()) -> int:
    """Raw SQL on the audit table as its owner would, the append-only trigger disabled inside
    the test's transaction (tests/core/audit/conftest.py, `tamper`)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {APPEND_ONLY_TRIGGER}")
        cursor.execute(sql, params)
        return cursor.rowcount


def events_of(req):
    return AuditEvent.objects.filter(subject_kind=req.kind, subject_id=str(req.object_id)) \
        .order_by("subject_seq")


def verify(client, req) -> tuple[int, list[str]]:
    response = client.post(f"/requests/{req.pk}/verify/")
    return response.status_code, [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def decided(submit, personas):
    """A demo request the line manager approved: its chain holds several events."""
    req = submit("east_rep1", "12000.00")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"], comment="ok")
    return req


@pytest.mark.parametrize("username", ["east_rep1", "east_mgr", "auditor"])
def test_intact_with_its_count_when_nothing_was_changed(client_for, decided, username):
    count = events_of(decided).count()
    assert count >= 2

    status, said = verify(client_for(username), decided)

    assert status == 302
    assert said == [f"This request's audit chain is intact: {count} events verified."]
    assert not VerificationRun.objects.exists()  # it computes only


def test_first_broken_event_named_when_one_was_altered(client_for, decided, submit):
    other = submit("east_rep2")
    second = events_of(decided)[1]
    assert tamper("UPDATE audit_auditevent SET comment = %s WHERE seq = %s",
                  ["approved by phone", second.seq]) == 1

    status, said = verify(client_for("auditor"), decided)

    assert status == 302
    assert said == [f"This request's audit chain is BROKEN at event 2 (global no. "
                    f"{second.seq}): event content altered."]
    # another request's chain is untouched, and says so
    assert verify(client_for("auditor"), other)[1][0].startswith(
        "This request's audit chain is intact")


def test_missing_event_named_when_one_was_deleted(client_for, decided):
    first = events_of(decided)[0]
    assert tamper("DELETE FROM audit_auditevent WHERE seq = %s", [first.seq]) == 1

    said = verify(client_for("east_rep1"), decided)[1]

    assert said[0].startswith("This request's audit chain is BROKEN at event 2")
    assert said[0].endswith("missing event in the chain.")


def test_not_found_when_the_request_is_not_theirs_to_see(client_for, decided):
    assert client_for("south_rep1").post(f"/requests/{decided.pk}/verify/").status_code == 404


def test_nothing_verified_on_a_get(client_for, decided):
    assert client_for("auditor").get(f"/requests/{decided.pk}/verify/").status_code == 405


def test_button_offered_on_the_request_page(client_for, decided):
    html = client_for("auditor").get(f"/requests/{decided.pk}/").content.decode()

    assert f'action="/requests/{decided.pk}/verify/"' in html
    assert "Verify this request's audit chain" in html
