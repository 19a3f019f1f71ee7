from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SalesActualInputRequest")


@_attrs_define
class SalesActualInputRequest:
    """
    Attributes:
        salesperson (str):
        month (int):
        amount (float | str): An amount (CNY, two decimals); blank is zero. Example: 125000.00.
        note (str | Unset):  Default: ''.
    """

    salesperson: str
    month: int
    amount: float | str
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        salesperson = self.salesperson

        month = self.month

        amount: float | str
        amount = self.amount

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "salesperson": salesperson,
                "month": month,
                "amount": amount,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        salesperson = d.pop("salesperson")

        month = d.pop("month")

        def _parse_amount(data: object) -> float | str:
            return cast(float | str, data)

        amount = _parse_amount(d.pop("amount"))

        note = d.pop("note", UNSET)

        sales_actual_input_request = cls(
            salesperson=salesperson,
            month=month,
            amount=amount,
            note=note,
        )

        sales_actual_input_request.additional_properties = d
        return sales_actual_input_request

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
