from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvaluationInRequest")


@_attrs_define
class EvaluationInRequest:
    """
    Attributes:
        leads (int):
        attendees (int):
        customers_met (int):
        contracts (list[int] | Unset):
        lessons (str | Unset):  Default: ''.
        submit (bool | Unset):  Default: False.
    """

    leads: int
    attendees: int
    customers_met: int
    contracts: list[int] | Unset = UNSET
    lessons: str | Unset = ""
    submit: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        leads = self.leads

        attendees = self.attendees

        customers_met = self.customers_met

        contracts: list[int] | Unset = UNSET
        if not isinstance(self.contracts, Unset):
            contracts = self.contracts

        lessons = self.lessons

        submit = self.submit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "leads": leads,
                "attendees": attendees,
                "customers_met": customers_met,
            }
        )
        if contracts is not UNSET:
            field_dict["contracts"] = contracts
        if lessons is not UNSET:
            field_dict["lessons"] = lessons
        if submit is not UNSET:
            field_dict["submit"] = submit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        leads = d.pop("leads")

        attendees = d.pop("attendees")

        customers_met = d.pop("customers_met")

        contracts = cast(list[int], d.pop("contracts", UNSET))

        lessons = d.pop("lessons", UNSET)

        submit = d.pop("submit", UNSET)

        evaluation_in_request = cls(
            leads=leads,
            attendees=attendees,
            customers_met=customers_met,
            contracts=contracts,
            lessons=lessons,
            submit=submit,
        )

        evaluation_in_request.additional_properties = d
        return evaluation_in_request

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
