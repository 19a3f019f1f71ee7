from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WaitingWorked")


@_attrs_define
class WaitingWorked:
    """
    Attributes:
        kind (str):
        step_code (str):
        process (str):
        label (str):
        count (int):
        wait_median (float | None):
        wait_p90 (float | None):
        work_median (float | None):
        work_p90 (float | None):
    """

    kind: str
    step_code: str
    process: str
    label: str
    count: int
    wait_median: float | None
    wait_p90: float | None
    work_median: float | None
    work_p90: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        step_code = self.step_code

        process = self.process

        label = self.label

        count = self.count

        wait_median: float | None
        wait_median = self.wait_median

        wait_p90: float | None
        wait_p90 = self.wait_p90

        work_median: float | None
        work_median = self.work_median

        work_p90: float | None
        work_p90 = self.work_p90

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "step_code": step_code,
                "process": process,
                "label": label,
                "count": count,
                "wait_median": wait_median,
                "wait_p90": wait_p90,
                "work_median": work_median,
                "work_p90": work_p90,
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

        def _parse_wait_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        wait_median = _parse_wait_median(d.pop("wait_median"))

        def _parse_wait_p90(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        wait_p90 = _parse_wait_p90(d.pop("wait_p90"))

        def _parse_work_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_median = _parse_work_median(d.pop("work_median"))

        def _parse_work_p90(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_p90 = _parse_work_p90(d.pop("work_p90"))

        waiting_worked = cls(
            kind=kind,
            step_code=step_code,
            process=process,
            label=label,
            count=count,
            wait_median=wait_median,
            wait_p90=wait_p90,
            work_median=work_median,
            work_p90=work_p90,
        )

        waiting_worked.additional_properties = d
        return waiting_worked

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
