from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskReviewCompleteRequest")


@_attrs_define
class RiskReviewCompleteRequest:
    """
    Attributes:
        measures_effective (bool):
        comment (str | Unset):  Default: ''.
        likelihood (int | None | Unset):
        impact (int | None | Unset):
    """

    measures_effective: bool
    comment: str | Unset = ""
    likelihood: int | None | Unset = UNSET
    impact: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measures_effective = self.measures_effective

        comment = self.comment

        likelihood: int | None | Unset
        if isinstance(self.likelihood, Unset):
            likelihood = UNSET
        else:
            likelihood = self.likelihood

        impact: int | None | Unset
        if isinstance(self.impact, Unset):
            impact = UNSET
        else:
            impact = self.impact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measures_effective": measures_effective,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if likelihood is not UNSET:
            field_dict["likelihood"] = likelihood
        if impact is not UNSET:
            field_dict["impact"] = impact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        measures_effective = d.pop("measures_effective")

        comment = d.pop("comment", UNSET)

        def _parse_likelihood(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        likelihood = _parse_likelihood(d.pop("likelihood", UNSET))

        def _parse_impact(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        impact = _parse_impact(d.pop("impact", UNSET))

        risk_review_complete_request = cls(
            measures_effective=measures_effective,
            comment=comment,
            likelihood=likelihood,
            impact=impact,
        )

        risk_review_complete_request.additional_properties = d
        return risk_review_complete_request

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
