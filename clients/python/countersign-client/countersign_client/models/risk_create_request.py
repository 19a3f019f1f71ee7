from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_type_enum import RiskTypeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskCreateRequest")


@_attrs_define
class RiskCreateRequest:
    """
    Attributes:
        type_ (RiskTypeEnum): * `market` - Market
            * `credit` - Credit
            * `legal` - Legal
            * `competition` - Competition
            * `other` - Other
        title (str):
        description (str | Unset):  Default: ''.
        customer (int | None | Unset): A customer id.
        contract (int | None | Unset): A contract id.
        region (int | None | str | Unset): A region id or code (e.g. east).
        owner (int | None | str | Unset): Empty: you. Managers may name someone else.
        likelihood (int | None | Unset):
        impact (int | None | Unset):
        comment (str | Unset):  Default: ''.
    """

    type_: RiskTypeEnum
    title: str
    description: str | Unset = ""
    customer: int | None | Unset = UNSET
    contract: int | None | Unset = UNSET
    region: int | None | str | Unset = UNSET
    owner: int | None | str | Unset = UNSET
    likelihood: int | None | Unset = UNSET
    impact: int | None | Unset = UNSET
    comment: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        title = self.title

        description = self.description

        customer: int | None | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        else:
            customer = self.customer

        contract: int | None | Unset
        if isinstance(self.contract, Unset):
            contract = UNSET
        else:
            contract = self.contract

        region: int | None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        owner: int | None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

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

        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if customer is not UNSET:
            field_dict["customer"] = customer
        if contract is not UNSET:
            field_dict["contract"] = contract
        if region is not UNSET:
            field_dict["region"] = region
        if owner is not UNSET:
            field_dict["owner"] = owner
        if likelihood is not UNSET:
            field_dict["likelihood"] = likelihood
        if impact is not UNSET:
            field_dict["impact"] = impact
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = RiskTypeEnum(d.pop("type"))

        title = d.pop("title")

        description = d.pop("description", UNSET)

        def _parse_customer(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        customer = _parse_customer(d.pop("customer", UNSET))

        def _parse_contract(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        contract = _parse_contract(d.pop("contract", UNSET))

        def _parse_region(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_owner(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

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

        comment = d.pop("comment", UNSET)

        risk_create_request = cls(
            type_=type_,
            title=title,
            description=description,
            customer=customer,
            contract=contract,
            region=region,
            owner=owner,
            likelihood=likelihood,
            impact=impact,
            comment=comment,
        )

        risk_create_request.additional_properties = d
        return risk_create_request

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
