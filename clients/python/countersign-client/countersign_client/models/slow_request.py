from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlowRequest")


@_attrs_define
class SlowRequest:
    """
    Attributes:
        id (int):
        kind (str):
        object_id (int):
        number (str):
        title (str):
        status (str):
        current_step (str):
        waiting_on (str):
        submitted_at (datetime.datetime):
        age_hours (float):
    """

    id: int
    kind: str
    object_id: int
    number: str
    title: str
    status: str
    current_step: str
    waiting_on: str
    submitted_at: datetime.datetime
    age_hours: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        object_id = self.object_id

        number = self.number

        title = self.title

        status = self.status

        current_step = self.current_step

        waiting_on = self.waiting_on

        submitted_at = self.submitted_at.isoformat()

        age_hours = self.age_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "object_id": object_id,
                "number": number,
                "title": title,
                "status": status,
                "current_step": current_step,
                "waiting_on": waiting_on,
                "submitted_at": submitted_at,
                "age_hours": age_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        object_id = d.pop("object_id")

        number = d.pop("number")

        title = d.pop("title")

        status = d.pop("status")

        current_step = d.pop("current_step")

        waiting_on = d.pop("waiting_on")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        age_hours = d.pop("age_hours")

        slow_request = cls(
            id=id,
            kind=kind,
            object_id=object_id,
            number=number,
            title=title,
            status=status,
            current_step=current_step,
            waiting_on=waiting_on,
            submitted_at=submitted_at,
            age_hours=age_hours,
        )

        slow_request.additional_properties = d
        return slow_request

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
