from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanCellChange")


@_attrs_define
class PlanCellChange:
    """
    Attributes:
        region (str):
        salesperson (None | str):
        month (int):
        before (None | str):
        after (None | str):
        change (str):
    """

    region: str
    salesperson: None | str
    month: int
    before: None | str
    after: None | str
    change: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        salesperson: None | str
        salesperson = self.salesperson

        month = self.month

        before: None | str
        before = self.before

        after: None | str
        after = self.after

        change = self.change

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "salesperson": salesperson,
                "month": month,
                "before": before,
                "after": after,
                "change": change,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        region = d.pop("region")

        def _parse_salesperson(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        salesperson = _parse_salesperson(d.pop("salesperson"))

        month = d.pop("month")

        def _parse_before(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        after = _parse_after(d.pop("after"))

        change = d.pop("change")

        plan_cell_change = cls(
            region=region,
            salesperson=salesperson,
            month=month,
            before=before,
            after=after,
            change=change,
        )

        plan_cell_change.additional_properties = d
        return plan_cell_change

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
