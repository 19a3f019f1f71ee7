from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum

if TYPE_CHECKING:
    from ..models.line import Line
    from ..models.person import Person


T = TypeVar("T", bound="Claim")


@_attrs_define
class Claim:
    """
    Attributes:
        id (int):
        number (str):
        title (str):
        category (CategoryEnum): * `personnel` - Personnel
            * `marketing` - Marketing and promotion
            * `travel` - Travel
            * `entertainment` - Business entertainment
            * `other` - Other
        purpose (str):
        expense_date (datetime.date):
        state (str): draft, submitted, returned, approved, voucher_approved, paid, rejected, withdrawn
        total (str):
        approved_total (None | str):
        currency (str):
        over_budget (bool):
        over_standard (bool):
        submitter (Person):
        request_id (int | None):
        hold (int | None): The campaign budget line (budget hold) the claim draws on first.
        submitted_at (datetime.datetime | None):
        paid_at (datetime.datetime | None):
        payment_reference (str):
        lines (list[Line]):
    """

    id: int
    number: str
    title: str
    category: CategoryEnum
    purpose: str
    expense_date: datetime.date
    state: str
    total: str
    approved_total: None | str
    currency: str
    over_budget: bool
    over_standard: bool
    submitter: Person
    request_id: int | None
    hold: int | None
    submitted_at: datetime.datetime | None
    paid_at: datetime.datetime | None
    payment_reference: str
    lines: list[Line]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        title = self.title

        category = self.category.value

        purpose = self.purpose

        expense_date = self.expense_date.isoformat()

        state = self.state

        total = self.total

        approved_total: None | str
        approved_total = self.approved_total

        currency = self.currency

        over_budget = self.over_budget

        over_standard = self.over_standard

        submitter = self.submitter.to_dict()

        request_id: int | None
        request_id = self.request_id

        hold: int | None
        hold = self.hold

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        payment_reference = self.payment_reference

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "title": title,
                "category": category,
                "purpose": purpose,
                "expense_date": expense_date,
                "state": state,
                "total": total,
                "approved_total": approved_total,
                "currency": currency,
                "over_budget": over_budget,
                "over_standard": over_standard,
                "submitter": submitter,
                "request_id": request_id,
                "hold": hold,
                "submitted_at": submitted_at,
                "paid_at": paid_at,
                "payment_reference": payment_reference,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line import Line  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        title = d.pop("title")

        category = CategoryEnum(d.pop("category"))

        purpose = d.pop("purpose")

        expense_date = datetime.date.fromisoformat(d.pop("expense_date"))

        state = d.pop("state")

        total = d.pop("total")

        def _parse_approved_total(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_total = _parse_approved_total(d.pop("approved_total"))

        currency = d.pop("currency")

        over_budget = d.pop("over_budget")

        over_standard = d.pop("over_standard")

        submitter = Person.from_dict(d.pop("submitter"))

        def _parse_request_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_hold(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hold = _parse_hold(d.pop("hold"))

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

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        payment_reference = d.pop("payment_reference")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = Line.from_dict(lines_item_data)

            lines.append(lines_item)

        claim = cls(
            id=id,
            number=number,
            title=title,
            category=category,
            purpose=purpose,
            expense_date=expense_date,
            state=state,
            total=total,
            approved_total=approved_total,
            currency=currency,
            over_budget=over_budget,
            over_standard=over_standard,
            submitter=submitter,
            request_id=request_id,
            hold=hold,
            submitted_at=submitted_at,
            paid_at=paid_at,
            payment_reference=payment_reference,
            lines=lines,
        )

        claim.additional_properties = d
        return claim

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
