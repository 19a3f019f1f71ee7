from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LineVouchers")


@_attrs_define
class LineVouchers:
    """
    Attributes:
        line (int): The line's id.
        required (list[list[str]]): The vouchers the line's item needs; each entry lists alternatives (any one will do).
        missing (list[list[str]]): The entries of `required` no receipt of the line satisfies yet.
        invoiced (None | str): The total of the line's invoices; null without one.
    """

    line: int
    required: list[list[str]]
    missing: list[list[str]]
    invoiced: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        required = []
        for required_item_data in self.required:
            required_item = required_item_data

            required.append(required_item)

        missing = []
        for missing_item_data in self.missing:
            missing_item = missing_item_data

            missing.append(missing_item)

        invoiced: None | str
        invoiced = self.invoiced

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "required": required,
                "missing": missing,
                "invoiced": invoiced,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        required = []
        _required = d.pop("required")
        for required_item_data in _required:
            required_item = cast(list[str], required_item_data)

            required.append(required_item)

        missing = []
        _missing = d.pop("missing")
        for missing_item_data in _missing:
            missing_item = cast(list[str], missing_item_data)

            missing.append(missing_item)

        def _parse_invoiced(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invoiced = _parse_invoiced(d.pop("invoiced"))

        line_vouchers = cls(
            line=line,
            required=required,
            missing=missing,
            invoiced=invoiced,
        )

        line_vouchers.additional_properties = d
        return line_vouchers

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
