from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_grid_person import PlanGridPerson


T = TypeVar("T", bound="PlanGridRegion")


@_attrs_define
class PlanGridRegion:
    """
    Attributes:
        region (str):
        name (str):
        months (list[str]): Empty when you see only your own line.
        quarters (list[str]):
        year (None | str):
        people (list[PlanGridPerson]):
    """

    region: str
    name: str
    months: list[str]
    quarters: list[str]
    year: None | str
    people: list[PlanGridPerson]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        name = self.name

        months = self.months

        quarters = self.quarters

        year: None | str
        year = self.year

        people = []
        for people_item_data in self.people:
            people_item = people_item_data.to_dict()
            people.append(people_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "name": name,
                "months": months,
                "quarters": quarters,
                "year": year,
                "people": people,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_grid_person import PlanGridPerson  # noqa: PLC0415

        d = dict(src_dict)
        region = d.pop("region")

        name = d.pop("name")

        months = cast(list[str], d.pop("months"))

        quarters = cast(list[str], d.pop("quarters"))

        def _parse_year(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        year = _parse_year(d.pop("year"))

        people = []
        _people = d.pop("people")
        for people_item_data in _people:
            people_item = PlanGridPerson.from_dict(people_item_data)

            people.append(people_item)

        plan_grid_region = cls(
            region=region,
            name=name,
            months=months,
            quarters=quarters,
            year=year,
            people=people,
        )

        plan_grid_region.additional_properties = d
        return plan_grid_region

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
