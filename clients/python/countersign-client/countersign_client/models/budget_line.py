from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetLine")


@_attrs_define
class BudgetLine:
    """
    Attributes:
        id (int):
        category (str):
        month (datetime.date):
        description (str):
        region (int | None):
        held_region (int | None): The region whose budget holds the line; null: the department's own budget (or not
            held).
        planned (str):
        reserved (str):
        in_claims (str):
        spent (str):
        left (str):
        released (bool):
    """

    id: int
    category: str
    month: datetime.date
    description: str
    region: int | None
    held_region: int | None
    planned: str
    reserved: str
    in_claims: str
    spent: str
    left: str
    released: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        category = self.category

        month = self.month.isoformat()

        description = self.description

        region: int | None
        region = self.region

        held_region: int | None
        held_region = self.held_region

        planned = self.planned

        reserved = self.reserved

        in_claims = self.in_claims

        spent = self.spent

        left = self.left

        released = self.released

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "category": category,
                "month": month,
                "description": description,
                "region": region,
                "held_region": held_region,
                "planned": planned,
                "reserved": reserved,
                "in_claims": in_claims,
                "spent": spent,
                "left": left,
                "released": released,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        category = d.pop("category")

        month = datetime.date.fromisoformat(d.pop("month"))

        description = d.pop("description")

        def _parse_region(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        region = _parse_region(d.pop("region"))

        def _parse_held_region(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        held_region = _parse_held_region(d.pop("held_region"))

        planned = d.pop("planned")

        reserved = d.pop("reserved")

        in_claims = d.pop("in_claims")

        spent = d.pop("spent")

        left = d.pop("left")

        released = d.pop("released")

        budget_line = cls(
            id=id,
            category=category,
            month=month,
            description=description,
            region=region,
            held_region=held_region,
            planned=planned,
            reserved=reserved,
            in_claims=in_claims,
            spent=spent,
            left=left,
            released=released,
        )

        budget_line.additional_properties = d
        return budget_line

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
