from __future__ import annotations

import datetime
from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.blank_enum import BlankEnum
from ..models.invoice_type_enum import InvoiceTypeEnum
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="ReceiptUploadRequest")


@_attrs_define
class ReceiptUploadRequest:
    """
    Attributes:
        file (File): A PDF, JPEG or PNG (by content), at most 10 MB.
        line (int): The id of the claim's line.
        kind (str): invoice, folio, ticket, guest_list, other
        invoice_type (BlankEnum | InvoiceTypeEnum | Unset):  Default: BlankEnum.VALUE_0.
        invoice_code (str | Unset):  Default: ''.
        invoice_number (str | Unset):  Default: ''.
        invoice_date (datetime.date | None | Unset):
        invoice_amount (None | str | Unset):
        seller_name (str | Unset):  Default: ''.
        seller_code (str | Unset):  Default: ''.
        buyer_name (str | Unset):  Default: ''.
        buyer_code (str | Unset):  Default: ''.
    """

    file: File
    line: int
    kind: str
    invoice_type: BlankEnum | InvoiceTypeEnum | Unset = BlankEnum.VALUE_0
    invoice_code: str | Unset = ""
    invoice_number: str | Unset = ""
    invoice_date: datetime.date | None | Unset = UNSET
    invoice_amount: None | str | Unset = UNSET
    seller_name: str | Unset = ""
    seller_code: str | Unset = ""
    buyer_name: str | Unset = ""
    buyer_code: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        line = self.line

        kind = self.kind

        invoice_type: str | Unset
        if isinstance(self.invoice_type, Unset):
            invoice_type = UNSET
        elif isinstance(self.invoice_type, InvoiceTypeEnum):
            invoice_type = self.invoice_type.value
        else:
            invoice_type = self.invoice_type.value

        invoice_code = self.invoice_code

        invoice_number = self.invoice_number

        invoice_date: None | str | Unset
        if isinstance(self.invoice_date, Unset):
            invoice_date = UNSET
        elif isinstance(self.invoice_date, datetime.date):
            invoice_date = self.invoice_date.isoformat()
        else:
            invoice_date = self.invoice_date

        invoice_amount: None | str | Unset
        if isinstance(self.invoice_amount, Unset):
            invoice_amount = UNSET
        else:
            invoice_amount = self.invoice_amount

        seller_name = self.seller_name

        seller_code = self.seller_code

        buyer_name = self.buyer_name

        buyer_code = self.buyer_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "line": line,
                "kind": kind,
            }
        )
        if invoice_type is not UNSET:
            field_dict["invoice_type"] = invoice_type
        if invoice_code is not UNSET:
            field_dict["invoice_code"] = invoice_code
        if invoice_number is not UNSET:
            field_dict["invoice_number"] = invoice_number
        if invoice_date is not UNSET:
            field_dict["invoice_date"] = invoice_date
        if invoice_amount is not UNSET:
            field_dict["invoice_amount"] = invoice_amount
        if seller_name is not UNSET:
            field_dict["seller_name"] = seller_name
        if seller_code is not UNSET:
            field_dict["seller_code"] = seller_code
        if buyer_name is not UNSET:
            field_dict["buyer_name"] = buyer_name
        if buyer_code is not UNSET:
            field_dict["buyer_code"] = buyer_code

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("line", (None, str(self.line).encode(), "text/plain")))

        files.append(("kind", (None, str(self.kind).encode(), "text/plain")))

        if not isinstance(self.invoice_type, Unset):
            if isinstance(self.invoice_type, InvoiceTypeEnum):
                files.append(("invoice_type", (None, str(self.invoice_type.value).encode(), "text/plain")))
            else:
                files.append(("invoice_type", (None, str(self.invoice_type.value).encode(), "text/plain")))

        if not isinstance(self.invoice_code, Unset):
            files.append(("invoice_code", (None, str(self.invoice_code).encode(), "text/plain")))

        if not isinstance(self.invoice_number, Unset):
            files.append(("invoice_number", (None, str(self.invoice_number).encode(), "text/plain")))

        if not isinstance(self.invoice_date, Unset):
            if isinstance(self.invoice_date, datetime.date):
                files.append(("invoice_date", (None, self.invoice_date.isoformat().encode(), "text/plain")))
            else:
                files.append(("invoice_date", (None, str(self.invoice_date).encode(), "text/plain")))

        if not isinstance(self.invoice_amount, Unset):
            if isinstance(self.invoice_amount, str):
                files.append(("invoice_amount", (None, str(self.invoice_amount).encode(), "text/plain")))
            else:
                files.append(("invoice_amount", (None, str(self.invoice_amount).encode(), "text/plain")))

        if not isinstance(self.seller_name, Unset):
            files.append(("seller_name", (None, str(self.seller_name).encode(), "text/plain")))

        if not isinstance(self.seller_code, Unset):
            files.append(("seller_code", (None, str(self.seller_code).encode(), "text/plain")))

        if not isinstance(self.buyer_name, Unset):
            files.append(("buyer_name", (None, str(self.buyer_name).encode(), "text/plain")))

        if not isinstance(self.buyer_code, Unset):
            files.append(("buyer_code", (None, str(self.buyer_code).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        line = d.pop("line")

        kind = d.pop("kind")

        def _parse_invoice_type(data: object) -> BlankEnum | InvoiceTypeEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_type_type_0 = InvoiceTypeEnum(data)

                return invoice_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            invoice_type_type_1 = BlankEnum(data)

            return invoice_type_type_1

        invoice_type = _parse_invoice_type(d.pop("invoice_type", UNSET))

        invoice_code = d.pop("invoice_code", UNSET)

        invoice_number = d.pop("invoice_number", UNSET)

        def _parse_invoice_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_date_type_0 = datetime.date.fromisoformat(data)

                return invoice_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        invoice_date = _parse_invoice_date(d.pop("invoice_date", UNSET))

        def _parse_invoice_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_amount = _parse_invoice_amount(d.pop("invoice_amount", UNSET))

        seller_name = d.pop("seller_name", UNSET)

        seller_code = d.pop("seller_code", UNSET)

        buyer_name = d.pop("buyer_name", UNSET)

        buyer_code = d.pop("buyer_code", UNSET)

        receipt_upload_request = cls(
            file=file,
            line=line,
            kind=kind,
            invoice_type=invoice_type,
            invoice_code=invoice_code,
            invoice_number=invoice_number,
            invoice_date=invoice_date,
            invoice_amount=invoice_amount,
            seller_name=seller_name,
            seller_code=seller_code,
            buyer_name=buyer_name,
            buyer_code=buyer_code,
        )

        receipt_upload_request.additional_properties = d
        return receipt_upload_request

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
