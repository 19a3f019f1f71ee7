from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_available_actions_enum import TaskAvailableActionsEnum

if TYPE_CHECKING:
    from ..models.person import Person
    from ..models.task_request import TaskRequest


T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """
    Attributes:
        id (int):
        process (str):
        request (TaskRequest):
        step (str):
        step_label (str):
        status (str): open, done, cancelled
        assignee (None | Person):
        acting_for (None | Person):
        created (datetime.datetime):
        due (datetime.datetime | None):
        overdue (bool):
        available_actions (list[TaskAvailableActionsEnum]):
        decision (str):
        decided_at (datetime.datetime | None):
    """

    id: int
    process: str
    request: TaskRequest
    step: str
    step_label: str
    status: str
    assignee: None | Person
    acting_for: None | Person
    created: datetime.datetime
    due: datetime.datetime | None
    overdue: bool
    available_actions: list[TaskAvailableActionsEnum]
    decision: str
    decided_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415

        id = self.id

        process = self.process

        request = self.request.to_dict()

        step = self.step

        step_label = self.step_label

        status = self.status

        assignee: dict[str, Any] | None
        if isinstance(self.assignee, Person):
            assignee = self.assignee.to_dict()
        else:
            assignee = self.assignee

        acting_for: dict[str, Any] | None
        if isinstance(self.acting_for, Person):
            acting_for = self.acting_for.to_dict()
        else:
            acting_for = self.acting_for

        created = self.created.isoformat()

        due: None | str
        if isinstance(self.due, datetime.datetime):
            due = self.due.isoformat()
        else:
            due = self.due

        overdue = self.overdue

        available_actions = []
        for available_actions_item_data in self.available_actions:
            available_actions_item = available_actions_item_data.value
            available_actions.append(available_actions_item)

        decision = self.decision

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "process": process,
                "request": request,
                "step": step,
                "step_label": step_label,
                "status": status,
                "assignee": assignee,
                "acting_for": acting_for,
                "created": created,
                "due": due,
                "overdue": overdue,
                "available_actions": available_actions,
                "decision": decision,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415
        from ..models.task_request import TaskRequest  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        process = d.pop("process")

        request = TaskRequest.from_dict(d.pop("request"))

        step = d.pop("step")

        step_label = d.pop("step_label")

        status = d.pop("status")

        def _parse_assignee(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assignee_type_1 = Person.from_dict(data)

                return assignee_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        assignee = _parse_assignee(d.pop("assignee"))

        def _parse_acting_for(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                acting_for_type_1 = Person.from_dict(data)

                return acting_for_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        acting_for = _parse_acting_for(d.pop("acting_for"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        def _parse_due(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_type_0 = datetime.datetime.fromisoformat(data)

                return due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due = _parse_due(d.pop("due"))

        overdue = d.pop("overdue")

        available_actions = []
        _available_actions = d.pop("available_actions")
        for available_actions_item_data in _available_actions:
            available_actions_item = TaskAvailableActionsEnum(available_actions_item_data)

            available_actions.append(available_actions_item)

        decision = d.pop("decision")

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        task = cls(
            id=id,
            process=process,
            request=request,
            step=step,
            step_label=step_label,
            status=status,
            assignee=assignee,
            acting_for=acting_for,
            created=created,
            due=due,
            overdue=overdue,
            available_actions=available_actions,
            decision=decision,
            decided_at=decided_at,
        )

        task.additional_properties = d
        return task

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
