from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Sla")


@_attrs_define
class Sla:
    """
    Attributes:
        kind (str):
        step_code (str):
        process (str):
        label (str):
        count (int):
        on_time (int):
        late (int):
        percent (float):
    """

    kind: str
    step_code: str
    process: str
    label: str
    count: int
    on_time: int
    late: int
    percent: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        step_code = self.step_code

        process = self.process

        label = self.label

        count = self.count

        on_time = self.on_time

        late = self.late

        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "step_code": step_code,
                "process": process,
                "label": label,
                "count": count,
                "on_time": on_time,
                "late": late,
                "percent": percent,
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

        count = d.pop("count")

        on_time = d.pop("on_time")

        late = d.pop("late")

        percent = d.pop("percent")

        sla = cls(
            kind=kind,
            step_code=step_code,
            process=process,
            label=label,
            count=count,
            on_time=on_time,
            late=late,
            percent=percent,
        )

        sla.additional_properties = d
        return sla

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
