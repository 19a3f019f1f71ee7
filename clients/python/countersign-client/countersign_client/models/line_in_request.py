from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="LineInRequest")


@_attrs_define
class LineInRequest:
    """
    Attributes:
        category (CategoryEnum): * `personnel` - Personnel
            * `marketing` - Marketing and promotion
            * `travel` - Travel
            * `entertainment` - Business entertainment
            * `other` - Other
        month (str): YYYY-MM
        description (str):
        amount (str):
        region (int | None | Unset): One of the campaign's regions; needed when it has several (a single-region
            campaign's lines take its region).
    """

    category: CategoryEnum
    month: str
    description: str
    amount: str
    region: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        month = self.month

        description = self.description

        amount = self.amount

        region: int | None | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "month": month,
                "description": description,
                "amount": amount,
            }
        )
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = CategoryEnum(d.pop("category"))

        month = d.pop("month")

        description = d.pop("description")

        amount = d.pop("amount")

        def _parse_region(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        line_in_request = cls(
            category=category,
            month=month,
            description=description,
            amount=amount,
            region=region,
        )

        line_in_request.additional_properties = d
        return line_in_request

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
