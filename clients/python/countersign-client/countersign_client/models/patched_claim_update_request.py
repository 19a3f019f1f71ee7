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


T = TypeVar("T", bound="PatchedClaimUpdateRequest")


@_attrs_define
class PatchedClaimUpdateRequest:
    """Any subset; `lines`, when given, replaces every line.

    Attributes:
        category (CategoryEnum | Unset): * `personnel` - Personnel
            * `marketing` - Marketing and promotion
            * `travel` - Travel
            * `entertainment` - Business entertainment
            * `other` - Other
        title (str | Unset):
        purpose (str | Unset):
        expense_date (datetime.date | Unset):
        lines (list[LineInputRequest] | Unset):
        hold (int | None | Unset): An approved campaign's budget line (budget hold) to draw on first; null for none.
    """

    category: CategoryEnum | Unset = UNSET
    title: str | Unset = UNSET
    purpose: str | Unset = UNSET
    expense_date: datetime.date | Unset = UNSET
    lines: list[LineInputRequest] | Unset = UNSET
    hold: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        title = self.title

        purpose = self.purpose

        expense_date: str | Unset = UNSET
        if not isinstance(self.expense_date, Unset):
            expense_date = self.expense_date.isoformat()

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        hold: int | None | Unset
        if isinstance(self.hold, Unset):
            hold = UNSET
        else:
            hold = self.hold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if category is not UNSET:
            field_dict["category"] = category
        if title is not UNSET:
            field_dict["title"] = title
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if expense_date is not UNSET:
            field_dict["expense_date"] = expense_date
        if lines is not UNSET:
            field_dict["lines"] = lines
        if hold is not UNSET:
            field_dict["hold"] = hold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_input_request import LineInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        _category = d.pop("category", UNSET)
        category: CategoryEnum | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = CategoryEnum(_category)

        title = d.pop("title", UNSET)

        purpose = d.pop("purpose", UNSET)

        _expense_date = d.pop("expense_date", UNSET)
        expense_date: datetime.date | Unset
        if isinstance(_expense_date, Unset):
            expense_date = UNSET
        else:
            expense_date = datetime.date.fromisoformat(_expense_date)

        _lines = d.pop("lines", UNSET)
        lines: list[LineInputRequest] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = LineInputRequest.from_dict(lines_item_data)

                lines.append(lines_item)

        def _parse_hold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hold = _parse_hold(d.pop("hold", UNSET))

        patched_claim_update_request = cls(
            category=category,
            title=title,
            purpose=purpose,
            expense_date=expense_date,
            lines=lines,
            hold=hold,
        )

        patched_claim_update_request.additional_properties = d
        return patched_claim_update_request

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
