from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CopyRequest")


@_attrs_define
class CopyRequest:
    """
    Attributes:
        people (list[int | str]): 1 to 10 people, each a user id or a username.
        comment (str | Unset):  Default: ''.
    """

    people: list[int | str]
    comment: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        people = []
        for people_item_data in self.people:
            people_item: int | str
            people_item = people_item_data
            people.append(people_item)

        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "people": people,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        people = []
        _people = d.pop("people")
        for people_item_data in _people:

            def _parse_people_item(data: object) -> int | str:
                return cast(int | str, data)

            people_item = _parse_people_item(people_item_data)

            people.append(people_item)

        comment = d.pop("comment", UNSET)

        copy_request = cls(
            people=people,
            comment=comment,
        )

        copy_request.additional_properties = d
        return copy_request

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
