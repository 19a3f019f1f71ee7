from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="RiskOpenTask")


@_attrs_define
class RiskOpenTask:
    """
    Attributes:
        id (int):
        step (str):
        step_label (str):
        assignee (None | Person):
        due (datetime.datetime | None):
    """

    id: int
    step: str
    step_label: str
    assignee: None | Person
    due: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415

        id = self.id

        step = self.step

        step_label = self.step_label

        assignee: dict[str, Any] | None
        if isinstance(self.assignee, Person):
            assignee = self.assignee.to_dict()
        else:
            assignee = self.assignee

        due: None | str
        if isinstance(self.due, datetime.datetime):
            due = self.due.isoformat()
        else:
            due = self.due

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "step": step,
                "step_label": step_label,
                "assignee": assignee,
                "due": due,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        step = d.pop("step")

        step_label = d.pop("step_label")

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

        risk_open_task = cls(
            id=id,
            step=step,
            step_label=step_label,
            assignee=assignee,
            due=due,
        )

        risk_open_task.additional_properties = d
        return risk_open_task

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
