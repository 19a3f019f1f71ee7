from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="TaskRequest")


@_attrs_define
class TaskRequest:
    """
    Attributes:
        kind (str):
        id (int):
        number (str):
        title (str):
        amount (None | str):
        currency (str):
        submitter (Person):
    """

    kind: str
    id: int
    number: str
    title: str
    amount: None | str
    currency: str
    submitter: Person
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        id = self.id

        number = self.number

        title = self.title

        amount: None | str
        amount = self.amount

        currency = self.currency

        submitter = self.submitter.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "number": number,
                "title": title,
                "amount": amount,
                "currency": currency,
                "submitter": submitter,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

        id = d.pop("id")

        number = d.pop("number")

        title = d.pop("title")

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        currency = d.pop("currency")

        submitter = Person.from_dict(d.pop("submitter"))

        task_request = cls(
            kind=kind,
            id=id,
            number=number,
            title=title,
            amount=amount,
            currency=currency,
            submitter=submitter,
        )

        task_request.additional_properties = d
        return task_request

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
