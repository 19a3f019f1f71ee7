from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_status_enum import RequestStatusEnum

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="Request")


@_attrs_define
class Request:
    """
    Attributes:
        kind (str):
        id (int):
        request_id (int):
        number (str):
        title (str):
        status (RequestStatusEnum): * `draft` - Draft
            * `in_review` - In review
            * `returned` - Returned for revision
            * `approved` - Approved
            * `rejected` - Rejected
            * `withdrawn` - Withdrawn
            * `done` - Done
        status_label (str):
        amount (None | str):
        currency (str):
        current_step (str):
        waiting_on (list[Person]):
        since (datetime.datetime): When the request entered its current state (and step).
        submitter (Person):
    """

    kind: str
    id: int
    request_id: int
    number: str
    title: str
    status: RequestStatusEnum
    status_label: str
    amount: None | str
    currency: str
    current_step: str
    waiting_on: list[Person]
    since: datetime.datetime
    submitter: Person
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        id = self.id

        request_id = self.request_id

        number = self.number

        title = self.title

        status = self.status.value

        status_label = self.status_label

        amount: None | str
        amount = self.amount

        currency = self.currency

        current_step = self.current_step

        waiting_on = []
        for waiting_on_item_data in self.waiting_on:
            waiting_on_item = waiting_on_item_data.to_dict()
            waiting_on.append(waiting_on_item)

        since = self.since.isoformat()

        submitter = self.submitter.to_dict()

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
                "status_label": status_label,
                "amount": amount,
                "currency": currency,
                "current_step": current_step,
                "waiting_on": waiting_on,
                "since": since,
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

        request_id = d.pop("request_id")

        number = d.pop("number")

        title = d.pop("title")

        status = RequestStatusEnum(d.pop("status"))

        status_label = d.pop("status_label")

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        currency = d.pop("currency")

        current_step = d.pop("current_step")

        waiting_on = []
        _waiting_on = d.pop("waiting_on")
        for waiting_on_item_data in _waiting_on:
            waiting_on_item = Person.from_dict(waiting_on_item_data)

            waiting_on.append(waiting_on_item)

        since = datetime.datetime.fromisoformat(d.pop("since"))

        submitter = Person.from_dict(d.pop("submitter"))

        request = cls(
            kind=kind,
            id=id,
            request_id=request_id,
            number=number,
            title=title,
            status=status,
            status_label=status_label,
            amount=amount,
            currency=currency,
            current_step=current_step,
            waiting_on=waiting_on,
            since=since,
            submitter=submitter,
        )

        request.additional_properties = d
        return request

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
