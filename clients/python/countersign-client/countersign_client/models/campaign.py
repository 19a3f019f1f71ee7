from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_state_enum import CampaignStateEnum
from ..models.campaign_type_enum import CampaignTypeEnum

T = TypeVar("T", bound="Campaign")


@_attrs_define
class Campaign:
    """
    Attributes:
        id (int):
        number (str):
        theme (str):
        type_ (CampaignTypeEnum): * `trade_show` - Trade show
            * `launch` - Product launch
            * `online` - Online campaign
            * `customer_event` - Customer event
        start (datetime.date):
        end (datetime.date):
        place (str):
        owner (int):
        department (int):
        total (str):
        over_budget (bool):
        state (CampaignStateEnum): * `draft` - Draft
            * `submitted` - In approval
            * `returned` - Returned for revision
            * `approved` - Approved
            * `evaluating` - Ended, being evaluated
            * `closed` - Evaluated
            * `rejected` - Rejected
            * `withdrawn` - Withdrawn
    """

    id: int
    number: str
    theme: str
    type_: CampaignTypeEnum
    start: datetime.date
    end: datetime.date
    place: str
    owner: int
    department: int
    total: str
    over_budget: bool
    state: CampaignStateEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        theme = self.theme

        type_ = self.type_.value

        start = self.start.isoformat()

        end = self.end.isoformat()

        place = self.place

        owner = self.owner

        department = self.department

        total = self.total

        over_budget = self.over_budget

        state = self.state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "theme": theme,
                "type": type_,
                "start": start,
                "end": end,
                "place": place,
                "owner": owner,
                "department": department,
                "total": total,
                "over_budget": over_budget,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        theme = d.pop("theme")

        type_ = CampaignTypeEnum(d.pop("type"))

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        place = d.pop("place")

        owner = d.pop("owner")

        department = d.pop("department")

        total = d.pop("total")

        over_budget = d.pop("over_budget")

        state = CampaignStateEnum(d.pop("state"))

        campaign = cls(
            id=id,
            number=number,
            theme=theme,
            type_=type_,
            start=start,
            end=end,
            place=place,
            owner=owner,
            department=department,
            total=total,
            over_budget=over_budget,
            state=state,
        )

        campaign.additional_properties = d
        return campaign

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
