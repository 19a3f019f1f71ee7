from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_detail_available_actions_enum import RiskDetailAvailableActionsEnum
from ..models.risk_type_enum import RiskTypeEnum

if TYPE_CHECKING:
    from ..models.history_event import HistoryEvent
    from ..models.person import Person
    from ..models.risk_assessment import RiskAssessment
    from ..models.risk_contract_ref import RiskContractRef
    from ..models.risk_customer_ref import RiskCustomerRef
    from ..models.risk_escalation import RiskEscalation
    from ..models.risk_measure import RiskMeasure
    from ..models.risk_open_task import RiskOpenTask
    from ..models.risk_region import RiskRegion
    from ..models.risk_review import RiskReview


T = TypeVar("T", bound="RiskDetail")


@_attrs_define
class RiskDetail:
    """
    Attributes:
        id (int):
        number (str):
        type_ (RiskTypeEnum): * `market` - Market
            * `credit` - Credit
            * `legal` - Legal
            * `competition` - Competition
            * `other` - Other
        type_label (str):
        title (str):
        description (str):
        customer (None | RiskCustomerRef):
        contract (None | RiskContractRef):
        region (None | RiskRegion):
        likelihood (int | None):
        impact (int | None):
        score (int | None):
        level (str): low, medium, high, critical or empty (not assessed)
        level_label (str):
        state (str): identified, assessed, plan_submitted, plan_returned, mitigating, monitoring, closing, closed
        state_label (str):
        owner (Person):
        identified_by (None | Person): Null: raised by the system.
        source (str):
        overdue (bool): A measure or a review is past due.
        request_id (int | None):
        created (datetime.datetime):
        assessed_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        routed_role (str): Whose approval the risk waits for.
        open_task (None | RiskOpenTask):
        available_actions (list[RiskDetailAvailableActionsEnum]):
        assessments (list[RiskAssessment]):
        measures (list[RiskMeasure]):
        reviews (list[RiskReview]):
        escalations (list[RiskEscalation]):
        history (list[HistoryEvent]):
    """

    id: int
    number: str
    type_: RiskTypeEnum
    type_label: str
    title: str
    description: str
    customer: None | RiskCustomerRef
    contract: None | RiskContractRef
    region: None | RiskRegion
    likelihood: int | None
    impact: int | None
    score: int | None
    level: str
    level_label: str
    state: str
    state_label: str
    owner: Person
    identified_by: None | Person
    source: str
    overdue: bool
    request_id: int | None
    created: datetime.datetime
    assessed_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    routed_role: str
    open_task: None | RiskOpenTask
    available_actions: list[RiskDetailAvailableActionsEnum]
    assessments: list[RiskAssessment]
    measures: list[RiskMeasure]
    reviews: list[RiskReview]
    escalations: list[RiskEscalation]
    history: list[HistoryEvent]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415
        from ..models.risk_contract_ref import RiskContractRef  # noqa: PLC0415
        from ..models.risk_customer_ref import RiskCustomerRef  # noqa: PLC0415
        from ..models.risk_open_task import RiskOpenTask  # noqa: PLC0415
        from ..models.risk_region import RiskRegion  # noqa: PLC0415

        id = self.id

        number = self.number

        type_ = self.type_.value

        type_label = self.type_label

        title = self.title

        description = self.description

        customer: dict[str, Any] | None
        if isinstance(self.customer, RiskCustomerRef):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        contract: dict[str, Any] | None
        if isinstance(self.contract, RiskContractRef):
            contract = self.contract.to_dict()
        else:
            contract = self.contract

        region: dict[str, Any] | None
        if isinstance(self.region, RiskRegion):
            region = self.region.to_dict()
        else:
            region = self.region

        likelihood: int | None
        likelihood = self.likelihood

        impact: int | None
        impact = self.impact

        score: int | None
        score = self.score

        level = self.level

        level_label = self.level_label

        state = self.state

        state_label = self.state_label

        owner = self.owner.to_dict()

        identified_by: dict[str, Any] | None
        if isinstance(self.identified_by, Person):
            identified_by = self.identified_by.to_dict()
        else:
            identified_by = self.identified_by

        source = self.source

        overdue = self.overdue

        request_id: int | None
        request_id = self.request_id

        created = self.created.isoformat()

        assessed_at: None | str
        if isinstance(self.assessed_at, datetime.datetime):
            assessed_at = self.assessed_at.isoformat()
        else:
            assessed_at = self.assessed_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        routed_role = self.routed_role

        open_task: dict[str, Any] | None
        if isinstance(self.open_task, RiskOpenTask):
            open_task = self.open_task.to_dict()
        else:
            open_task = self.open_task

        available_actions = []
        for available_actions_item_data in self.available_actions:
            available_actions_item = available_actions_item_data.value
            available_actions.append(available_actions_item)

        assessments = []
        for assessments_item_data in self.assessments:
            assessments_item = assessments_item_data.to_dict()
            assessments.append(assessments_item)

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        escalations = []
        for escalations_item_data in self.escalations:
            escalations_item = escalations_item_data.to_dict()
            escalations.append(escalations_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "type": type_,
                "type_label": type_label,
                "title": title,
                "description": description,
                "customer": customer,
                "contract": contract,
                "region": region,
                "likelihood": likelihood,
                "impact": impact,
                "score": score,
                "level": level,
                "level_label": level_label,
                "state": state,
                "state_label": state_label,
                "owner": owner,
                "identified_by": identified_by,
                "source": source,
                "overdue": overdue,
                "request_id": request_id,
                "created": created,
                "assessed_at": assessed_at,
                "closed_at": closed_at,
                "routed_role": routed_role,
                "open_task": open_task,
                "available_actions": available_actions,
                "assessments": assessments,
                "measures": measures,
                "reviews": reviews,
                "escalations": escalations,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_event import HistoryEvent  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415
        from ..models.risk_assessment import RiskAssessment  # noqa: PLC0415
        from ..models.risk_contract_ref import RiskContractRef  # noqa: PLC0415
        from ..models.risk_customer_ref import RiskCustomerRef  # noqa: PLC0415
        from ..models.risk_escalation import RiskEscalation  # noqa: PLC0415
        from ..models.risk_measure import RiskMeasure  # noqa: PLC0415
        from ..models.risk_open_task import RiskOpenTask  # noqa: PLC0415
        from ..models.risk_region import RiskRegion  # noqa: PLC0415
        from ..models.risk_review import RiskReview  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        type_ = RiskTypeEnum(d.pop("type"))

        type_label = d.pop("type_label")

        title = d.pop("title")

        description = d.pop("description")

        def _parse_customer(data: object) -> None | RiskCustomerRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_1 = RiskCustomerRef.from_dict(data)

                return customer_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskCustomerRef, data)

        customer = _parse_customer(d.pop("customer"))

        def _parse_contract(data: object) -> None | RiskContractRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contract_type_1 = RiskContractRef.from_dict(data)

                return contract_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskContractRef, data)

        contract = _parse_contract(d.pop("contract"))

        def _parse_region(data: object) -> None | RiskRegion:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                region_type_1 = RiskRegion.from_dict(data)

                return region_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskRegion, data)

        region = _parse_region(d.pop("region"))

        def _parse_likelihood(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        likelihood = _parse_likelihood(d.pop("likelihood"))

        def _parse_impact(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        impact = _parse_impact(d.pop("impact"))

        def _parse_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        score = _parse_score(d.pop("score"))

        level = d.pop("level")

        level_label = d.pop("level_label")

        state = d.pop("state")

        state_label = d.pop("state_label")

        owner = Person.from_dict(d.pop("owner"))

        def _parse_identified_by(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                identified_by_type_1 = Person.from_dict(data)

                return identified_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        identified_by = _parse_identified_by(d.pop("identified_by"))

        source = d.pop("source")

        overdue = d.pop("overdue")

        def _parse_request_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        request_id = _parse_request_id(d.pop("request_id"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        def _parse_assessed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_at_type_0 = datetime.datetime.fromisoformat(data)

                return assessed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        assessed_at = _parse_assessed_at(d.pop("assessed_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        routed_role = d.pop("routed_role")

        def _parse_open_task(data: object) -> None | RiskOpenTask:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                open_task_type_1 = RiskOpenTask.from_dict(data)

                return open_task_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskOpenTask, data)

        open_task = _parse_open_task(d.pop("open_task"))

        available_actions = []
        _available_actions = d.pop("available_actions")
        for available_actions_item_data in _available_actions:
            available_actions_item = RiskDetailAvailableActionsEnum(available_actions_item_data)

            available_actions.append(available_actions_item)

        assessments = []
        _assessments = d.pop("assessments")
        for assessments_item_data in _assessments:
            assessments_item = RiskAssessment.from_dict(assessments_item_data)

            assessments.append(assessments_item)

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = RiskMeasure.from_dict(measures_item_data)

            measures.append(measures_item)

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = RiskReview.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        escalations = []
        _escalations = d.pop("escalations")
        for escalations_item_data in _escalations:
            escalations_item = RiskEscalation.from_dict(escalations_item_data)

            escalations.append(escalations_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEvent.from_dict(history_item_data)

            history.append(history_item)

        risk_detail = cls(
            id=id,
            number=number,
            type_=type_,
            type_label=type_label,
            title=title,
            description=description,
            customer=customer,
            contract=contract,
            region=region,
            likelihood=likelihood,
            impact=impact,
            score=score,
            level=level,
            level_label=level_label,
            state=state,
            state_label=state_label,
            owner=owner,
            identified_by=identified_by,
            source=source,
            overdue=overdue,
            request_id=request_id,
            created=created,
            assessed_at=assessed_at,
            closed_at=closed_at,
            routed_role=routed_role,
            open_task=open_task,
            available_actions=available_actions,
            assessments=assessments,
            measures=measures,
            reviews=reviews,
            escalations=escalations,
            history=history,
        )

        risk_detail.additional_properties = d
        return risk_detail

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
