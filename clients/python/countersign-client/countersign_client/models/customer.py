from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_rating_enum import CustomerRatingEnum

if TYPE_CHECKING:
    from ..models.customer_region import CustomerRegion
    from ..models.person import Person


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """
    Attributes:
        id (int):
        name (str):
        credit_code (str): The unified social credit code.
        region (CustomerRegion):
        rating (CustomerRatingEnum): * `A` - A: excellent
            * `B` - B: good
            * `C` - C: watch
            * `D` - D: prepayment only
        credit_limit (str):
        open_receivables (str): Collections not yet received on signed contracts.
        currency (str):
        account_owner (Person):
        value_class (str): A, B or C from the trailing twelve months' signed value and collections, recomputed monthly;
            empty until first classified.
        classified_for (datetime.date | None): The month of the last classification.
    """

    id: int
    name: str
    credit_code: str
    region: CustomerRegion
    rating: CustomerRatingEnum
    credit_limit: str
    open_receivables: str
    currency: str
    account_owner: Person
    value_class: str
    classified_for: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        credit_code = self.credit_code

        region = self.region.to_dict()

        rating = self.rating.value

        credit_limit = self.credit_limit

        open_receivables = self.open_receivables

        currency = self.currency

        account_owner = self.account_owner.to_dict()

        value_class = self.value_class

        classified_for: None | str
        if isinstance(self.classified_for, datetime.date):
            classified_for = self.classified_for.isoformat()
        else:
            classified_for = self.classified_for

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "credit_code": credit_code,
                "region": region,
                "rating": rating,
                "credit_limit": credit_limit,
                "open_receivables": open_receivables,
                "currency": currency,
                "account_owner": account_owner,
                "value_class": value_class,
                "classified_for": classified_for,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_region import CustomerRegion  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        credit_code = d.pop("credit_code")

        region = CustomerRegion.from_dict(d.pop("region"))

        rating = CustomerRatingEnum(d.pop("rating"))

        credit_limit = d.pop("credit_limit")

        open_receivables = d.pop("open_receivables")

        currency = d.pop("currency")

        account_owner = Person.from_dict(d.pop("account_owner"))

        value_class = d.pop("value_class")

        def _parse_classified_for(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                classified_for_type_0 = datetime.date.fromisoformat(data)

                return classified_for_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        classified_for = _parse_classified_for(d.pop("classified_for"))

        customer = cls(
            id=id,
            name=name,
            credit_code=credit_code,
            region=region,
            rating=rating,
            credit_limit=credit_limit,
            open_receivables=open_receivables,
            currency=currency,
            account_owner=account_owner,
            value_class=value_class,
            classified_for=classified_for,
        )

        customer.additional_properties = d
        return customer

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
