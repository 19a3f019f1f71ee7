from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_type_enum import RiskTypeEnum

if TYPE_CHECKING:
    from ..models.person import Person
    from ..models.risk_contract_ref import RiskContractRef
    from ..models.risk_customer_ref import RiskCustomerRef
    from ..models.risk_region import RiskRegion


T = TypeVar("T", bound="Risk")


@_attrs_define
class Risk:
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415
        from ..models.risk_contract_ref import RiskContractRef  # noqa: PLC0415
        from ..models.risk_customer_ref import RiskCustomerRef  # noqa: PLC0415
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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415
        from ..models.risk_contract_ref import RiskContractRef  # noqa: PLC0415
        from ..models.risk_customer_ref import RiskCustomerRef  # noqa: PLC0415
        from ..models.risk_region import RiskRegion  # noqa: PLC0415

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

        risk = cls(
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
        )

        risk.additional_properties = d
        return risk

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
