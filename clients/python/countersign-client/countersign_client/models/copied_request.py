from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="CopiedRequest")


@_attrs_define
class CopiedRequest:
    """
    Attributes:
        kind (str):
        id (int):
        request_id (int):
        number (str):
        title (str):
        status (str):
        added_by (Person):
        copied_at (datetime.datetime):
        read_at (datetime.datetime | None):
        unread (bool):
    """

    kind: str
    id: int
    request_id: int
    number: str
    title: str
    status: str
    added_by: Person
    copied_at: datetime.datetime
    read_at: datetime.datetime | None
    unread: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        id = self.id

        request_id = self.request_id

        number = self.number

        title = self.title

        status = self.status

        added_by = self.added_by.to_dict()

        copied_at = self.copied_at.isoformat()

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        unread = self.unread

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "request_id": request_id,
                "number": number,
                "title": title,
                "status": status,
                "added_by": added_by,
                "copied_at": copied_at,
                "read_at": read_at,
                "unread": unread,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

        id = d.pop("id")

        request_id = d.pop("request_id")

        number = d.pop("number")

        title = d.pop("title")

        status = d.pop("status")

        added_by = Person.from_dict(d.pop("added_by"))

        copied_at = datetime.datetime.fromisoformat(d.pop("copied_at"))

        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))

        unread = d.pop("unread")

        copied_request = cls(
            kind=kind,
            id=id,
            request_id=request_id,
            number=number,
            title=title,
            status=status,
            added_by=added_by,
            copied_at=copied_at,
            read_at=read_at,
            unread=unread,
        )

        copied_request.additional_properties = d
        return copied_request

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
