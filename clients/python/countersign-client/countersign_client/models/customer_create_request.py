from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_rating_enum import CustomerRatingEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerCreateRequest")


@_attrs_define
class CustomerCreateRequest:
    """
    Attributes:
        name (str):
        credit_code (str): The 18-character unified social credit code.
        region (int | str): A region id or code (e.g. east).
        account_owner (int | str | Unset): A user id or username; yourself when left out.
        rating (CustomerRatingEnum | Unset): * `A` - A: excellent
            * `B` - B: good
            * `C` - C: watch
            * `D` - D: prepayment only Default: CustomerRatingEnum.B.
        contacts (str | Unset):  Default: ''.
    """

    name: str
    credit_code: str
    region: int | str
    account_owner: int | str | Unset = UNSET
    rating: CustomerRatingEnum | Unset = CustomerRatingEnum.B
    contacts: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        credit_code = self.credit_code

        region: int | str
        region = self.region

        account_owner: int | str | Unset
        if isinstance(self.account_owner, Unset):
            account_owner = UNSET
        else:
            account_owner = self.account_owner

        rating: str | Unset = UNSET
        if not isinstance(self.rating, Unset):
            rating = self.rating.value

        contacts = self.contacts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "credit_code": credit_code,
                "region": region,
            }
        )
        if account_owner is not UNSET:
            field_dict["account_owner"] = account_owner
        if rating is not UNSET:
            field_dict["rating"] = rating
        if contacts is not UNSET:
            field_dict["contacts"] = contacts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        credit_code = d.pop("credit_code")

        def _parse_region(data: object) -> int | str:
            return cast(int | str, data)

        region = _parse_region(d.pop("region"))

        def _parse_account_owner(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        account_owner = _parse_account_owner(d.pop("account_owner", UNSET))

        _rating = d.pop("rating", UNSET)
        rating: CustomerRatingEnum | Unset
        if isinstance(_rating, Unset):
            rating = UNSET
        else:
            rating = CustomerRatingEnum(_rating)

        contacts = d.pop("contacts", UNSET)

        customer_create_request = cls(
            name=name,
            credit_code=credit_code,
            region=region,
            account_owner=account_owner,
            rating=rating,
            contacts=contacts,
        )

        customer_create_request.additional_properties = d
        return customer_create_request

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
