from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Throughput")


@_attrs_define
class Throughput:
    """
    Attributes:
        week (datetime.date): The Monday the week starts on.
        decided (int):
        approved (int):
        rejected (int):
        returned (int):
    """

    week: datetime.date
    decided: int
    approved: int
    rejected: int
    returned: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        week = self.week.isoformat()

        decided = self.decided

        approved = self.approved

        rejected = self.rejected

        returned = self.returned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "week": week,
                "decided": decided,
                "approved": approved,
                "rejected": rejected,
                "returned": returned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        week = datetime.date.fromisoformat(d.pop("week"))

        decided = d.pop("decided")

        approved = d.pop("approved")

        rejected = d.pop("rejected")

        returned = d.pop("returned")

        throughput = cls(
            week=week,
            decided=decided,
            approved=approved,
            rejected=rejected,
            returned=returned,
        )

        throughput.additional_properties = d
        return throughput

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
