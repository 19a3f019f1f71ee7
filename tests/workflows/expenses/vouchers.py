"""Receipts for the voucher tests (not collected): files unique by content, valid invoice data,
and the default voucher requirements (hotel: invoice and folio; transport: ticket or invoice;
entertainment: invoice and guest list)."""

import itertools
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from workflows.expenses.models import ItemType, VoucherRequirement
from workflows.expenses.services.vouchers import InvoiceData

COMPANY = "示例销售有限公司"
COMPANY_CODE = "91310115MA1K4C30XK"
SELLER_CODE = "91440300MA5FAB2C1Y"
_counter = itertools.count(1)

REQUIREMENTS = [
    (ItemType.HOTEL, ["invoice"]),
    (ItemType.HOTEL, ["folio"]),
    (ItemType.TRANSPORT, ["ticket", "invoice"]),
    (ItemType.ENTERTAINMENT, ["invoice"]),
    (ItemType.ENTERTAINMENT, ["guest_list"]),
]


def require_defaults() -> None:
    for item, kinds in REQUIREMENTS:
        VoucherRequirement.objects.create(item_type=item, kinds=kinds)


def pdf(name: str = "发票.pdf", body: bytes | None = None) -> SimpleUploadedFile:
    """A small PDF; each call's content differs (so its SHA-256 too) unless `body` is given."""
    body = body if body is not None else f"receipt {next(_counter)}".encode()
    return SimpleUploadedFile(name, b"%PDF-1.4\n% " + body + b"\n%%EOF\n", "application/pdf")


def digital(number: str | None = None, amount: str = "860.00",
            when: date = date(2026, 3, 10), **over) -> InvoiceData:
    number = number or f"{26310000000000000000 + next(_counter)}"
    fields = {"invoice_type": "digital", "invoice_number": number, "invoice_date": when,
              "invoice_amount": Decimal(amount), "seller_name": "上海某某酒店有限公司",
              "seller_code": SELLER_CODE, "buyer_name": COMPANY, "buyer_code": COMPANY_CODE}
    fields.update(over)
    return InvoiceData(**fields)
