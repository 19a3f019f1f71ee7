from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CreditCheck")


@_attrs_define
class CreditCheck:
    """
    Attributes:
        value (str):
        open_receivables (str):
        credit_limit (str):
        exposure (str): Value plus open receivables.
        payment_terms (int):
        allowed_terms (int): Days the customer's rating allows.
        breach (bool):
        reasons (list[str]):
    """

    value: str
    open_receivables: str
    credit_limit: str
    exposure: str
    payment_terms: int
    allowed_terms: int
    breach: bool
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        open_receivables = self.open_receivables

        credit_limit = self.credit_limit

        exposure = self.exposure

        payment_terms = self.payment_terms

        allowed_terms = self.allowed_terms

        breach = self.breach

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "open_receivables": open_receivables,
                "credit_limit": credit_limit,
                "exposure": exposure,
                "payment_terms": payment_terms,
                "allowed_terms": allowed_terms,
                "breach": breach,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        open_receivables = d.pop("open_receivables")

        credit_limit = d.pop("credit_limit")

        exposure = d.pop("exposure")

        payment_terms = d.pop("payment_terms")

        allowed_terms = d.pop("allowed_terms")

        breach = d.pop("breach")

        reasons = cast(list[str], d.pop("reasons"))

        credit_check = cls(
            value=value,
            open_receivables=open_receivables,
            credit_limit=credit_limit,
            exposure=exposure,
            payment_terms=payment_terms,
            allowed_terms=allowed_terms,
            breach=breach,
            reasons=reasons,
        )

        credit_check.additional_properties = d
        return credit_check

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
