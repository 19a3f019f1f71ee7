from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interaction_kind_enum import InteractionKindEnum

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="Interaction")


@_attrs_define
class Interaction:
    """
    Attributes:
        id (int):
        kind (InteractionKindEnum): * `visit` - Visit
            * `call` - Call
            * `complaint` - Complaint
            * `note` - Note
        date (datetime.date):
        note (str):
        next_action_date (datetime.date | None):
        by (Person):
        created (datetime.datetime):
    """

    id: int
    kind: InteractionKindEnum
    date: datetime.date
    note: str
    next_action_date: datetime.date | None
    by: Person
    created: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        date = self.date.isoformat()

        note = self.note

        next_action_date: None | str
        if isinstance(self.next_action_date, datetime.date):
            next_action_date = self.next_action_date.isoformat()
        else:
            next_action_date = self.next_action_date

        by = self.by.to_dict()

        created = self.created.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "date": date,
                "note": note,
                "next_action_date": next_action_date,
                "by": by,
                "created": created,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = InteractionKindEnum(d.pop("kind"))

        date = datetime.date.fromisoformat(d.pop("date"))

        note = d.pop("note")

        def _parse_next_action_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_action_date_type_0 = datetime.date.fromisoformat(data)

                return next_action_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_action_date = _parse_next_action_date(d.pop("next_action_date"))

        by = Person.from_dict(d.pop("by"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        interaction = cls(
            id=id,
            kind=kind,
            date=date,
            note=note,
            next_action_date=next_action_date,
            by=by,
            created=created,
        )

        interaction.additional_properties = d
        return interaction

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
