"""Small receipt files for the demo (no imaging library): a PNG drawn pixel by pixel and a
one-page PDF, each different by its seed so that their SHA-256 differ."""

import random
import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def receipt_png(seed: int, width: int = 180, height: int = 240) -> bytes:
    """A paper slip: a header band, lines of "text" of varying length, a red seal."""
    rnd = random.Random(seed)  # noqa: S311  # nosec B311: a demo picture, not a secret
    rows = []
    lines = {y: rnd.randint(60, width - 20) for y in range(40, height - 50, 14)}
    cx, cy, r = width - 45, height - 45, 22
    for y in range(height):
        row = bytearray(b"\x00")  # filter: none
        for x in range(width):
            px = (255, 255, 252)
            if y < 26:
                px = (30, 64, 140)
            elif any(ly <= y < ly + 5 and 14 <= x < end for ly, end in lines.items()):
                px = (70, 70, 70)
            if r - 3 <= ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 <= r:
                px = (200, 30, 30)
            row += bytes(px)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", raw)
            + _chunk(b"IEND", b""))


def receipt_pdf(title: str) -> bytes:
    """One A6 page with a line of ASCII text (the invoice number)."""
    text = "".join(c for c in title if 32 <= ord(c) < 127).replace("(", "").replace(")", "")
    stream = f"BT /F1 12 Tf 20 360 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)
