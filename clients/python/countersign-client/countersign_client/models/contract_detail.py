from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_detail_available_actions_enum import ContractDetailAvailableActionsEnum

if TYPE_CHECKING:
    from ..models.contract_line import ContractLine
    from ..models.contract_version import ContractVersion
    from ..models.credit_check import CreditCheck
    from ..models.customer_ref import CustomerRef
    from ..models.execution_problem import ExecutionProblem
    from ..models.history_event import HistoryEvent
    from ..models.milestone import Milestone
    from ..models.person import Person


T = TypeVar("T", bound="ContractDetail")


@_attrs_define
class ContractDetail:
    """
    Attributes:
        id (int):
        number (str): Empty until the contract is submitted.
        version (int):
        title (str):
        customer (CustomerRef):
        value (str):
        currency (str):
        payment_terms_days (int):
        state (str): draft, in_review, returned, signed, rejected, withdrawn, superseded
        state_label (str):
        credit_breach (bool):
        owner (Person):
        created (datetime.datetime):
        submitted_at (datetime.datetime | None):
        signed_at (datetime.datetime | None):
        request_id (int | None):
        previous (int | None): The version this one amends.
        delivery_terms (str):
        key_clauses (str):
        lines (list[ContractLine]): Product lines; their values add up to `value`.
        credit_check (CreditCheck | None):
        versions (list[ContractVersion]): Every version you may see, oldest first.
        milestones (list[Milestone]):
        problems (list[ExecutionProblem]):
        history (list[HistoryEvent]):
        available_actions (list[ContractDetailAvailableActionsEnum]): What you may do now; review decisions are tasks
            (/api/tasks/).
    """

    id: int
    number: str
    version: int
    title: str
    customer: CustomerRef
    value: str
    currency: str
    payment_terms_days: int
    state: str
    state_label: str
    credit_breach: bool
    owner: Person
    created: datetime.datetime
    submitted_at: datetime.datetime | None
    signed_at: datetime.datetime | None
    request_id: int | None
    previous: int | None
    delivery_terms: str
    key_clauses: str
    lines: list[ContractLine]
    credit_check: CreditCheck | None
    versions: list[ContractVersion]
    milestones: list[Milestone]
    problems: list[ExecutionProblem]
    history: list[HistoryEvent]
    available_actions: list[ContractDetailAvailableActionsEnum]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_check import CreditCheck  # noqa: PLC0415

        id = self.id

        number = self.number

        version = self.version

        title = self.title

        customer = self.customer.to_dict()

        value = self.value

        currency = self.currency

        payment_terms_days = self.payment_terms_days

        state = self.state

        state_label = self.state_label

        credit_breach = self.credit_breach

        owner = self.owner.to_dict()

        created = self.created.isoformat()

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        request_id: int | None
        request_id = self.request_id

        previous: int | None
        previous = self.previous

        delivery_terms = self.delivery_terms

        key_clauses = self.key_clauses

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        credit_check: dict[str, Any] | None
        if isinstance(self.credit_check, CreditCheck):
            credit_check = self.credit_check.to_dict()
        else:
            credit_check = self.credit_check

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        available_actions = []
        for available_actions_item_data in self.available_actions:
            available_actions_item = available_actions_item_data.value
            available_actions.append(available_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "version": version,
                "title": title,
                "customer": customer,
                "value": value,
                "currency": currency,
                "payment_terms_days": payment_terms_days,
                "state": state,
                "state_label": state_label,
                "credit_breach": credit_breach,
                "owner": owner,
                "created": created,
                "submitted_at": submitted_at,
                "signed_at": signed_at,
                "request_id": request_id,
                "previous": previous,
                "delivery_terms": delivery_terms,
                "key_clauses": key_clauses,
                "lines": lines,
                "credit_check": credit_check,
                "versions": versions,
                "milestones": milestones,
                "problems": problems,
                "history": history,
                "available_actions": available_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_line import ContractLine  # noqa: PLC0415
        from ..models.contract_version import ContractVersion  # noqa: PLC0415
        from ..models.credit_check import CreditCheck  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.execution_problem import ExecutionProblem  # noqa: PLC0415
        from ..models.history_event import HistoryEvent  # noqa: PLC0415
        from ..models.milestone import Milestone  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        version = d.pop("version")

        title = d.pop("title")

        customer = CustomerRef.from_dict(d.pop("customer"))

        value = d.pop("value")

        currency = d.pop("currency")

        payment_terms_days = d.pop("payment_terms_days")

        state = d.pop("state")

        state_label = d.pop("state_label")

        credit_breach = d.pop("credit_breach")

        owner = Person.from_dict(d.pop("owner"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

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

        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))

        def _parse_request_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_previous(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous = _parse_previous(d.pop("previous"))

        delivery_terms = d.pop("delivery_terms")

        key_clauses = d.pop("key_clauses")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ContractLine.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_credit_check(data: object) -> CreditCheck | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credit_check_type_1 = CreditCheck.from_dict(data)

                return credit_check_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditCheck | None, data)

        credit_check = _parse_credit_check(d.pop("credit_check"))

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = ContractVersion.from_dict(versions_item_data)

            versions.append(versions_item)

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = Milestone.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = ExecutionProblem.from_dict(problems_item_data)

            problems.append(problems_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEvent.from_dict(history_item_data)

            history.append(history_item)

        available_actions = []
        _available_actions = d.pop("available_actions")
        for available_actions_item_data in _available_actions:
            available_actions_item = ContractDetailAvailableActionsEnum(available_actions_item_data)

            available_actions.append(available_actions_item)

        contract_detail = cls(
            id=id,
            number=number,
            version=version,
            title=title,
            customer=customer,
            value=value,
            currency=currency,
            payment_terms_days=payment_terms_days,
            state=state,
            state_label=state_label,
            credit_breach=credit_breach,
            owner=owner,
            created=created,
            submitted_at=submitted_at,
            signed_at=signed_at,
            request_id=request_id,
            previous=previous,
            delivery_terms=delivery_terms,
            key_clauses=key_clauses,
            lines=lines,
            credit_check=credit_check,
            versions=versions,
            milestones=milestones,
            problems=problems,
            history=history,
            available_actions=available_actions,
        )

        contract_detail.additional_properties = d
        return contract_detail

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
