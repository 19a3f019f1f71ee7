from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="OutOfOffice")


@_attrs_define
class OutOfOffice:
    """
    Attributes:
        id (int):
        deputy (Person):
        starts_on (datetime.date):
        ends_on (datetime.date):
        kinds (list[str]): Process kinds; empty means every process.
        reason (str):
    """

    id: int
    deputy: Person
    starts_on: datetime.date
    ends_on: datetime.date
    kinds: list[str]
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        deputy = self.deputy.to_dict()

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        kinds = self.kinds

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deputy": deputy,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "kinds": kinds,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        deputy = Person.from_dict(d.pop("deputy"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        kinds = cast(list[str], d.pop("kinds"))

        reason = d.pop("reason")

        out_of_office = cls(
            id=id,
            deputy=deputy,
            starts_on=starts_on,
            ends_on=ends_on,
            kinds=kinds,
            reason=reason,
        )

        out_of_office.additional_properties = d
        return out_of_office

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
