from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_rating_enum import CustomerRatingEnum

if TYPE_CHECKING:
    from ..models.credit_limit_change import CreditLimitChange
    from ..models.customer_class_change import CustomerClassChange
    from ..models.customer_region import CustomerRegion
    from ..models.history_event import HistoryEvent
    from ..models.person import Person


T = TypeVar("T", bound="CustomerDetail")


@_attrs_define
class CustomerDetail:
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
        contacts (str):
        pending_limit_change (CreditLimitChange | None):
        contracts_count (int): Contracts of this customer you may see, each counted once (superseded versions left out).
        history (list[HistoryEvent]):
        class_history (list[CustomerClassChange]):
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
    contacts: str
    pending_limit_change: CreditLimitChange | None
    contracts_count: int
    history: list[HistoryEvent]
    class_history: list[CustomerClassChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_limit_change import CreditLimitChange  # noqa: PLC0415

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

        contacts = self.contacts

        pending_limit_change: dict[str, Any] | None
        if isinstance(self.pending_limit_change, CreditLimitChange):
            pending_limit_change = self.pending_limit_change.to_dict()
        else:
            pending_limit_change = self.pending_limit_change

        contracts_count = self.contracts_count

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        class_history = []
        for class_history_item_data in self.class_history:
            class_history_item = class_history_item_data.to_dict()
            class_history.append(class_history_item)

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
                "contacts": contacts,
                "pending_limit_change": pending_limit_change,
                "contracts_count": contracts_count,
                "history": history,
                "class_history": class_history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_limit_change import CreditLimitChange  # noqa: PLC0415
        from ..models.customer_class_change import CustomerClassChange  # noqa: PLC0415
        from ..models.customer_region import CustomerRegion  # noqa: PLC0415
        from ..models.history_event import HistoryEvent  # noqa: PLC0415
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

        contacts = d.pop("contacts")

        def _parse_pending_limit_change(data: object) -> CreditLimitChange | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pending_limit_change_type_1 = CreditLimitChange.from_dict(data)

                return pending_limit_change_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditLimitChange | None, data)

        pending_limit_change = _parse_pending_limit_change(d.pop("pending_limit_change"))

        contracts_count = d.pop("contracts_count")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEvent.from_dict(history_item_data)

            history.append(history_item)

        class_history = []
        _class_history = d.pop("class_history")
        for class_history_item_data in _class_history:
            class_history_item = CustomerClassChange.from_dict(class_history_item_data)

            class_history.append(class_history_item)

        customer_detail = cls(
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
            contacts=contacts,
            pending_limit_change=pending_limit_change,
            contracts_count=contracts_count,
            history=history,
            class_history=class_history,
        )

        customer_detail.additional_properties = d
        return customer_detail

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
