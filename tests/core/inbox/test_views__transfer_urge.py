"""The task and request pages: 转交 and 催办 forms, their refusals and their results."""

import pytest
from django.contrib.messages import get_messages

from core.inbox.models import Urge

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, personas):
    def as_user(username):
        client.force_login(personas[username])
        return client

    return as_user


def test_holder_sees_the_transfer_form_and_hands_the_task_over(login, submit, personas):
    item = open_item(submit())
    client = login("east_mgr")

    html = client.get(f"/inbox/tasks/{item.pk}/").content.decode()
    assert f'action="/inbox/tasks/{item.pk}/transfer/"' in html
    assert f'action="/inbox/tasks/{item.pk}/urge/"' not in html  # the holder does not urge

    response = client.post(f"/inbox/tasks/{item.pk}/transfer/", {
        "transfer-assignee": personas["south_mgr"].pk, "transfer-reason": "出差"})
    assert response.status_code == 302
    assert open_item(item.request).assignee == personas["south_mgr"]


def test_transfer_without_reason_keeps_the_typed_choice(login, submit, personas):
    item = open_item(submit())
    response = login("east_mgr").post(f"/inbox/tasks/{item.pk}/transfer/", {
        "transfer-assignee": personas["south_mgr"].pk, "transfer-reason": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "A reason is required." in html
    assert f'value="{personas["south_mgr"].pk}" selected' in html
    assert open_item(item.request).assignee == personas["east_mgr"]


def test_transfer_refused_by_the_service_renders_the_reason(login, submit, personas):
    item = open_item(submit())
    # gm sees the task (above the holder) but does not hold it
    response = login("gm").post(f"/inbox/tasks/{item.pk}/transfer/", {
        "transfer-assignee": personas["south_mgr"].pk, "transfer-reason": "mine"})
    assert response.status_code == 403
    assert open_item(item.request).assignee == personas["east_mgr"]


def test_get_never_transfers_or_urges(login, submit):
    item = open_item(submit())
    assert login("east_mgr").get(f"/inbox/tasks/{item.pk}/transfer/").status_code == 405
    assert login("east_rep1").get(f"/inbox/tasks/{item.pk}/urge/").status_code == 405
    assert not Urge.objects.exists()


def test_strangers_get_404(login, submit):
    item = open_item(submit())
    for action in ("transfer", "urge"):
        assert login("east_rep2").post(f"/inbox/tasks/{item.pk}/{action}/").status_code == 404


def test_submitter_urges_from_the_request_page_and_sees_the_count(login, submit):
    req = submit()
    item = open_item(req)
    client = login("east_rep1")

    page = client.get(f"/requests/{req.pk}/").content.decode()
    assert f'action="/inbox/tasks/{item.pk}/urge/"' in page

    response = client.post(f"/inbox/tasks/{item.pk}/urge/", {"next": "request"})
    assert response.status_code == 302 and response.url == f"/requests/{req.pk}/"
    again = client.post(f"/inbox/tasks/{item.pk}/urge/", {"next": "request"}, follow=True)
    said = [str(m) for m in get_messages(again.wsgi_request)] + [again.content.decode()]
    assert any("can be urged again from" in m for m in said)
    assert Urge.objects.count() == 1
    assert "Urged once." in client.get(f"/requests/{req.pk}/").content.decode()


def test_submitter_urges_from_the_task_page(login, submit):
    item = open_item(submit())
    client = login("east_rep1")
    assert f'action="/inbox/tasks/{item.pk}/urge/"' in client.get(
        f"/inbox/tasks/{item.pk}/").content.decode()
    response = client.post(f"/inbox/tasks/{item.pk}/urge/", {"urge-comment": "请尽快"})
    assert response.status_code == 302
    assert Urge.objects.get().comment == "请尽快"
    refused = client.post(f"/inbox/tasks/{item.pk}/urge/", {"urge-comment": "再催"})
    assert refused.status_code == 409
    assert "再催" in refused.content.decode()


def test_holder_adds_a_signer_before_them_from_the_task_page(login, submit, personas):
    item = open_item(submit())
    client = login("east_mgr")
    html = client.get(f"/inbox/tasks/{item.pk}/").content.decode()
    assert f'action="/inbox/tasks/{item.pk}/add-signer/"' in html

    response = client.post(f"/inbox/tasks/{item.pk}/add-signer/", {
        "signer-signers": [personas["legal"].pk], "signer-position": "before",
        "signer-reason": "法务确认", "signer-sla_hours": "8"})
    assert response.status_code == 302
    assert open_item(item.request).assignee == personas["legal"]


def test_add_signer_refusal_keeps_the_form(login, submit, personas):
    item = open_item(submit())
    response = login("east_mgr").post(f"/inbox/tasks/{item.pk}/add-signer/", {
        "signer-signers": [personas["legal"].pk], "signer-position": "before",
        "signer-reason": ""})
    assert response.status_code == 400
    assert "A reason is required." in response.content.decode()
    assert open_item(item.request).pk == item.pk
