from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blank_enum import BlankEnum
from ..models.city_tier_enum import CityTierEnum
from ..models.item_type_enum import ItemTypeEnum
from ..models.travel_class_enum import TravelClassEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="LineInputRequest")


@_attrs_define
class LineInputRequest:
    """
    Attributes:
        date (datetime.date):
        description (str):
        amount (str):
        id (int | Unset): The id of one of the claim's lines, to edit it and keep its receipts; without it the line is
            new (a line not given again is deleted with its receipts).
        item_type (ItemTypeEnum | Unset): * `hotel` - Hotel (per night)
            * `meals` - Meals (per day)
            * `entertainment` - Entertainment (per guest)
            * `transport` - Transport
            * `other` - Other Default: ItemTypeEnum.OTHER.
        city_tier (BlankEnum | CityTierEnum | Unset):  Default: BlankEnum.VALUE_0.
        units (int | Unset):  Default: 1.
        travel_class (BlankEnum | TravelClassEnum | Unset):  Default: BlankEnum.VALUE_0.
    """

    date: datetime.date
    description: str
    amount: str
    id: int | Unset = UNSET
    item_type: ItemTypeEnum | Unset = ItemTypeEnum.OTHER
    city_tier: BlankEnum | CityTierEnum | Unset = BlankEnum.VALUE_0
    units: int | Unset = 1
    travel_class: BlankEnum | TravelClassEnum | Unset = BlankEnum.VALUE_0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        description = self.description

        amount = self.amount

        id = self.id

        item_type: str | Unset = UNSET
        if not isinstance(self.item_type, Unset):
            item_type = self.item_type.value

        city_tier: str | Unset
        if isinstance(self.city_tier, Unset):
            city_tier = UNSET
        elif isinstance(self.city_tier, CityTierEnum):
            city_tier = self.city_tier.value
        else:
            city_tier = self.city_tier.value

        units = self.units

        travel_class: str | Unset
        if isinstance(self.travel_class, Unset):
            travel_class = UNSET
        elif isinstance(self.travel_class, TravelClassEnum):
            travel_class = self.travel_class.value
        else:
            travel_class = self.travel_class.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "description": description,
                "amount": amount,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if item_type is not UNSET:
            field_dict["item_type"] = item_type
        if city_tier is not UNSET:
            field_dict["city_tier"] = city_tier
        if units is not UNSET:
            field_dict["units"] = units
        if travel_class is not UNSET:
            field_dict["travel_class"] = travel_class

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        description = d.pop("description")

        amount = d.pop("amount")

        id = d.pop("id", UNSET)

        _item_type = d.pop("item_type", UNSET)
        item_type: ItemTypeEnum | Unset
        if isinstance(_item_type, Unset):
            item_type = UNSET
        else:
            item_type = ItemTypeEnum(_item_type)

        def _parse_city_tier(data: object) -> BlankEnum | CityTierEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                city_tier_type_0 = CityTierEnum(data)

                return city_tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            city_tier_type_1 = BlankEnum(data)

            return city_tier_type_1

        city_tier = _parse_city_tier(d.pop("city_tier", UNSET))

        units = d.pop("units", UNSET)

        def _parse_travel_class(data: object) -> BlankEnum | TravelClassEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                travel_class_type_0 = TravelClassEnum(data)

                return travel_class_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            travel_class_type_1 = BlankEnum(data)

            return travel_class_type_1

        travel_class = _parse_travel_class(d.pop("travel_class", UNSET))

        line_input_request = cls(
            date=date,
            description=description,
            amount=amount,
            id=id,
            item_type=item_type,
            city_tier=city_tier,
            units=units,
            travel_class=travel_class,
        )

        line_input_request.additional_properties = d
        return line_input_request

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
