from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Submission")


@_attrs_define
class Submission:
    """
    Attributes:
        id (int):
        number (str):
        title (str):
        template (str):
        version (int):
        state (str):
        amount (None | str):
        values (Any):
        submitter (str):
        request_id (int | None):
        chain (Any):
    """

    id: int
    number: str
    title: str
    template: str
    version: int
    state: str
    amount: None | str
    values: Any
    submitter: str
    request_id: int | None
    chain: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        title = self.title

        template = self.template

        version = self.version

        state = self.state

        amount: None | str
        amount = self.amount

        values = self.values

        submitter = self.submitter

        request_id: int | None
        request_id = self.request_id

        chain = self.chain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "title": title,
                "template": template,
                "version": version,
                "state": state,
                "amount": amount,
                "values": values,
                "submitter": submitter,
                "request_id": request_id,
                "chain": chain,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        title = d.pop("title")

        template = d.pop("template")

        version = d.pop("version")

        state = d.pop("state")

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        values = d.pop("values")

        submitter = d.pop("submitter")

        def _parse_request_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        request_id = _parse_request_id(d.pop("request_id"))

        chain = d.pop("chain")

        submission = cls(
            id=id,
            number=number,
            title=title,
            template=template,
            version=version,
            state=state,
            amount=amount,
            values=values,
            submitter=submitter,
            request_id=request_id,
            chain=chain,
        )

        submission.additional_properties = d
        return submission

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
