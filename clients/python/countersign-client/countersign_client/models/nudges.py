from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Nudges")


@_attrs_define
class Nudges:
    """
    Attributes:
        kind (str):
        step_code (str):
        process (str):
        label (str):
        decided (int):
        reminded (int): Tasks with an automatic reminder.
        reminders (int):
        escalated (int): Tasks escalated at least once.
        escalations (int):
        urges (int): Manual reminders by a person.
    """

    kind: str
    step_code: str
    process: str
    label: str
    decided: int
    reminded: int
    reminders: int
    escalated: int
    escalations: int
    urges: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        step_code = self.step_code

        process = self.process

        label = self.label

        decided = self.decided

        reminded = self.reminded

        reminders = self.reminders

        escalated = self.escalated

        escalations = self.escalations

        urges = self.urges

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "step_code": step_code,
                "process": process,
                "label": label,
                "decided": decided,
                "reminded": reminded,
                "reminders": reminders,
                "escalated": escalated,
                "escalations": escalations,
                "urges": urges,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        step_code = d.pop("step_code")

        process = d.pop("process")

        label = d.pop("label")

        decided = d.pop("decided")

        reminded = d.pop("reminded")

        reminders = d.pop("reminders")

        escalated = d.pop("escalated")

        escalations = d.pop("escalations")

        urges = d.pop("urges")

        nudges = cls(
            kind=kind,
            step_code=step_code,
            process=process,
            label=label,
            decided=decided,
            reminded=reminded,
            reminders=reminders,
            escalated=escalated,
            escalations=escalations,
            urges=urges,
        )

        nudges.additional_properties = d
        return nudges

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
