"""The evidence pack of one request: a signed PDF approval sheet (审批单) and a ZIP with the PDF,
the attachments, the chain as JSON and its inclusion proof (docs/audit.md).

The sheet lists the request, every step (who decided, acting for whom, when, comment), the
attachments with their SHA-256, the audit events with their hashes, the latest checkpoint
covering the request with the inclusion proof, and a QR code of the chain head. The PDF is
signed (PAdES, pyhanko) with the administrator's key and certificate
(EVIDENCE_SIGNING_KEY_FILE / EVIDENCE_SIGNING_CERT_FILE); without them, with a self-signed
demo certificate made once under var/ and named as such on the sheet.
"""

import datetime
import io
import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.audit import checkpoints
from core.audit import selectors as audit_selectors

from .models import Request

FONT = "STSong-Light"  # reportlab's built-in CID font: Chinese without embedding a file


def _demo_pair() -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder = Path(settings.BASE_DIR) / "var" / "evidence-demo"
    key_path, cert_path = folder / "demo-key.pem", folder / "demo-cert.pem"
    if key_path.exists() and cert_path.exists():
        return key_path, cert_path
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Countersign demo (self-signed)"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Countersign demo")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    key_path.touch(mode=0o600)
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def signing_pair() -> tuple[Path, Path, bool]:
    """(key file, certificate file, is the demo pair)."""
    key = getattr(settings, "EVIDENCE_SIGNING_KEY_FILE", "")
    cert = getattr(settings, "EVIDENCE_SIGNING_CERT_FILE", "")
    if key and cert:
        return Path(key), Path(cert), False
    return (*_demo_pair(), True)


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def gather(req: Request) -> dict:
    kind, sid = req.kind, str(req.object_id)
    events = list(audit_selectors.timeline(kind, sid))
    return {"req": req, "events": events, "attachments": list(req.attachments.all()),
            "export": checkpoints.export_chain(kind, sid)}


def _sheet(data: dict, demo: bool) -> bytes:
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=body, fontSize=7, leading=9)
    head = ParagraphStyle("head", parent=body, fontSize=16, leading=20)
    h2 = ParagraphStyle("h2", parent=body, fontSize=11, leading=15, spaceBefore=8)
    req, events, export = data["req"], data["events"], data["export"]

    def p(text, style=body):
        return Paragraph(str(text).replace("&", "&amp;").replace("<", "&lt;"), style)

    def table(rows, widths):
        t = Table(rows, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    title = _("Approval sheet")
    story = [p(f"{title}  {req.number}", head), Spacer(1, 4)]
    fields = [
        (_("Number"), req.number), (_("Title"), req.title), (_("Process"), req.kind),
        (_("Amount"), f"{req.amount} {req.currency}" if req.amount is not None else "—"),
        (_("Category"), req.category or "—"),
        (_("Submitter"), str(req.submitter)), (_("Status"), req.get_status_display()),
        (_("Submitted"), _when(req.submitted_at) or "—"),
        (_("Printed"), _when(timezone.now())),
    ]
    story.append(table([[p(k), p(v)] for k, v in fields], [40 * mm, 130 * mm]))
    story.append(p(_("Steps"), h2))
    rows = [[p(_("When")), p(_("Event")), p(_("Decided by")), p(_("Acting for")),
             p(_("Comment"))]]
    for e in events:
        rows.append([p(_when(e.occurred_at), small), p(e.event, small), p(e.actor_name, small),
                     p(e.on_behalf_of_name or "", small), p(e.comment, small)])
    story.append(table(rows, [28 * mm, 32 * mm, 28 * mm, 25 * mm, 57 * mm]))
    story.append(p(_("Attachments"), h2))
    attachments = data["attachments"]
    if attachments:
        story.append(table([[p(_("File")), p(_("Size")), p("SHA-256")]] + [
            [p(a.original_name, small), p(a.size, small), p(a.sha256, small)]
            for a in attachments], [50 * mm, 18 * mm, 102 * mm]))
    else:
        story.append(p(_("None.")))
    story.append(p(_("Audit events and their hashes"), h2))
    rows = [[p("#"), p(_("Position")), p(_("Event")), p(_("Hash (SHA-256)"))]]
    for e in events:
        rows.append([p(e.seq, small), p(e.subject_seq, small), p(e.event, small),
                     p(e.hash, small)])
    story.append(table(rows, [18 * mm, 16 * mm, 36 * mm, 100 * mm]))
    story.append(p(_("Checkpoint and inclusion proof"), h2))
    proof = export.get("proof")
    if proof:
        cp = proof["checkpoint"]
        story.append(p(_("Signed checkpoint of %(when)s over %(chains)s chains: root %(root)s, "
                         "key %(key)s. This request's chain head at position %(pos)s: "
                         "%(head)s; leaf %(index)s of %(size)s; path:")
                       % {"when": cp["created_at"], "chains": cp["subjects"], "root": cp["root"],
                          "key": cp["key_id"], "pos": proof["position"],
                          "head": proof["head_hash"], "index": proof["index"],
                          "size": proof["size"]}, small))
        for sibling in proof["path"]:
            story.append(p(sibling, small))
    else:
        story.append(p(_("No checkpoint covers this request yet.")))
    head_pos = events[-1].subject_seq if events else 0
    head_hash = events[-1].hash if events else ""
    qr_value = f"countersign:{req.kind}:{req.object_id}@{head_pos}:{head_hash}"
    widget = QrCodeWidget(qr_value)
    x1, y1, x2, y2 = widget.getBounds()
    size = 32 * mm
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    story += [p(_("Chain head"), h2), drawing, p(qr_value, small)]
    if demo:
        story.append(p(_("Signed with a self-signed demo certificate: configure the "
                         "organisation's key and certificate for real use."), small))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=f"{req.number} {req.title}",
                      author="Countersign", leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=18 * mm, bottomMargin=18 * mm).build(story)
    return buffer.getvalue()


def _sign(pdf: bytes, key: Path, cert: Path) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = signers.SimpleSigner.load(str(key), str(cert))
    if signer is None:
        raise RuntimeError("cannot load the evidence signing key or certificate")
    meta = signers.PdfSignatureMetadata(field_name="Countersign",
                                        subfilter=fields.SigSeedSubFilter.PADES)
    out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=signer)
    return out.getvalue()


def pdf(req: Request, *, language: str) -> bytes:
    key, cert, demo = signing_pair()
    with translation.override(language):
        return _sign(_sheet(gather(req), demo), key, cert)


def zip_pack(req: Request, *, language: str) -> bytes:
    data = gather(req)
    key, cert, demo = signing_pair()
    with translation.override(language):
        sheet = _sign(_sheet(data, demo), key, cert)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{req.number or req.pk}.pdf", sheet)
        z.writestr("chain.json", json.dumps(data["export"], indent=1, ensure_ascii=False))
        if data["export"].get("proof"):
            z.writestr("proof.json", json.dumps(data["export"]["proof"], indent=1))
        for a in data["attachments"]:
            with a.file.open("rb") as f:
                z.writestr(f"attachments/{a.token}-{Path(a.original_name).name}", f.read())
        z.writestr("README.txt", "Verify offline: python -m countersign_verify chain chain.json "
                   "--public-key <the audit public key>\n")
    return buffer.getvalue()
