import base64
import io
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
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
    assert status.intact and status.valid
    # one byte inside the first content stream, covered by the signature
    at = data.index(b"stream", data.index(b"/Length")) + 40
    altered = data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]
    try:
        assert not _validate(altered).intact
    except Exception as exc:  # noqa: BLE001 - a reader refusing the file is a failure too
        assert "intact" not in str(exc)


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
