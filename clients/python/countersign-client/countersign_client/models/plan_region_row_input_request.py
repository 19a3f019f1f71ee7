from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_person_row_input_request import PlanPersonRowInputRequest


T = TypeVar("T", bound="PlanRegionRowInputRequest")


@_attrs_define
class PlanRegionRowInputRequest:
    """
    Attributes:
        region (str):
        months (list[float | None | str]):
        quarters (list[float | None | str] | Unset):
        year (float | None | str | Unset): An amount (CNY, two decimals); blank is zero. Example: 125000.00.
        people (list[PlanPersonRowInputRequest] | Unset):
    """

    region: str
    months: list[float | None | str]
    quarters: list[float | None | str] | Unset = UNSET
    year: float | None | str | Unset = UNSET
    people: list[PlanPersonRowInputRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region

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

        people: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.people, Unset):
            people = []
            for people_item_data in self.people:
                people_item = people_item_data.to_dict()
                people.append(people_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "months": months,
            }
        )
        if quarters is not UNSET:
            field_dict["quarters"] = quarters
        if year is not UNSET:
            field_dict["year"] = year
        if people is not UNSET:
            field_dict["people"] = people

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_person_row_input_request import PlanPersonRowInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        region = d.pop("region")

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

        _people = d.pop("people", UNSET)
        people: list[PlanPersonRowInputRequest] | Unset = UNSET
        if _people is not UNSET:
            people = []
            for people_item_data in _people:
                people_item = PlanPersonRowInputRequest.from_dict(people_item_data)

                people.append(people_item)

        plan_region_row_input_request = cls(
            region=region,
            months=months,
            quarters=quarters,
            year=year,
            people=people,
        )

        plan_region_row_input_request.additional_properties = d
        return plan_region_row_input_request

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
