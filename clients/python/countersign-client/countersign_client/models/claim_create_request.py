from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_input_request import LineInputRequest


T = TypeVar("T", bound="ClaimCreateRequest")


@_attrs_define
class ClaimCreateRequest:
    """Only these fields are read: number, state, totals and the submitter are the system's.

    Attributes:
        category (CategoryEnum): * `personnel` - Personnel
            * `marketing` - Marketing and promotion
            * `travel` - Travel
            * `entertainment` - Business entertainment
            * `other` - Other
        title (str):
        expense_date (datetime.date):
        lines (list[LineInputRequest]):
        purpose (str | Unset):  Default: ''.
        hold (int | None | Unset): An approved campaign's budget line (budget hold) to draw on first; null for none.
    """

    category: CategoryEnum
    title: str
    expense_date: datetime.date
    lines: list[LineInputRequest]
    purpose: str | Unset = ""
    hold: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        title = self.title

        expense_date = self.expense_date.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        purpose = self.purpose

        hold: int | None | Unset
        if isinstance(self.hold, Unset):
            hold = UNSET
        else:
            hold = self.hold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "title": title,
                "expense_date": expense_date,
                "lines": lines,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if hold is not UNSET:
            field_dict["hold"] = hold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_input_request import LineInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        category = CategoryEnum(d.pop("category"))

        title = d.pop("title")

        expense_date = datetime.date.fromisoformat(d.pop("expense_date"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineInputRequest.from_dict(lines_item_data)

            lines.append(lines_item)

        purpose = d.pop("purpose", UNSET)

        def _parse_hold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hold = _parse_hold(d.pop("hold", UNSET))

        claim_create_request = cls(
            category=category,
            title=title,
            expense_date=expense_date,
            lines=lines,
            purpose=purpose,
            hold=hold,
        )

        claim_create_request.additional_properties = d
        return claim_create_request

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
