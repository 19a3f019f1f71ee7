from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Backlog")


@_attrs_define
class Backlog:
    """
    Attributes:
        kind (str):
        label (str):
        lt_1d (int):
        d1_3 (int):
        d3_7 (int):
        gt_7d (int):
        total (int):
        overdue (int):
    """

    kind: str
    label: str
    lt_1d: int
    d1_3: int
    d3_7: int
    gt_7d: int
    total: int
    overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        label = self.label

        lt_1d = self.lt_1d

        d1_3 = self.d1_3

        d3_7 = self.d3_7

        gt_7d = self.gt_7d

        total = self.total

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "label": label,
                "lt_1d": lt_1d,
                "d1_3": d1_3,
                "d3_7": d3_7,
                "gt_7d": gt_7d,
                "total": total,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        label = d.pop("label")

        lt_1d = d.pop("lt_1d")

        d1_3 = d.pop("d1_3")

        d3_7 = d.pop("d3_7")

        gt_7d = d.pop("gt_7d")

        total = d.pop("total")

        overdue = d.pop("overdue")

        backlog = cls(
            kind=kind,
            label=label,
            lt_1d=lt_1d,
            d1_3=d1_3,
            d3_7=d3_7,
            gt_7d=gt_7d,
            total=total,
            overdue=overdue,
        )

        backlog.additional_properties = d
        return backlog

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
