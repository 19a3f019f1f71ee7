from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_kind_enum import MilestoneKindEnum

T = TypeVar("T", bound="Milestone")


@_attrs_define
class Milestone:
    """
    Attributes:
        id (int):
        contract (int):
        kind (MilestoneKindEnum): * `delivery` - Delivery
            * `invoice` - Invoice
            * `collection` - Collection
        amount (str):
        currency (str):
        due_date (datetime.date):
        done_date (datetime.date | None):
        note (str):
    """

    id: int
    contract: int
    kind: MilestoneKindEnum
    amount: str
    currency: str
    due_date: datetime.date
    done_date: datetime.date | None
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contract = self.contract

        kind = self.kind.value

        amount = self.amount

        currency = self.currency

        due_date = self.due_date.isoformat()

        done_date: None | str
        if isinstance(self.done_date, datetime.date):
            done_date = self.done_date.isoformat()
        else:
            done_date = self.done_date

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "contract": contract,
                "kind": kind,
                "amount": amount,
                "currency": currency,
                "due_date": due_date,
                "done_date": done_date,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        contract = d.pop("contract")

        kind = MilestoneKindEnum(d.pop("kind"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_done_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_date_type_0 = datetime.date.fromisoformat(data)

                return done_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        done_date = _parse_done_date(d.pop("done_date"))

        note = d.pop("note")

        milestone = cls(
            id=id,
            contract=contract,
            kind=kind,
            amount=amount,
            currency=currency,
            due_date=due_date,
            done_date=done_date,
            note=note,
        )

        milestone.additional_properties = d
        return milestone

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
