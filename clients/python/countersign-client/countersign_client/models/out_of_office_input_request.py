from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutOfOfficeInputRequest")


@_attrs_define
class OutOfOfficeInputRequest:
    """
    Attributes:
        deputy (int | str): A user id or a username.
        starts_on (datetime.date):
        ends_on (datetime.date):
        kinds (list[str] | Unset): Process kinds (registry codes); empty or absent: every process.
        reason (str | Unset):  Default: ''.
    """

    deputy: int | str
    starts_on: datetime.date
    ends_on: datetime.date
    kinds: list[str] | Unset = UNSET
    reason: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deputy: int | str
        deputy = self.deputy

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        kinds: list[str] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = self.kinds

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deputy": deputy,
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
        )
        if kinds is not UNSET:
            field_dict["kinds"] = kinds
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_deputy(data: object) -> int | str:
            return cast(int | str, data)

        deputy = _parse_deputy(d.pop("deputy"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        kinds = cast(list[str], d.pop("kinds", UNSET))

        reason = d.pop("reason", UNSET)

        out_of_office_input_request = cls(
            deputy=deputy,
            starts_on=starts_on,
            ends_on=ends_on,
            kinds=kinds,
            reason=reason,
        )

        out_of_office_input_request.additional_properties = d
        return out_of_office_input_request

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
