from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interaction_kind_enum import InteractionKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="InteractionCreateRequest")


@_attrs_define
class InteractionCreateRequest:
    """
    Attributes:
        kind (InteractionKindEnum): * `visit` - Visit
            * `call` - Call
            * `complaint` - Complaint
            * `note` - Note
        date (datetime.date): When it happened (not in the future).
        note (str):
        next_action_date (datetime.date | None | Unset):
    """

    kind: InteractionKindEnum
    date: datetime.date
    note: str
    next_action_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        date = self.date.isoformat()

        note = self.note

        next_action_date: None | str | Unset
        if isinstance(self.next_action_date, Unset):
            next_action_date = UNSET
        elif isinstance(self.next_action_date, datetime.date):
            next_action_date = self.next_action_date.isoformat()
        else:
            next_action_date = self.next_action_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "date": date,
                "note": note,
            }
        )
        if next_action_date is not UNSET:
            field_dict["next_action_date"] = next_action_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = InteractionKindEnum(d.pop("kind"))

        date = datetime.date.fromisoformat(d.pop("date"))

        note = d.pop("note")

        def _parse_next_action_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_action_date_type_0 = datetime.date.fromisoformat(data)

                return next_action_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_action_date = _parse_next_action_date(d.pop("next_action_date", UNSET))

        interaction_create_request = cls(
            kind=kind,
            date=date,
            note=note,
            next_action_date=next_action_date,
        )

        interaction_create_request.additional_properties = d
        return interaction_create_request

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
