"""The pages of 抄送 and comments with @mentions: the request page's copy and comment boxes,
the task page's copy box, the "copied to me" list with unread marks, read-only access."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.audit.models import AuditEvent
from core.inbox import attachments, copies
from core.inbox.models import CarbonCopy

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, personas):
    def as_user(username):
        client.force_login(personas[username])
        return client

    return as_user


def test_submitter_copies_from_the_request_page_and_finance_reads_it_and_its_files(
    login, submit, personas
):
    req = submit()
    att = attachments.attachment_add(
        request_id=req.pk, actor=personas["east_rep1"],
        upload=SimpleUploadedFile("合同.pdf", b"%PDF-1.4\n% x\n%%EOF\n", "application/pdf"))
    page_url = reverse("inbox:request", args=[req.pk])
    file_url = f"/attachments/{att.token}/"
    finance = login("finance")
    assert finance.get(page_url).status_code == 404
    assert finance.get(file_url).status_code == 404

    client = login("east_rep1")
    assert reverse("inbox:request-copy", args=[req.pk]) in client.get(page_url).content.decode()
    response = client.post(reverse("inbox:request-copy", args=[req.pk]),
                           {"copy-people": [personas["finance"].pk], "copy-comment": "供参考"})
    assert response.status_code == 302

    finance = login("finance")
    html = finance.get(page_url).content.decode()
    assert str(personas["finance"]) in html  # listed as copied
    assert reverse("inbox:request-copy", args=[req.pk]) not in html  # may not copy others
    assert reverse("inbox:request-comment", args=[req.pk]) in html  # may comment
    assert finance.get(file_url).status_code == 200
    # the task page opens read-only: no decision buttons for a copied person
    task_html = finance.get(reverse("inbox:task", args=[open_item(req).pk])).content.decode()
    assert "/approve/" not in task_html and "/reject/" not in task_html


def test_the_copied_to_me_list_marks_unread_until_opened(login, submit, personas):
    req = submit()
    copies.request_copy(request_id=req.pk, actor=personas["east_rep1"],
                        people=[personas["finance"]])
    client = login("finance")
    html = client.get(reverse("inbox:copied")).content.decode()
    assert req.title in html and 'class="card unread"' in html
    row = CarbonCopy.objects.get(person=personas["finance"])

    opened = client.post(reverse("inbox:copied-read"), {"id": row.pk})

    assert opened.status_code == 302 and opened["Location"] == reverse("inbox:request",
                                                                       args=[req.pk])
    assert 'class="card unread"' not in client.get(reverse("inbox:copied")).content.decode()
    assert client.get(reverse("inbox:copied-read")).status_code == 405  # no change on GET


def test_copy_refused_keeps_the_typed_note(login, submit, personas):
    req = submit()
    copies.request_copy(request_id=req.pk, actor=personas["east_rep1"],
                        people=[personas["finance"]])
    response = login("east_rep1").post(reverse("inbox:request-copy", args=[req.pk]), {
        "copy-people": [], "copy-comment": "我写的备注"})
    assert response.status_code == 400
    assert "我写的备注" in response.content.decode()
    stranger = login("south_rep1").post(reverse("inbox:request-copy", args=[req.pk]),
                                        {"copy-people": [personas["legal"].pk]})
    assert stranger.status_code == 404


def test_the_holder_copies_from_the_task_page(login, submit, personas):
    req = submit()
    item = open_item(req)
    client = login("east_mgr")
    html = client.get(reverse("inbox:task", args=[item.pk])).content.decode()
    assert reverse("inbox:request-copy", args=[req.pk]) in html
    response = client.post(reverse("inbox:request-copy", args=[req.pk]),
                           {"copy-people": [personas["legal"].pk], "task": item.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("inbox:task", args=[item.pk])
    assert CarbonCopy.objects.filter(request=req, person=personas["legal"]).exists()
    assert AuditEvent.objects.filter(event="demo.copied").count() == 1


def test_a_blind_mention_on_the_request_page_is_refused_naming_them_and_keeps_the_text(
    login, submit, personas
):
    req = submit()
    response = login("east_rep1").post(reverse("inbox:request-comment", args=[req.pk]), {
        "comment-comment": "@finance 请看付款条件"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "@finance" in html and str(personas["finance"]) in html
    assert "请看付款条件" in html
    assert not AuditEvent.objects.filter(event="demo.commented").exists()

    ok = login("east_rep1").post(reverse("inbox:request-comment", args=[req.pk]), {
        "comment-comment": "@east_mgr 请尽快"})
    assert ok.status_code == 302
    assert AuditEvent.objects.filter(event="demo.commented").count() == 1
