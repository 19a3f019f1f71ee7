from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_state_enum import CampaignStateEnum
from ..models.campaign_type_enum import CampaignTypeEnum

if TYPE_CHECKING:
    from ..models.budget_line import BudgetLine
    from ..models.evaluation import Evaluation


T = TypeVar("T", bound="CampaignDetail")


@_attrs_define
class CampaignDetail:
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
        regions (list[int]):
        content (str):
        audience (str):
        expected_leads (int):
        expected_attendees (int):
        expected_value (str):
        budget (list[BudgetLine]):
        evaluation (Evaluation | None):
        available_actions (list[str]):
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
    regions: list[int]
    content: str
    audience: str
    expected_leads: int
    expected_attendees: int
    expected_value: str
    budget: list[BudgetLine]
    evaluation: Evaluation | None
    available_actions: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.evaluation import Evaluation  # noqa: PLC0415

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

        regions = self.regions

        content = self.content

        audience = self.audience

        expected_leads = self.expected_leads

        expected_attendees = self.expected_attendees

        expected_value = self.expected_value

        budget = []
        for budget_item_data in self.budget:
            budget_item = budget_item_data.to_dict()
            budget.append(budget_item)

        evaluation: dict[str, Any] | None
        if isinstance(self.evaluation, Evaluation):
            evaluation = self.evaluation.to_dict()
        else:
            evaluation = self.evaluation

        available_actions = self.available_actions

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
                "regions": regions,
                "content": content,
                "audience": audience,
                "expected_leads": expected_leads,
                "expected_attendees": expected_attendees,
                "expected_value": expected_value,
                "budget": budget,
                "evaluation": evaluation,
                "available_actions": available_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_line import BudgetLine  # noqa: PLC0415
        from ..models.evaluation import Evaluation  # noqa: PLC0415

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

        regions = cast(list[int], d.pop("regions"))

        content = d.pop("content")

        audience = d.pop("audience")

        expected_leads = d.pop("expected_leads")

        expected_attendees = d.pop("expected_attendees")

        expected_value = d.pop("expected_value")

        budget = []
        _budget = d.pop("budget")
        for budget_item_data in _budget:
            budget_item = BudgetLine.from_dict(budget_item_data)

            budget.append(budget_item)

        def _parse_evaluation(data: object) -> Evaluation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evaluation_type_1 = Evaluation.from_dict(data)

                return evaluation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Evaluation | None, data)

        evaluation = _parse_evaluation(d.pop("evaluation"))

        available_actions = cast(list[str], d.pop("available_actions"))

        campaign_detail = cls(
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
            regions=regions,
            content=content,
            audience=audience,
            expected_leads=expected_leads,
            expected_attendees=expected_attendees,
            expected_value=expected_value,
            budget=budget,
            evaluation=evaluation,
            available_actions=available_actions,
        )

        campaign_detail.additional_properties = d
        return campaign_detail

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
