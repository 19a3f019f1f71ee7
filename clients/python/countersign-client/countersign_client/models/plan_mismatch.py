from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanMismatch")


@_attrs_define
class PlanMismatch:
    """
    Attributes:
        cell (str):
        level (str):
        expected (str):
        found (str):
        difference (str):
        message (str):
    """

    cell: str
    level: str
    expected: str
    found: str
    difference: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cell = self.cell

        level = self.level

        expected = self.expected

        found = self.found

        difference = self.difference

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cell": cell,
                "level": level,
                "expected": expected,
                "found": found,
                "difference": difference,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cell = d.pop("cell")

        level = d.pop("level")

        expected = d.pop("expected")

        found = d.pop("found")

        difference = d.pop("difference")

        message = d.pop("message")

        plan_mismatch = cls(
            cell=cell,
            level=level,
            expected=expected,
            found=found,
            difference=difference,
            message=message,
        )

        plan_mismatch.additional_properties = d
        return plan_mismatch

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
