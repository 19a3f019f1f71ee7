from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_type_enum import ItemTypeEnum
from ..models.on_excess_enum import OnExcessEnum

T = TypeVar("T", bound="Standard")


@_attrs_define
class Standard:
    """
    Attributes:
        id (int):
        item_type (ItemTypeEnum): * `hotel` - Hotel (per night)
            * `meals` - Meals (per day)
            * `entertainment` - Entertainment (per guest)
            * `transport` - Transport
            * `other` - Other
        city_tier (str): tier1, tier2, other or empty (any)
        min_grade (int):
        max_grade (int):
        cap (None | str):
        max_travel_class (str): economy, premium, business, first or empty (no class limit)
        currency (str):  Default: 'CNY'.
        on_excess (OnExcessEnum): * `refuse` - Not accepted: reduce the line to the standard
            * `extra_approval` - Add the sales GM's approval
        note (str):
    """

    id: int
    item_type: ItemTypeEnum
    city_tier: str
    min_grade: int
    max_grade: int
    cap: None | str
    max_travel_class: str
    on_excess: OnExcessEnum
    note: str
    currency: str = "CNY"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        item_type = self.item_type.value

        city_tier = self.city_tier

        min_grade = self.min_grade

        max_grade = self.max_grade

        cap: None | str
        cap = self.cap

        max_travel_class = self.max_travel_class

        currency = self.currency

        on_excess = self.on_excess.value

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "item_type": item_type,
                "city_tier": city_tier,
                "min_grade": min_grade,
                "max_grade": max_grade,
                "cap": cap,
                "max_travel_class": max_travel_class,
                "currency": currency,
                "on_excess": on_excess,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        item_type = ItemTypeEnum(d.pop("item_type"))

        city_tier = d.pop("city_tier")

        min_grade = d.pop("min_grade")

        max_grade = d.pop("max_grade")

        def _parse_cap(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cap = _parse_cap(d.pop("cap"))

        max_travel_class = d.pop("max_travel_class")

        currency = d.pop("currency")

        on_excess = OnExcessEnum(d.pop("on_excess"))

        note = d.pop("note")

        standard = cls(
            id=id,
            item_type=item_type,
            city_tier=city_tier,
            min_grade=min_grade,
            max_grade=max_grade,
            cap=cap,
            max_travel_class=max_travel_class,
            currency=currency,
            on_excess=on_excess,
            note=note,
        )

        standard.additional_properties = d
        return standard

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
