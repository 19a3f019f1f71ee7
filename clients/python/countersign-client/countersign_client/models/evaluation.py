from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_evaluation_state_enum import CampaignEvaluationStateEnum

T = TypeVar("T", bound="Evaluation")


@_attrs_define
class Evaluation:
    """
    Attributes:
        state (CampaignEvaluationStateEnum): * `open` - To be filed
            * `submitted` - In review
            * `returned` - Returned for revision
            * `approved` - Approved
        due (datetime.date):
        leads (int):
        attendees (int):
        customers_met (int):
        contracts (list[int]):
        contracts_value (str):
        spent (str):
        cost_per_lead (None | str):
        return_on_spend (None | str):
        lessons (str):
    """

    state: CampaignEvaluationStateEnum
    due: datetime.date
    leads: int
    attendees: int
    customers_met: int
    contracts: list[int]
    contracts_value: str
    spent: str
    cost_per_lead: None | str
    return_on_spend: None | str
    lessons: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        due = self.due.isoformat()

        leads = self.leads

        attendees = self.attendees

        customers_met = self.customers_met

        contracts = self.contracts

        contracts_value = self.contracts_value

        spent = self.spent

        cost_per_lead: None | str
        cost_per_lead = self.cost_per_lead

        return_on_spend: None | str
        return_on_spend = self.return_on_spend

        lessons = self.lessons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "due": due,
                "leads": leads,
                "attendees": attendees,
                "customers_met": customers_met,
                "contracts": contracts,
                "contracts_value": contracts_value,
                "spent": spent,
                "cost_per_lead": cost_per_lead,
                "return_on_spend": return_on_spend,
                "lessons": lessons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state = CampaignEvaluationStateEnum(d.pop("state"))

        due = datetime.date.fromisoformat(d.pop("due"))

        leads = d.pop("leads")

        attendees = d.pop("attendees")

        customers_met = d.pop("customers_met")

        contracts = cast(list[int], d.pop("contracts"))

        contracts_value = d.pop("contracts_value")

        spent = d.pop("spent")

        def _parse_cost_per_lead(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cost_per_lead = _parse_cost_per_lead(d.pop("cost_per_lead"))

        def _parse_return_on_spend(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        return_on_spend = _parse_return_on_spend(d.pop("return_on_spend"))

        lessons = d.pop("lessons")

        evaluation = cls(
            state=state,
            due=due,
            leads=leads,
            attendees=attendees,
            customers_met=customers_met,
            contracts=contracts,
            contracts_value=contracts_value,
            spent=spent,
            cost_per_lead=cost_per_lead,
            return_on_spend=return_on_spend,
            lessons=lessons,
        )

        evaluation.additional_properties = d
        return evaluation

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
