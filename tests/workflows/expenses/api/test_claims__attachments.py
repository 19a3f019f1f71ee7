from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from core.audit.models import AuditEvent
from core.inbox.models import Attachment
from workflows.expenses.services import claim_submit

from .conftest import claim_url, request_of

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"


def _upload(client, claim_id, name, content, content_type="application/octet-stream", **extra):
    return client.post(claim_url(claim_id, "attachments"),
                       {"file": SimpleUploadedFile(name, content, content_type=content_type)},
                       format="multipart", **extra)


def _download(client, claim_id, att_id):
    return client.get(claim_url(claim_id, f"attachments/{att_id}"))


def test_png_named_pdf_is_stored_and_served_as_pdf_when_content_is_pdf(api, make_claim):
    claim = make_claim("east_rep1")
    client = api("east_rep1")

    response = _upload(client, claim.pk, "发票.png", PDF, "image/png")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["name"] == "发票.png"
    assert body["content_type"] == "application/pdf"
    assert body["size"] == len(PDF)
    assert len(body["sha256"]) == 64
    assert body["uploaded_by"]["username"] == "east_rep1"
    assert body["url"].endswith(claim_url(claim.pk, f"attachments/{body['id']}"))
    att = Attachment.objects.get(pk=body["id"])
    assert att.request == request_of(claim)
    assert att.file.name.endswith(".pdf")
    assert AuditEvent.objects.filter(event="expense.attachment_added").count() == 1

    download = _download(client, claim.pk, body["id"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_attachments_are_listed_when_the_claim_is_visible(api, make_claim):
    claim = make_claim("east_rep1")
    client = api("east_rep1")
    first = _upload(client, claim.pk, "a.pdf", PDF).json()
    second = _upload(client, claim.pk, "b.pdf", PDF).json()

    response = client.get(claim_url(claim.pk, "attachments"))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [a["id"] for a in body["results"]] == [first["id"], second["id"]]
    assert set(body["results"][0]) == {"id", "name", "size", "content_type", "sha256",
                                       "uploaded_by", "created", "url"}


def test_415_when_a_text_file_is_named_pdf(api, make_claim):
    claim = make_claim("east_rep1")

    response = _upload(api("east_rep1"), claim.pk, "invoice.pdf", b"just some text\n" * 10,
                       "application/pdf")

    assert response.status_code == 415
    assert response.json()["code"] == "upload_type_refused"
    assert "file" in response.json()["fields"]
    assert not Attachment.objects.exists()


def test_413_when_the_file_is_larger_than_10_mb(api, make_claim):
    claim = make_claim("east_rep1")
    big = PDF + b"0" * (11 * 1024 * 1024)

    response = _upload(api("east_rep1"), claim.pk, "big.pdf", big, "application/pdf")

    assert response.status_code == 413
    assert response.json()["code"] == "upload_too_large"
    assert not Attachment.objects.exists()


def test_path_in_the_name_is_dropped_when_uploading_dot_dot_x_pdf(api, make_claim):
    claim = make_claim("east_rep1")

    response = _upload(api("east_rep1"), claim.pk, "../x.pdf", PDF)

    assert response.status_code == 201
    att = Attachment.objects.get(pk=response.json()["id"])
    assert att.original_name == "x.pdf"
    stored = Path(att.file.path).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media in stored.parents
    assert ".." not in att.file.name and "x.pdf" not in att.file.name
    download = _download(api("east_rep1"), claim.pk, att.pk)
    assert 'filename="x.pdf"' in download["Content-Disposition"]


def test_400_when_no_file_is_sent(api, make_claim):
    claim = make_claim("east_rep1")

    response = api("east_rep1").post(claim_url(claim.pk, "attachments"), {}, format="multipart")

    assert response.status_code == 400
    assert "file" in response.json()["fields"]


def test_404_for_list_upload_and_download_when_the_claim_is_not_visible(api, make_claim):
    claim = make_claim("east_rep1")
    att_id = _upload(api("east_rep1"), claim.pk, "a.pdf", PDF).json()["id"]
    other = api("east_rep2")

    assert _download(other, claim.pk, att_id).status_code == 404
    assert other.get(claim_url(claim.pk, "attachments")).status_code == 404
    assert _upload(other, claim.pk, "b.pdf", PDF).status_code == 404
    # an attachment of another claim is not reachable through a visible claim
    mine = make_claim("east_rep2")
    assert _download(other, mine.pk, att_id).status_code == 404
    assert Attachment.objects.count() == 1


def test_people_in_the_approval_and_finance_download_when_the_claim_is_submitted(
    api, make_claim, make_budget, personas
):
    make_budget()
    claim = make_claim("east_rep1")
    att_id = _upload(api("east_rep1"), claim.pk, "a.pdf", PDF).json()["id"]
    assert _download(api("east_mgr"), claim.pk, att_id).status_code == 404  # still a draft

    claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    for username in ("east_mgr", "finance", "auditor"):
        assert _download(api(username), claim.pk, att_id).status_code == 200, username
    assert _download(api("south_rep1"), claim.pk, att_id).status_code == 404


def test_download_is_served_whatever_the_client_accepts(api, make_claim):
    claim = make_claim("east_rep1")
    att_id = _upload(api("east_rep1"), claim.pk, "a.pdf", PDF).json()["id"]

    response = api("east_rep1").get(claim_url(claim.pk, f"attachments/{att_id}"),
                                    HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200


def test_403_when_the_auditor_uploads(api, make_claim):
    claim = make_claim("east_rep1")

    response = _upload(api("auditor"), claim.pk, "a.pdf", PDF)

    assert response.status_code == 403
    assert response.json()["code"] == "read_only_role"
    assert not Attachment.objects.exists()


def test_404_not_500_when_the_stored_file_is_gone(api, make_claim):
    claim = make_claim("east_rep1")
    att_id = _upload(api("east_rep1"), claim.pk, "a.pdf", PDF).json()["id"]
    Path(Attachment.objects.get(pk=att_id).file.path).unlink()

    assert _download(api("east_rep1"), claim.pk, att_id).status_code == 404


def test_only_submitter_and_step_holder_upload_when_others_can_read_the_claim(
        api, make_claim, make_budget, personas):
    """Issue 17 hole 3: reading a request (finance reads every claim) is not enough to add
    files to it, nor to fill its quota."""
    make_budget()
    claim = make_claim("east_rep1")
    assert _upload(api("finance"), claim.pk, "x.pdf", PDF).status_code == 403  # a draft
    claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    refused = _upload(api("finance"), claim.pk, "x.pdf", PDF)

    assert refused.status_code == 403, refused.content
    assert "file" in refused.json()["fields"]
    assert _upload(api("east_mgr"), claim.pk, "核对.pdf", PDF).status_code == 201  # holds it
    assert _upload(api("east_rep1"), claim.pk, "补充.pdf", PDF).status_code == 201
    assert Attachment.objects.count() == 2
    assert AuditEvent.objects.filter(event="expense.attachment_added").count() == 2


def test_submitter_removes_own_file_from_a_draft_and_the_quota_counts_what_is_left(
        api, make_claim, make_budget, personas, django_capture_on_commit_callbacks):
    from core.inbox.attachments import MAX_PER_REQUEST

    client = api("east_rep1")
    claim = make_claim("east_rep1")
    ids = [_upload(client, claim.pk, f"{i}.pdf", PDF).json()["id"]
           for i in range(MAX_PER_REQUEST)]
    assert _upload(client, claim.pk, "full.pdf", PDF).status_code == 400
    stored = Path(settings.MEDIA_ROOT) / Attachment.objects.get(pk=ids[0]).file.name
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        removed = client.delete(claim_url(claim.pk, f"attachments/{ids[0]}"))

    assert removed.status_code == 204
    assert not Attachment.objects.filter(pk=ids[0]).exists()
    assert not stored.exists()
    event = AuditEvent.objects.get(event="expense.attachment_removed")
    assert event.actor == personas["east_rep1"] and event.data["name"] == "0.pdf"
    assert _upload(client, claim.pk, "again.pdf", PDF).status_code == 201
    # Not someone else's, and not once the claim is in review.
    assert api("east_rep2").delete(
        claim_url(claim.pk, f"attachments/{ids[1]}")).status_code == 404
    make_budget()
    claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    in_review = client.delete(claim_url(claim.pk, f"attachments/{ids[1]}"))
    assert in_review.status_code == 409
    assert api("east_mgr").delete(
        claim_url(claim.pk, f"attachments/{ids[1]}")).status_code == 403
    assert Attachment.objects.filter(pk=ids[1]).exists()
