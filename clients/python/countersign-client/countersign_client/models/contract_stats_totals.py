from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContractStatsTotals")


@_attrs_define
class ContractStatsTotals:
    """
    Attributes:
        count (int):
        value (str):
        signed_count (int):
        signed_value (str):
    """

    count: int
    value: str
    signed_count: int
    signed_value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        value = self.value

        signed_count = self.signed_count

        signed_value = self.signed_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "value": value,
                "signed_count": signed_count,
                "signed_value": signed_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        value = d.pop("value")

        signed_count = d.pop("signed_count")

        signed_value = d.pop("signed_value")

        contract_stats_totals = cls(
            count=count,
            value=value,
            signed_count=signed_count,
            signed_value=signed_value,
        )

        contract_stats_totals.additional_properties = d
        return contract_stats_totals

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
