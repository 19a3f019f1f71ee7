from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContractStatsStep")


@_attrs_define
class ContractStatsStep:
    """
    Attributes:
        key (str): Step code, e.g. regional_review, sales_gm.
        label (str):
        count (int): Decided tasks of this step.
        avg_hours (None | str):
    """

    key: str
    label: str
    count: int
    avg_hours: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        count = self.count

        avg_hours: None | str
        avg_hours = self.avg_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "count": count,
                "avg_hours": avg_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        count = d.pop("count")

        def _parse_avg_hours(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        avg_hours = _parse_avg_hours(d.pop("avg_hours"))

        contract_stats_step = cls(
            key=key,
            label=label,
            count=count,
            avg_hours=avg_hours,
        )

        contract_stats_step.additional_properties = d
        return contract_stats_step

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
