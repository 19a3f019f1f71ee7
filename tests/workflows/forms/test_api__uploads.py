"""Files for a template's attachment field through the API: uploaded (multipart) to the
submitter's draft with the upload rules of every process (type by content, size, generated
storage names), linked to the field by id, and never someone else's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from core import engine
from core.audit.models import AuditEvent
from core.org.models import User
from workflows.forms.models import Submission, SubmissionState

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def api(personas, who):
    c = APIClient()
    c.force_authenticate(User.objects.get(pk=personas[who].pk))
    return c


def draft(c, region_id):
    r = c.post("/api/forms/submissions/", {"template": "research", "draft": True, "values": {
        "topic": "竞品调研", "region": region_id, "findings": "降价8%"}}, format="json")
    assert r.status_code == 201, r.content
    return r.json()["id"]


def upload(c, pk, content=PDF, name="report.pdf", field="files"):
    return c.post(f"/api/forms/submissions/{pk}/files/",
                  {"field": field, "file": SimpleUploadedFile(name, content)},
                  format="multipart")


@pytest.fixture
def east(personas):
    return personas["east_rep1"].region_id


def test_an_upload_is_stored_linked_to_the_field_and_sent_with_the_draft(shipped, personas,
                                                                         east):
    c = api(personas, "east_rep1")
    pk = draft(c, east)
    r = upload(c, pk)
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["name"] == "report.pdf" and body["content_type"] == "application/pdf"
    assert body["values"]["files"] == [{"id": body["id"], "name": "report.pdf"}]
    att = engine.Attachment.objects.get(pk=body["id"])
    assert att.request_id == engine.request_for("form", pk).pk
    assert att.file.name.endswith(f"{att.token}.pdf") and "report" not in att.file.name
    assert AuditEvent.objects.filter(event="form.attachment_added", subject_id=pk).exists()
    sent = c.post(f"/api/forms/submissions/{pk}/send/", {}, format="json")
    assert sent.status_code == 200, sent.content
    assert sent.json()["state"] == SubmissionState.SUBMITTED
    assert sent.json()["values"]["files"] == [{"id": att.pk, "name": "report.pdf"}]
    # and once sent, no more files through this door
    assert upload(c, pk).status_code == 409


def test_a_file_that_is_not_pdf_jpeg_or_png_is_a_400_by_the_file(shipped, personas, east):
    c = api(personas, "east_rep1")
    pk = draft(c, east)
    r = upload(c, pk, content=b"<html><script>alert(1)</script></html>", name="x.pdf")
    assert r.status_code == 400
    assert list(r.json()["fields"]) == ["file"]
    assert not engine.Attachment.objects.exists()
    assert Submission.objects.get(pk=pk).values["files"] == []


def test_a_file_over_10_mb_is_a_400_by_the_file(shipped, personas, east):
    c = api(personas, "east_rep1")
    pk = draft(c, east)
    r = upload(c, pk, content=PDF + b"0" * (10 * 1024 * 1024))
    assert r.status_code == 400
    assert list(r.json()["fields"]) == ["file"]
    assert not engine.Attachment.objects.exists()


def test_the_field_must_be_an_attachment_field_and_a_file_is_required(shipped, personas, east):
    c = api(personas, "east_rep1")
    pk = draft(c, east)
    assert upload(c, pk, field="topic").json()["fields"] == {
        "field": ["Choose an attachment field of the form."]}
    r = c.post(f"/api/forms/submissions/{pk}/files/", {"field": "files"}, format="multipart")
    assert r.status_code == 400 and "file" in r.json()["fields"]


def test_someone_elses_upload_is_refused(shipped, personas, east):
    mine, theirs = api(personas, "east_rep1"), api(personas, "east_rep2")
    my_draft = draft(mine, east)
    att_id = upload(mine, my_draft).json()["id"]
    # another's draft cannot be uploaded to (not theirs to see: 404)
    assert upload(api(personas, "north_rep1"), my_draft).status_code == 404
    # nor can another submitter name my upload in their request
    their_draft = draft(theirs, east)
    r = theirs.post(f"/api/forms/submissions/{their_draft}/send/", {"values": {
        "topic": "竞品调研", "region": east, "findings": "降价8%",
        "files": [{"id": att_id}]}}, format="json")
    assert r.status_code == 400
    assert r.json()["fields"] == {"files": ["Name only files you uploaded to this request."]}
    r = theirs.post("/api/forms/submissions/", {"template": "research", "values": {
        "topic": "竞品调研", "region": east, "findings": "降价8%",
        "files": [{"id": att_id}]}}, format="json")
    assert r.status_code == 400 and "files" in r.json()["fields"]
    assert Submission.objects.get(pk=their_draft).state == SubmissionState.DRAFT


def test_the_json_schema_takes_names_or_upload_ids(shipped, personas):
    rows = api(personas, "east_rep1").get("/api/forms/templates/").json()
    research = next(r for r in rows if r["code"] == "research")
    items = research["versions"][0]["json_schema"]["properties"]["files"]["items"]
    assert {"type": "string", "description": "a file's name"} in items["oneOf"]
    assert any(o.get("properties", {}).get("id") for o in items["oneOf"])
