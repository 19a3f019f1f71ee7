import pytest

from core.audit.models import AuditEvent, VerificationRun
from core.audit.services import record
from core.audit.verify import verify_all

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/audit/auditevent/"


@pytest.fixture
def superuser_client(client, personas):
    assert personas["admin"].is_superuser
    client.force_login(personas["admin"])
    return client


@pytest.fixture
def event(personas):
    return record(actor=personas["east_rep1"], event="expense.submitted",
                  subject_kind="expense", subject_id=1, comment="original")


def test_changelist_shown_when_superuser_browses_events(superuser_client, event):
    response = superuser_client.get(CHANGELIST)
    assert response.status_code == 200
    assert f"{CHANGELIST}{event.pk}/change/".encode() in response.content
    assert b'value="delete_selected"' not in response.content


def test_change_page_has_no_save_when_superuser_opens_an_event(superuser_client, event):
    response = superuser_client.get(f"{CHANGELIST}{event.pk}/change/")
    assert response.status_code == 200
    assert b"expense.submitted" in response.content
    for control in (b'name="_save"', b'name="_continue"', b'name="_addanother"',
                    f"{CHANGELIST}{event.pk}/delete/".encode()):
        assert control not in response.content


def test_edit_refused_when_superuser_posts_the_change_form(superuser_client, event):
    response = superuser_client.post(f"{CHANGELIST}{event.pk}/change/",
                                 {"comment": "edited", "event": "expense.approved"})
    assert response.status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).comment == "original"


def test_delete_refused_when_superuser_posts_delete(superuser_client, event):
    response = superuser_client.post(f"{CHANGELIST}{event.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_nothing_deleted_when_superuser_posts_the_bulk_delete_action(superuser_client, event):
    superuser_client.post(CHANGELIST, {"action": "delete_selected", "_selected_action": [event.pk],
                                   "post": "yes", "index": 0})
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_add_refused_when_superuser_opens_the_add_page(superuser_client):
    assert superuser_client.get(f"{CHANGELIST}add/").status_code == 403


def test_verification_runs_read_only_when_superuser_tries_to_change_them(superuser_client, event):
    verify_all()
    run = VerificationRun.objects.get()
    assert superuser_client.get("/admin/audit/verificationrun/").status_code == 200
    assert superuser_client.get("/admin/audit/verificationrun/add/").status_code == 403
    assert superuser_client.post(f"/admin/audit/verificationrun/{run.pk}/delete/",
                             {"post": "yes"}).status_code == 403
    assert VerificationRun.objects.filter(pk=run.pk).exists()
