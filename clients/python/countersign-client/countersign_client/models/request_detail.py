from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_status_enum import RequestStatusEnum

if TYPE_CHECKING:
    from ..models.chain_step import ChainStep
    from ..models.history_event import HistoryEvent
    from ..models.person import Person
    from ..models.task import Task


T = TypeVar("T", bound="RequestDetail")


@_attrs_define
class RequestDetail:
    """
    Attributes:
        kind (str):
        id (int):
        request_id (int):
        number (str):
        title (str):
        status (RequestStatusEnum): * `draft` - Draft
            * `in_review` - In review
            * `returned` - Returned for revision
            * `approved` - Approved
            * `rejected` - Rejected
            * `withdrawn` - Withdrawn
            * `done` - Done
        status_label (str):
        amount (None | str):
        currency (str):
        current_step (str):
        waiting_on (list[Person]):
        since (datetime.datetime): When the request entered its current state (and step).
        submitter (Person):
        step_index (int):
        created (datetime.datetime):
        submitted_at (datetime.datetime | None):
        chain (list[ChainStep]):
        history (list[HistoryEvent]):
        open_tasks (list[Task]): The request's open tasks, each with what you may do on it (the submitter may `urge`).
        urge_count (int): How often its tasks were urged (催办).
        copied_to (list[Person]): Who is copied on it (抄送): they read it and may comment, never decide.
    """

    kind: str
    id: int
    request_id: int
    number: str
    title: str
    status: RequestStatusEnum
    status_label: str
    amount: None | str
    currency: str
    current_step: str
    waiting_on: list[Person]
    since: datetime.datetime
    submitter: Person
    step_index: int
    created: datetime.datetime
    submitted_at: datetime.datetime | None
    chain: list[ChainStep]
    history: list[HistoryEvent]
    open_tasks: list[Task]
    urge_count: int
    copied_to: list[Person]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        id = self.id

        request_id = self.request_id

        number = self.number

        title = self.title

        status = self.status.value

        status_label = self.status_label

        amount: None | str
        amount = self.amount

        currency = self.currency

        current_step = self.current_step

        waiting_on = []
        for waiting_on_item_data in self.waiting_on:
            waiting_on_item = waiting_on_item_data.to_dict()
            waiting_on.append(waiting_on_item)

        since = self.since.isoformat()

        submitter = self.submitter.to_dict()

        step_index = self.step_index

        created = self.created.isoformat()

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        chain = []
        for chain_item_data in self.chain:
            chain_item = chain_item_data.to_dict()
            chain.append(chain_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        open_tasks = []
        for open_tasks_item_data in self.open_tasks:
            open_tasks_item = open_tasks_item_data.to_dict()
            open_tasks.append(open_tasks_item)

        urge_count = self.urge_count

        copied_to = []
        for copied_to_item_data in self.copied_to:
            copied_to_item = copied_to_item_data.to_dict()
            copied_to.append(copied_to_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "request_id": request_id,
                "number": number,
                "title": title,
                "status": status,
                "status_label": status_label,
                "amount": amount,
                "currency": currency,
                "current_step": current_step,
                "waiting_on": waiting_on,
                "since": since,
                "submitter": submitter,
                "step_index": step_index,
                "created": created,
                "submitted_at": submitted_at,
                "chain": chain,
                "history": history,
                "open_tasks": open_tasks,
                "urge_count": urge_count,
                "copied_to": copied_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chain_step import ChainStep  # noqa: PLC0415
        from ..models.history_event import HistoryEvent  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415
        from ..models.task import Task  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

        id = d.pop("id")

        request_id = d.pop("request_id")

        number = d.pop("number")

        title = d.pop("title")

        status = RequestStatusEnum(d.pop("status"))

        status_label = d.pop("status_label")

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        currency = d.pop("currency")

        current_step = d.pop("current_step")

        waiting_on = []
        _waiting_on = d.pop("waiting_on")
        for waiting_on_item_data in _waiting_on:
            waiting_on_item = Person.from_dict(waiting_on_item_data)

            waiting_on.append(waiting_on_item)

        since = datetime.datetime.fromisoformat(d.pop("since"))

        submitter = Person.from_dict(d.pop("submitter"))

        step_index = d.pop("step_index")

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

        chain = []
        _chain = d.pop("chain")
        for chain_item_data in _chain:
            chain_item = ChainStep.from_dict(chain_item_data)

            chain.append(chain_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEvent.from_dict(history_item_data)

            history.append(history_item)

        open_tasks = []
        _open_tasks = d.pop("open_tasks")
        for open_tasks_item_data in _open_tasks:
            open_tasks_item = Task.from_dict(open_tasks_item_data)

            open_tasks.append(open_tasks_item)

        urge_count = d.pop("urge_count")

        copied_to = []
        _copied_to = d.pop("copied_to")
        for copied_to_item_data in _copied_to:
            copied_to_item = Person.from_dict(copied_to_item_data)

            copied_to.append(copied_to_item)

        request_detail = cls(
            kind=kind,
            id=id,
            request_id=request_id,
            number=number,
            title=title,
            status=status,
            status_label=status_label,
            amount=amount,
            currency=currency,
            current_step=current_step,
            waiting_on=waiting_on,
            since=since,
            submitter=submitter,
            step_index=step_index,
            created=created,
            submitted_at=submitted_at,
            chain=chain,
            history=history,
            open_tasks=open_tasks,
            urge_count=urge_count,
            copied_to=copied_to,
        )

        request_detail.additional_properties = d
        return request_detail

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
