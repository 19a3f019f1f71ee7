from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer_ref import CustomerRef
    from ..models.person import Person


T = TypeVar("T", bound="Contract")


@_attrs_define
class Contract:
    """
    Attributes:
        id (int):
        number (str): Empty until the contract is submitted.
        version (int):
        title (str):
        customer (CustomerRef):
        value (str):
        currency (str):
        payment_terms_days (int):
        state (str): draft, in_review, returned, signed, rejected, withdrawn, superseded
        state_label (str):
        credit_breach (bool):
        owner (Person):
        created (datetime.datetime):
        submitted_at (datetime.datetime | None):
        signed_at (datetime.datetime | None):
        request_id (int | None):
    """

    id: int
    number: str
    version: int
    title: str
    customer: CustomerRef
    value: str
    currency: str
    payment_terms_days: int
    state: str
    state_label: str
    credit_breach: bool
    owner: Person
    created: datetime.datetime
    submitted_at: datetime.datetime | None
    signed_at: datetime.datetime | None
    request_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        version = self.version

        title = self.title

        customer = self.customer.to_dict()

        value = self.value

        currency = self.currency

        payment_terms_days = self.payment_terms_days

        state = self.state

        state_label = self.state_label

        credit_breach = self.credit_breach

        owner = self.owner.to_dict()

        created = self.created.isoformat()

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        request_id: int | None
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "version": version,
                "title": title,
                "customer": customer,
                "value": value,
                "currency": currency,
                "payment_terms_days": payment_terms_days,
                "state": state,
                "state_label": state_label,
                "credit_breach": credit_breach,
                "owner": owner,
                "created": created,
                "submitted_at": submitted_at,
                "signed_at": signed_at,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        version = d.pop("version")

        title = d.pop("title")

        customer = CustomerRef.from_dict(d.pop("customer"))

        value = d.pop("value")

        currency = d.pop("currency")

        payment_terms_days = d.pop("payment_terms_days")

        state = d.pop("state")

        state_label = d.pop("state_label")

        credit_breach = d.pop("credit_breach")

        owner = Person.from_dict(d.pop("owner"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))

        def _parse_request_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        request_id = _parse_request_id(d.pop("request_id"))

        contract = cls(
            id=id,
            number=number,
            version=version,
            title=title,
            customer=customer,
            value=value,
            currency=currency,
            payment_terms_days=payment_terms_days,
            state=state,
            state_label=state_label,
            credit_breach=credit_breach,
            owner=owner,
            created=created,
            submitted_at=submitted_at,
            signed_at=signed_at,
            request_id=request_id,
        )

        contract.additional_properties = d
        return contract

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
