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


T = TypeVar("T", bound="CampaignInRequest")


@_attrs_define
class CampaignInRequest:
    """
    Attributes:
        theme (str):
        type_ (CampaignTypeEnum): * `trade_show` - Trade show
            * `launch` - Product launch
            * `online` - Online campaign
            * `customer_event` - Customer event
        start (datetime.date):
        end (datetime.date):
        place (str):
        lines (list[LineInRequest]):
        regions (list[int] | Unset):
        content (str | Unset):  Default: ''.
        audience (str | Unset):  Default: ''.
        expected_leads (int | Unset):  Default: 0.
        expected_attendees (int | Unset):  Default: 0.
        expected_value (str | Unset):  Default: '0.00'.
    """

    theme: str
    type_: CampaignTypeEnum
    start: datetime.date
    end: datetime.date
    place: str
    lines: list[LineInRequest]
    regions: list[int] | Unset = UNSET
    content: str | Unset = ""
    audience: str | Unset = ""
    expected_leads: int | Unset = 0
    expected_attendees: int | Unset = 0
    expected_value: str | Unset = "0.00"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        theme = self.theme

        type_ = self.type_.value

        start = self.start.isoformat()

        end = self.end.isoformat()

        place = self.place

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        regions: list[int] | Unset = UNSET
        if not isinstance(self.regions, Unset):
            regions = self.regions

        content = self.content

        audience = self.audience

        expected_leads = self.expected_leads

        expected_attendees = self.expected_attendees

        expected_value = self.expected_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "theme": theme,
                "type": type_,
                "start": start,
                "end": end,
                "place": place,
                "lines": lines,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_in_request import LineInRequest  # noqa: PLC0415

        d = dict(src_dict)
        theme = d.pop("theme")

        type_ = CampaignTypeEnum(d.pop("type"))

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        place = d.pop("place")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineInRequest.from_dict(lines_item_data)

            lines.append(lines_item)

        regions = cast(list[int], d.pop("regions", UNSET))

        content = d.pop("content", UNSET)

        audience = d.pop("audience", UNSET)

        expected_leads = d.pop("expected_leads", UNSET)

        expected_attendees = d.pop("expected_attendees", UNSET)

        expected_value = d.pop("expected_value", UNSET)

        campaign_in_request = cls(
            theme=theme,
            type_=type_,
            start=start,
            end=end,
            place=place,
            lines=lines,
            regions=regions,
            content=content,
            audience=audience,
            expected_leads=expected_leads,
            expected_attendees=expected_attendees,
            expected_value=expected_value,
        )

        campaign_in_request.additional_properties = d
        return campaign_in_request

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
