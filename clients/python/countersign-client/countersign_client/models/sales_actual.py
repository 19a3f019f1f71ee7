from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="SalesActual")


@_attrs_define
class SalesActual:
    """
    Attributes:
        id (int):
        salesperson (Person):
        region (str):
        year (int):
        month (int):
        amount (str):
        source (str):
        note (str):
        recorded_by (Person):
        recorded_at (datetime.datetime):
        currency (str | Unset):  Default: 'CNY'.
    """

    id: int
    salesperson: Person
    region: str
    year: int
    month: int
    amount: str
    source: str
    note: str
    recorded_by: Person
    recorded_at: datetime.datetime
    currency: str | Unset = "CNY"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        salesperson = self.salesperson.to_dict()

        region = self.region

        year = self.year

        month = self.month

        amount = self.amount

        source = self.source

        note = self.note

        recorded_by = self.recorded_by.to_dict()

        recorded_at = self.recorded_at.isoformat()

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "salesperson": salesperson,
                "region": region,
                "year": year,
                "month": month,
                "amount": amount,
                "source": source,
                "note": note,
                "recorded_by": recorded_by,
                "recorded_at": recorded_at,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        salesperson = Person.from_dict(d.pop("salesperson"))

        region = d.pop("region")

        year = d.pop("year")

        month = d.pop("month")

        amount = d.pop("amount")

        source = d.pop("source")

        note = d.pop("note")

        recorded_by = Person.from_dict(d.pop("recorded_by"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        currency = d.pop("currency", UNSET)

        sales_actual = cls(
            id=id,
            salesperson=salesperson,
            region=region,
            year=year,
            month=month,
            amount=amount,
            source=source,
            note=note,
            recorded_by=recorded_by,
            recorded_at=recorded_at,
            currency=currency,
        )

        sales_actual.additional_properties = d
        return sales_actual

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
