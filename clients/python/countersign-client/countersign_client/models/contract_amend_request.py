from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract_line_input_request import ContractLineInputRequest


T = TypeVar("T", bound="ContractAmendRequest")


@_attrs_define
class ContractAmendRequest:
    """Any subset of the editable fields (the customer stays).

    Attributes:
        reason (str): Why the contract changes (kept in the audit trail).
        title (str | Unset):
        value (str | Unset): Re-prices a contract whose only line is “unspecified”; otherwise send `lines`.
        lines (list[ContractLineInputRequest] | Unset): Replaces every line; the value is their total. Without lines,
            `value` makes one line of the “unspecified” product.
        payment_terms_days (int | Unset):
        delivery_terms (str | Unset):
        key_clauses (str | Unset):
    """

    reason: str
    title: str | Unset = UNSET
    value: str | Unset = UNSET
    lines: list[ContractLineInputRequest] | Unset = UNSET
    payment_terms_days: int | Unset = UNSET
    delivery_terms: str | Unset = UNSET
    key_clauses: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        title = self.title

        value = self.value

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        payment_terms_days = self.payment_terms_days

        delivery_terms = self.delivery_terms

        key_clauses = self.key_clauses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if value is not UNSET:
            field_dict["value"] = value
        if lines is not UNSET:
            field_dict["lines"] = lines
        if payment_terms_days is not UNSET:
            field_dict["payment_terms_days"] = payment_terms_days
        if delivery_terms is not UNSET:
            field_dict["delivery_terms"] = delivery_terms
        if key_clauses is not UNSET:
            field_dict["key_clauses"] = key_clauses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_line_input_request import ContractLineInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        reason = d.pop("reason")

        title = d.pop("title", UNSET)

        value = d.pop("value", UNSET)

        _lines = d.pop("lines", UNSET)
        lines: list[ContractLineInputRequest] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = ContractLineInputRequest.from_dict(lines_item_data)

                lines.append(lines_item)

        payment_terms_days = d.pop("payment_terms_days", UNSET)

        delivery_terms = d.pop("delivery_terms", UNSET)

        key_clauses = d.pop("key_clauses", UNSET)

        contract_amend_request = cls(
            reason=reason,
            title=title,
            value=value,
            lines=lines,
            payment_terms_days=payment_terms_days,
            delivery_terms=delivery_terms,
            key_clauses=key_clauses,
        )

        contract_amend_request.additional_properties = d
        return contract_amend_request

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
