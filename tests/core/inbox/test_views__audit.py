import pytest

from core.audit.models import VerificationRun
from core.inbox import services

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, personas):
    def as_user(username):
        client.force_login(personas[username])
        return client

    return as_user


@pytest.fixture
def decided(submit, personas):
    first = submit("east_rep1", amount="800", title="approved one")
    services.task_approve(task_id=open_item(first).pk, actor=personas["east_mgr"])
    second = submit("south_rep1", amount="15000", title="rejected one")
    services.task_reject(task_id=open_item(second).pk, actor=personas["south_mgr"], reason="no")
    return first, second


def events(response) -> list[str]:
    return [e.event for e in response.context["page"].object_list]


def test_not_found_when_non_auditor_opens_the_audit_pages(login):
    for who in ("east_rep1", "east_mgr", "gm", "finance"):
        client = login(who)
        assert client.get("/audit/").status_code == 404, who
        assert client.post("/audit/verify/").status_code == 404, who
    assert not VerificationRun.objects.exists()


@pytest.mark.parametrize("who", ["auditor", "admin"])
def test_every_event_listed_newest_first_when_auditor_opens_the_audit_page(
    login, decided, who
):
    response = login(who).get("/audit/")

    assert response.status_code == 200
    assert events(response) == ["demo.rejected", "demo.submitted", "demo.approved",
                                "demo.submitted"]


def test_only_matching_events_when_audit_page_filtered(login, decided, personas):
    first, second = decided
    client = login("auditor")

    assert events(client.get("/audit/?event=demo.approved")) == ["demo.approved"]
    assert events(client.get("/audit/?actor=south_mgr")) == ["demo.rejected"]
    assert events(client.get(f"/audit/?number={second.number}")) == [
        "demo.rejected", "demo.submitted"]
    assert events(client.get("/audit/?amount_min=10000")) == ["demo.rejected",
                                                              "demo.submitted"]
    assert events(client.get("/audit/?subject_kind=expense")) == []


def test_nothing_listed_when_audit_filter_invalid(login, decided):
    response = login("auditor").get("/audit/?since=2025-03-10&until=2025-03-01")

    assert response.status_code == 200
    assert "until" in response.context["form"].errors
    assert events(response) == []


def test_request_linked_when_event_belongs_to_a_request(login, decided):
    first, _second = decided

    response = login("auditor").get(f"/audit/?number={first.number}")

    assert f'href="/requests/{first.pk}/"' in response.content.decode()


def test_verification_recorded_when_auditor_posts_verify_now(login, decided):
    response = login("auditor").post("/audit/verify/")

    assert response.status_code == 302
    assert response["Location"] == "/audit/"
    run = VerificationRun.objects.get()
    assert run.ok and run.events_checked == 4
    page = login("auditor").get("/audit/")
    assert page.context["verification"] == run


def test_method_not_allowed_when_verify_is_a_get(login):
    assert login("auditor").get("/audit/verify/").status_code == 405


def test_events_read_as_sentences_names_and_labelled_options(login, decided, personas):
    """Issue 18, defect 12: the event filter listed raw codes and the table showed codes and
    usernames."""
    import re

    html = login("auditor").get("/audit/").content.decode()

    select = html[html.index('<select name="event"'):html.index("</select>", html.index(
        '<select name="event"'))]
    assert "<optgroup" in select
    assert re.search(r'<option value="demo.rejected">someone rejected the request</option>',
                     select), select[:600]
    assert ">demo.rejected<" not in select
    table = html[html.index("<tbody>"):]
    mgr = personas["south_mgr"]
    assert f"{mgr} rejected the request" in table
    assert f'<span title="south_mgr">{mgr}</span>' in table
    assert "<code>demo.rejected</code>" not in table
