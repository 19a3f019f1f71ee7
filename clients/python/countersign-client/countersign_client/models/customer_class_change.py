from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomerClassChange")


@_attrs_define
class CustomerClassChange:
    """
    Attributes:
        month (datetime.date):
        old_class (str):
        new_class (str):
        signed_value (str):
        collected (str):
    """

    month: datetime.date
    old_class: str
    new_class: str
    signed_value: str
    collected: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month.isoformat()

        old_class = self.old_class

        new_class = self.new_class

        signed_value = self.signed_value

        collected = self.collected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "old_class": old_class,
                "new_class": new_class,
                "signed_value": signed_value,
                "collected": collected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = datetime.date.fromisoformat(d.pop("month"))

        old_class = d.pop("old_class")

        new_class = d.pop("new_class")

        signed_value = d.pop("signed_value")

        collected = d.pop("collected")

        customer_class_change = cls(
            month=month,
            old_class=old_class,
            new_class=new_class,
            signed_value=signed_value,
            collected=collected,
        )

        customer_class_change.additional_properties = d
        return customer_class_change

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
