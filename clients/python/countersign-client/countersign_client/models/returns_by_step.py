from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReturnsByStep")


@_attrs_define
class ReturnsByStep:
    """
    Attributes:
        kind (str):
        step_code (str):
        process (str):
        label (str):
        decisions (int):
        returns (int):
        percent (float):
    """

    kind: str
    step_code: str
    process: str
    label: str
    decisions: int
    returns: int
    percent: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        step_code = self.step_code

        process = self.process

        label = self.label

        decisions = self.decisions

        returns = self.returns

        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "step_code": step_code,
                "process": process,
                "label": label,
                "decisions": decisions,
                "returns": returns,
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

        decisions = d.pop("decisions")

        returns = d.pop("returns")

        percent = d.pop("percent")

        returns_by_step = cls(
            kind=kind,
            step_code=step_code,
            process=process,
            label=label,
            decisions=decisions,
            returns=returns,
            percent=percent,
        )

        returns_by_step.additional_properties = d
        return returns_by_step

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
