from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_type_enum import ItemTypeEnum

T = TypeVar("T", bound="Line")


@_attrs_define
class Line:
    """
    Attributes:
        id (int):
        date (datetime.date):
        item_type (ItemTypeEnum): * `hotel` - Hotel (per night)
            * `meals` - Meals (per day)
            * `entertainment` - Entertainment (per guest)
            * `transport` - Transport
            * `other` - Other
        description (str):
        amount (str):
        city_tier (str): tier1, tier2, other or empty
        units (int):
        travel_class (str): economy, premium, business, first or empty
        allowed_class (str): The highest class the standard allows, or empty.
        cap (None | str):
        excess (str):
        approved_amount (None | str):
        reduction_reason (str):
    """

    id: int
    date: datetime.date
    item_type: ItemTypeEnum
    description: str
    amount: str
    city_tier: str
    units: int
    travel_class: str
    allowed_class: str
    cap: None | str
    excess: str
    approved_amount: None | str
    reduction_reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        date = self.date.isoformat()

        item_type = self.item_type.value

        description = self.description

        amount = self.amount

        city_tier = self.city_tier

        units = self.units

        travel_class = self.travel_class

        allowed_class = self.allowed_class

        cap: None | str
        cap = self.cap

        excess = self.excess

        approved_amount: None | str
        approved_amount = self.approved_amount

        reduction_reason = self.reduction_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "date": date,
                "item_type": item_type,
                "description": description,
                "amount": amount,
                "city_tier": city_tier,
                "units": units,
                "travel_class": travel_class,
                "allowed_class": allowed_class,
                "cap": cap,
                "excess": excess,
                "approved_amount": approved_amount,
                "reduction_reason": reduction_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        date = datetime.date.fromisoformat(d.pop("date"))

        item_type = ItemTypeEnum(d.pop("item_type"))

        description = d.pop("description")

        amount = d.pop("amount")

        city_tier = d.pop("city_tier")

        units = d.pop("units")

        travel_class = d.pop("travel_class")

        allowed_class = d.pop("allowed_class")

        def _parse_cap(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cap = _parse_cap(d.pop("cap"))

        excess = d.pop("excess")

        def _parse_approved_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_amount = _parse_approved_amount(d.pop("approved_amount"))

        reduction_reason = d.pop("reduction_reason")

        line = cls(
            id=id,
            date=date,
            item_type=item_type,
            description=description,
            amount=amount,
            city_tier=city_tier,
            units=units,
            travel_class=travel_class,
            allowed_class=allowed_class,
            cap=cap,
            excess=excess,
            approved_amount=approved_amount,
            reduction_reason=reduction_reason,
        )

        line.additional_properties = d
        return line

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
