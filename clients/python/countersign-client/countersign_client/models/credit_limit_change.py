from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer_ref import CustomerRef
    from ..models.person import Person


T = TypeVar("T", bound="CreditLimitChange")


@_attrs_define
class CreditLimitChange:
    """
    Attributes:
        id (int):
        customer (CustomerRef):
        old_limit (str):
        new_limit (str):
        currency (str):
        reason (str):
        state (str): pending, approved, rejected
        requested_by (Person):
        decided_by (None | Person):
        created (datetime.datetime):
        decided_at (datetime.datetime | None):
    """

    id: int
    customer: CustomerRef
    old_limit: str
    new_limit: str
    currency: str
    reason: str
    state: str
    requested_by: Person
    decided_by: None | Person
    created: datetime.datetime
    decided_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415

        id = self.id

        customer = self.customer.to_dict()

        old_limit = self.old_limit

        new_limit = self.new_limit

        currency = self.currency

        reason = self.reason

        state = self.state

        requested_by = self.requested_by.to_dict()

        decided_by: dict[str, Any] | None
        if isinstance(self.decided_by, Person):
            decided_by = self.decided_by.to_dict()
        else:
            decided_by = self.decided_by

        created = self.created.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer": customer,
                "old_limit": old_limit,
                "new_limit": new_limit,
                "currency": currency,
                "reason": reason,
                "state": state,
                "requested_by": requested_by,
                "decided_by": decided_by,
                "created": created,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        customer = CustomerRef.from_dict(d.pop("customer"))

        old_limit = d.pop("old_limit")

        new_limit = d.pop("new_limit")

        currency = d.pop("currency")

        reason = d.pop("reason")

        state = d.pop("state")

        requested_by = Person.from_dict(d.pop("requested_by"))

        def _parse_decided_by(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decided_by_type_1 = Person.from_dict(data)

                return decided_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        credit_limit_change = cls(
            id=id,
            customer=customer,
            old_limit=old_limit,
            new_limit=new_limit,
            currency=currency,
            reason=reason,
            state=state,
            requested_by=requested_by,
            decided_by=decided_by,
            created=created,
            decided_at=decided_at,
        )

        credit_limit_change.additional_properties = d
        return credit_limit_change

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
