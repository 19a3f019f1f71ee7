"""A contract's attachments: the receipt upload rules (type by content, 10 MB), listing and
download only for those who may see the contract."""

from django.core.files.uploadedfile import SimpleUploadedFile

from core.audit.models import AuditEvent
from core.inbox.models import Attachment

from ..conftest import request_of
from .conftest import contract_url

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _upload(client, contract_id, name, content, content_type="application/octet-stream"):
    return client.post(contract_url(contract_id, "attachments"),
                       {"file": SimpleUploadedFile(name, content, content_type=content_type)},
                       format="multipart")


def _download(client, contract_id, att_id):
    return client.get(contract_url(contract_id, f"attachments/{att_id}"))


def test_pdf_stored_and_served_as_a_download_when_the_owner_uploads(api, draft):
    contract = draft()
    client = api("east_rep1")

    response = _upload(client, contract.pk, "合同扫描件.png", PDF, "image/png")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["name"], body["content_type"], body["size"]) == (
        "合同扫描件.png", "application/pdf", len(PDF))
    assert body["uploaded_by"]["username"] == "east_rep1"
    assert body["url"].endswith(contract_url(contract.pk, f"attachments/{body['id']}"))
    assert Attachment.objects.get(pk=body["id"]).request == request_of(contract)
    assert AuditEvent.objects.filter(event="contract.attachment_added",
                                     subject_id=str(contract.pk)).count() == 1

    download = _download(client, contract.pk, body["id"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_attachments_listed_in_upload_order_when_the_contract_is_visible(api, submitted):
    contract = submitted()
    rep = api("east_rep1")
    first = _upload(rep, contract.pk, "a.pdf", PDF).json()
    second = _upload(rep, contract.pk, "b.png", PNG).json()

    body = api("legal").get(contract_url(contract.pk, "attachments")).json()

    assert body["count"] == 2
    assert [a["id"] for a in body["results"]] == [first["id"], second["id"]]
    assert body["results"][1]["content_type"] == "image/png"


def test_415_when_a_text_file_is_named_pdf(api, draft):
    contract = draft()

    response = _upload(api("east_rep1"), contract.pk, "contract.pdf", b"plain text\n" * 20,
                       "application/pdf")

    assert response.status_code == 415
    assert response.json()["code"] == "upload_type_refused"
    assert not Attachment.objects.exists()


def test_413_when_the_file_is_larger_than_10_mb(api, draft):
    contract = draft()

    response = _upload(api("east_rep1"), contract.pk, "big.pdf",
                       PDF + b"0" * (11 * 1024 * 1024), "application/pdf")

    assert response.status_code == 413
    assert response.json()["code"] == "upload_too_large"
    assert not Attachment.objects.exists()


def test_400_when_no_file_is_sent(api, draft):
    contract = draft()

    response = api("east_rep1").post(contract_url(contract.pk, "attachments"), {},
                                     format="multipart")

    assert response.status_code == 400
    assert "file" in response.json()["fields"]


def test_409_when_the_contract_is_already_signed(api, signed):
    contract = signed()

    response = _upload(api("east_rep1"), contract.pk, "a.pdf", PDF)

    assert response.status_code == 409
    assert not Attachment.objects.exists()


def test_404_for_list_upload_and_download_when_the_contract_is_not_visible(api, draft):
    contract = draft()
    att_id = _upload(api("east_rep1"), contract.pk, "a.pdf", PDF).json()["id"]
    other = api("south_rep1")

    assert _download(other, contract.pk, att_id).status_code == 404
    assert other.get(contract_url(contract.pk, "attachments")).status_code == 404
    assert _upload(other, contract.pk, "b.pdf", PDF).status_code == 404
    # an attachment is reachable only through its own contract
    mine = draft("east_rep2")
    assert _download(api("east_rep2"), mine.pk, att_id).status_code == 404
    assert _download(api("east_rep1"), contract.pk, 2**64).status_code == 404
    assert Attachment.objects.count() == 1


def test_reviewers_download_when_the_contract_is_in_review(api, submitted):
    contract = submitted()
    att_id = _upload(api("east_rep1"), contract.pk, "a.pdf", PDF).json()["id"]

    for username in ("east_mgr", "legal", "finance", "auditor"):
        assert _download(api(username), contract.pk, att_id).status_code == 200, username
    assert _download(api("east_rep2"), contract.pk, att_id).status_code == 404
