from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.check import Check


T = TypeVar("T", bound="Receipt")


@_attrs_define
class Receipt:
    """
    Attributes:
        id (int):
        line (int):
        kind (str): invoice, folio, ticket, guest_list, other
        status (str): submitted, rejected
        reject_reason (str):
        attachment (int): The file: …/attachments/<id>/.
        name (str):
        content_type (str):
        sha256 (str):
        invoice_type (str): digital, vat_special, vat_ordinary, other or empty
        invoice_code (str):
        invoice_number (str):
        invoice_date (datetime.date | None):
        invoice_amount (None | str):
        seller_name (str):
        seller_code (str):
        buyer_name (str):
        buyer_code (str):
        duplicate_of (None | str): For finance, auditors and administrators: the number of another claim that held this
            file or invoice when it was added; null otherwise.
        checks (list[Check]): For finance, auditors and administrators: the checks on this receipt.
    """

    id: int
    line: int
    kind: str
    status: str
    reject_reason: str
    attachment: int
    name: str
    content_type: str
    sha256: str
    invoice_type: str
    invoice_code: str
    invoice_number: str
    invoice_date: datetime.date | None
    invoice_amount: None | str
    seller_name: str
    seller_code: str
    buyer_name: str
    buyer_code: str
    duplicate_of: None | str
    checks: list[Check]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        line = self.line

        kind = self.kind

        status = self.status

        reject_reason = self.reject_reason

        attachment = self.attachment

        name = self.name

        content_type = self.content_type

        sha256 = self.sha256

        invoice_type = self.invoice_type

        invoice_code = self.invoice_code

        invoice_number = self.invoice_number

        invoice_date: None | str
        if isinstance(self.invoice_date, datetime.date):
            invoice_date = self.invoice_date.isoformat()
        else:
            invoice_date = self.invoice_date

        invoice_amount: None | str
        invoice_amount = self.invoice_amount

        seller_name = self.seller_name

        seller_code = self.seller_code

        buyer_name = self.buyer_name

        buyer_code = self.buyer_code

        duplicate_of: None | str
        duplicate_of = self.duplicate_of

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "line": line,
                "kind": kind,
                "status": status,
                "reject_reason": reject_reason,
                "attachment": attachment,
                "name": name,
                "content_type": content_type,
                "sha256": sha256,
                "invoice_type": invoice_type,
                "invoice_code": invoice_code,
                "invoice_number": invoice_number,
                "invoice_date": invoice_date,
                "invoice_amount": invoice_amount,
                "seller_name": seller_name,
                "seller_code": seller_code,
                "buyer_name": buyer_name,
                "buyer_code": buyer_code,
                "duplicate_of": duplicate_of,
                "checks": checks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check import Check  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        line = d.pop("line")

        kind = d.pop("kind")

        status = d.pop("status")

        reject_reason = d.pop("reject_reason")

        attachment = d.pop("attachment")

        name = d.pop("name")

        content_type = d.pop("content_type")

        sha256 = d.pop("sha256")

        invoice_type = d.pop("invoice_type")

        invoice_code = d.pop("invoice_code")

        invoice_number = d.pop("invoice_number")

        def _parse_invoice_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_date_type_0 = datetime.date.fromisoformat(data)

                return invoice_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        invoice_date = _parse_invoice_date(d.pop("invoice_date"))

        def _parse_invoice_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invoice_amount = _parse_invoice_amount(d.pop("invoice_amount"))

        seller_name = d.pop("seller_name")

        seller_code = d.pop("seller_code")

        buyer_name = d.pop("buyer_name")

        buyer_code = d.pop("buyer_code")

        def _parse_duplicate_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        duplicate_of = _parse_duplicate_of(d.pop("duplicate_of"))

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = Check.from_dict(checks_item_data)

            checks.append(checks_item)

        receipt = cls(
            id=id,
            line=line,
            kind=kind,
            status=status,
            reject_reason=reject_reason,
            attachment=attachment,
            name=name,
            content_type=content_type,
            sha256=sha256,
            invoice_type=invoice_type,
            invoice_code=invoice_code,
            invoice_number=invoice_number,
            invoice_date=invoice_date,
            invoice_amount=invoice_amount,
            seller_name=seller_name,
            seller_code=seller_code,
            buyer_name=buyer_name,
            buyer_code=buyer_code,
            duplicate_of=duplicate_of,
            checks=checks,
        )

        receipt.additional_properties = d
        return receipt

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
