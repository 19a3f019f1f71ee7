from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanPersonRowInputRequest")


@_attrs_define
class PlanPersonRowInputRequest:
    """
    Attributes:
        salesperson (str):
        months (list[float | None | str]):
        quarters (list[float | None | str] | Unset):
        year (float | None | str | Unset): An amount (CNY, two decimals); blank is zero. Example: 125000.00.
    """

    salesperson: str
    months: list[float | None | str]
    quarters: list[float | None | str] | Unset = UNSET
    year: float | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        salesperson = self.salesperson

        months = []
        for months_item_data in self.months:
            months_item: float | None | str
            months_item = months_item_data
            months.append(months_item)

        quarters: list[float | None | str] | Unset = UNSET
        if not isinstance(self.quarters, Unset):
            quarters = []
            for quarters_item_data in self.quarters:
                quarters_item: float | None | str
                quarters_item = quarters_item_data
                quarters.append(quarters_item)

        year: float | None | str | Unset
        if isinstance(self.year, Unset):
            year = UNSET
        else:
            year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "salesperson": salesperson,
                "months": months,
            }
        )
        if quarters is not UNSET:
            field_dict["quarters"] = quarters
        if year is not UNSET:
            field_dict["year"] = year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        salesperson = d.pop("salesperson")

        months = []
        _months = d.pop("months")
        for months_item_data in _months:

            def _parse_months_item(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            months_item = _parse_months_item(months_item_data)

            months.append(months_item)

        _quarters = d.pop("quarters", UNSET)
        quarters: list[float | None | str] | Unset = UNSET
        if _quarters is not UNSET:
            quarters = []
            for quarters_item_data in _quarters:

                def _parse_quarters_item(data: object) -> float | None | str:
                    if data is None:
                        return data
                    return cast(float | None | str, data)

                quarters_item = _parse_quarters_item(quarters_item_data)

                quarters.append(quarters_item)

        def _parse_year(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        year = _parse_year(d.pop("year", UNSET))

        plan_person_row_input_request = cls(
            salesperson=salesperson,
            months=months,
            quarters=quarters,
            year=year,
        )

        plan_person_row_input_request.additional_properties = d
        return plan_person_row_input_request

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
