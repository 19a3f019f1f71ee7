from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProcessCycle")


@_attrs_define
class ProcessCycle:
    """
    Attributes:
        count (int):
        median (float | None): Hours (percentile_cont 0.5).
        p90 (float | None): Hours (percentile_cont 0.9).
        max_ (float | None): Hours.
        kind (str):
        label (str):
    """

    count: int
    median: float | None
    p90: float | None
    max_: float | None
    kind: str
    label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        median: float | None
        median = self.median

        p90: float | None
        p90 = self.p90

        max_: float | None
        max_ = self.max_

        kind = self.kind

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "median": median,
                "p90": p90,
                "max": max_,
                "kind": kind,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        def _parse_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median = _parse_median(d.pop("median"))

        def _parse_p90(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p90 = _parse_p90(d.pop("p90"))

        def _parse_max_(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_ = _parse_max_(d.pop("max"))

        kind = d.pop("kind")

        label = d.pop("label")

        process_cycle = cls(
            count=count,
            median=median,
            p90=p90,
            max_=max_,
            kind=kind,
            label=label,
        )

        process_cycle.additional_properties = d
        return process_cycle

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
