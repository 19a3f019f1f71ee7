from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_type_enum import CampaignTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_in_request import LineInRequest


T = TypeVar("T", bound="PatchedCampaignUpdateRequest")


@_attrs_define
class PatchedCampaignUpdateRequest:
    """
    Attributes:
        theme (str | Unset):
        type_ (CampaignTypeEnum | Unset): * `trade_show` - Trade show
            * `launch` - Product launch
            * `online` - Online campaign
            * `customer_event` - Customer event
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        place (str | Unset):
        regions (list[int] | Unset):
        content (str | Unset):
        audience (str | Unset):
        expected_leads (int | Unset):
        expected_attendees (int | Unset):
        expected_value (str | Unset):
        lines (list[LineInRequest] | Unset):
    """

    theme: str | Unset = UNSET
    type_: CampaignTypeEnum | Unset = UNSET
    start: datetime.date | Unset = UNSET
    end: datetime.date | Unset = UNSET
    place: str | Unset = UNSET
    regions: list[int] | Unset = UNSET
    content: str | Unset = UNSET
    audience: str | Unset = UNSET
    expected_leads: int | Unset = UNSET
    expected_attendees: int | Unset = UNSET
    expected_value: str | Unset = UNSET
    lines: list[LineInRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        theme = self.theme

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        start: str | Unset = UNSET
        if not isinstance(self.start, Unset):
            start = self.start.isoformat()

        end: str | Unset = UNSET
        if not isinstance(self.end, Unset):
            end = self.end.isoformat()

        place = self.place

        regions: list[int] | Unset = UNSET
        if not isinstance(self.regions, Unset):
            regions = self.regions

        content = self.content

        audience = self.audience

        expected_leads = self.expected_leads

        expected_attendees = self.expected_attendees

        expected_value = self.expected_value

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if theme is not UNSET:
            field_dict["theme"] = theme
        if type_ is not UNSET:
            field_dict["type"] = type_
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if place is not UNSET:
            field_dict["place"] = place
        if regions is not UNSET:
            field_dict["regions"] = regions
        if content is not UNSET:
            field_dict["content"] = content
        if audience is not UNSET:
            field_dict["audience"] = audience
        if expected_leads is not UNSET:
            field_dict["expected_leads"] = expected_leads
        if expected_attendees is not UNSET:
            field_dict["expected_attendees"] = expected_attendees
        if expected_value is not UNSET:
            field_dict["expected_value"] = expected_value
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_in_request import LineInRequest  # noqa: PLC0415

        d = dict(src_dict)
        theme = d.pop("theme", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: CampaignTypeEnum | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = CampaignTypeEnum(_type_)

        _start = d.pop("start", UNSET)
        start: datetime.date | Unset
        if isinstance(_start, Unset):
            start = UNSET
        else:
            start = datetime.date.fromisoformat(_start)

        _end = d.pop("end", UNSET)
        end: datetime.date | Unset
        if isinstance(_end, Unset):
            end = UNSET
        else:
            end = datetime.date.fromisoformat(_end)

        place = d.pop("place", UNSET)

        regions = cast(list[int], d.pop("regions", UNSET))

        content = d.pop("content", UNSET)

        audience = d.pop("audience", UNSET)

        expected_leads = d.pop("expected_leads", UNSET)

        expected_attendees = d.pop("expected_attendees", UNSET)

        expected_value = d.pop("expected_value", UNSET)

        _lines = d.pop("lines", UNSET)
        lines: list[LineInRequest] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = LineInRequest.from_dict(lines_item_data)

                lines.append(lines_item)

        patched_campaign_update_request = cls(
            theme=theme,
            type_=type_,
            start=start,
            end=end,
            place=place,
            regions=regions,
            content=content,
            audience=audience,
            expected_leads=expected_leads,
            expected_attendees=expected_attendees,
            expected_value=expected_value,
            lines=lines,
        )

        patched_campaign_update_request.additional_properties = d
        return patched_campaign_update_request

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
