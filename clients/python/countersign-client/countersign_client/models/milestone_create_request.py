from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_kind_enum import MilestoneKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneCreateRequest")


@_attrs_define
class MilestoneCreateRequest:
    """
    Attributes:
        kind (MilestoneKindEnum): * `delivery` - Delivery
            * `invoice` - Invoice
            * `collection` - Collection
        amount (str):
        due_date (datetime.date):
        note (str | Unset):  Default: ''.
    """

    kind: MilestoneKindEnum
    amount: str
    due_date: datetime.date
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        amount = self.amount

        due_date = self.due_date.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "amount": amount,
                "due_date": due_date,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MilestoneKindEnum(d.pop("kind"))

        amount = d.pop("amount")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        note = d.pop("note", UNSET)

        milestone_create_request = cls(
            kind=kind,
            amount=amount,
            due_date=due_date,
            note=note,
        )

        milestone_create_request.additional_properties = d
        return milestone_create_request

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
