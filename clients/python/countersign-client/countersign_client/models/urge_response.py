from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="UrgeResponse")


@_attrs_define
class UrgeResponse:
    """
    Attributes:
        task (int):
        urged_at (datetime.datetime):
        recipients (list[Person]):
        next_urge_at (datetime.datetime):
    """

    task: int
    urged_at: datetime.datetime
    recipients: list[Person]
    next_urge_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task = self.task

        urged_at = self.urged_at.isoformat()

        recipients = []
        for recipients_item_data in self.recipients:
            recipients_item = recipients_item_data.to_dict()
            recipients.append(recipients_item)

        next_urge_at = self.next_urge_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task": task,
                "urged_at": urged_at,
                "recipients": recipients,
                "next_urge_at": next_urge_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        task = d.pop("task")

        urged_at = datetime.datetime.fromisoformat(d.pop("urged_at"))

        recipients = []
        _recipients = d.pop("recipients")
        for recipients_item_data in _recipients:
            recipients_item = Person.from_dict(recipients_item_data)

            recipients.append(recipients_item)

        next_urge_at = datetime.datetime.fromisoformat(d.pop("next_urge_at"))

        urge_response = cls(
            task=task,
            urged_at=urged_at,
            recipients=recipients,
            next_urge_at=next_urge_at,
        )

        urge_response.additional_properties = d
        return urge_response

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
