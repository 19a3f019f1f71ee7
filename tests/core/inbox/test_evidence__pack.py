import base64
import io
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from core.audit import checkpoints
from core.inbox import evidence, services
from countersign_verify.chain import verify_events, verify_proof

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keys(settings, tmp_path):
    settings.BASE_DIR = tmp_path  # the demo certificate is made under BASE_DIR/var
    private = Ed25519PrivateKey.generate()
    settings.AUDIT_SIGNING_KEY = base64.b64encode(private.private_bytes_raw()).decode()
    settings.AUDIT_CHECKPOINT_DIR = ""
    return private.public_key()


@pytest.fixture
def decided(submit, personas):
    req = submit("east_rep1", "800.00")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"],
                          comment="同意 / agreed")
    checkpoints.create_checkpoint()
    return req


def _validate(data: bytes):
    _key, cert_path, demo = evidence.signing_pair()
    assert demo
    cert = load_cert_from_pemder(str(cert_path))
    sig = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    return validate_pdf_signature(sig, ValidationContext(trust_roots=[cert]))


def test_signed_sheet_validates_and_fails_after_one_byte_changed(decided):
    data = evidence.pdf(decided, language="zh-hans")
    status = _validate(data)
    # before: the digest matches (intact), the signature verifies with the certificate
    # (valid), the certificate is the trusted one, and the signature covers the whole file
    assert (status.intact, status.valid, status.trusted, status.bottom_line) == (
        True, True, True, True)
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.modification_level == ModificationLevel.NONE
    # one byte inside the first content stream, covered by the signature (the /ByteRange)
    at = data.index(b"stream", data.index(b"/Length")) + 40
    sig = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    start1, len1, start2, _len2 = sig.sig_object["/ByteRange"]
    assert start1 <= at < start1 + len1 and at < start2
    altered = data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]
    assert len(altered) == len(data) and altered != data
    after = _validate(altered)  # the file still parses: the validator gives a verdict
    # intact: the digest of the signed byte ranges no longer matches the one signed. valid is
    # pyhanko's "the CMS signature over its signed attributes verifies", which a changed page
    # does not touch; trust is not even evaluated for a document that is not intact, so the
    # verdict (bottom_line = intact and valid and trusted) is False, summarised as INVALID
    assert (after.intact, after.valid, after.trusted, after.bottom_line) == (
        False, True, False, False)
    assert status.summary() == "INTACT:TRUSTED,UNTOUCHED" and after.summary() == "INVALID"
    # the same certificate signed it: only the document is rejected
    assert after.signing_cert.sha256 == status.signing_cert.sha256


def test_submitter_downloads_own_pdf_and_others_get_404(client, personas, decided):
    client.force_login(personas["east_rep1"])
    response = client.get(f"/requests/{decided.pk}/evidence.pdf", {"lang": "en"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.force_login(personas["east_mgr"])  # sees the request (approver), not the pack
    assert client.get(f"/requests/{decided.pk}/evidence.pdf").status_code == 404


def test_auditor_gets_zip_whose_chain_verifies_offline(client, personas, decided, keys):
    client.force_login(personas["auditor"])
    page = client.get(f"/requests/{decided.pk}/")
    assert f"/requests/{decided.pk}/evidence.zip".encode() in page.content
    response = client.get(f"/requests/{decided.pk}/evidence.zip")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as z:
        names = z.namelist()
        chain = json.loads(z.read("chain.json"))
    assert any(n.endswith(".pdf") for n in names) and "proof.json" in names
    assert verify_events(chain) == chain["events"][-1]["hash"]
    assert verify_proof(chain, keys)["root"] == checkpoints.as_file(
        checkpoints.Checkpoint.objects.latest())["root"]
