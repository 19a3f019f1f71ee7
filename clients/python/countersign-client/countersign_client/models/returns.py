from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.returns_by_process import ReturnsByProcess
    from ..models.returns_by_step import ReturnsByStep


T = TypeVar("T", bound="Returns")


@_attrs_define
class Returns:
    """
    Attributes:
        by_process (list[ReturnsByProcess]):
        by_step (list[ReturnsByStep]):
    """

    by_process: list[ReturnsByProcess]
    by_step: list[ReturnsByStep]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_process = []
        for by_process_item_data in self.by_process:
            by_process_item = by_process_item_data.to_dict()
            by_process.append(by_process_item)

        by_step = []
        for by_step_item_data in self.by_step:
            by_step_item = by_step_item_data.to_dict()
            by_step.append(by_step_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_process": by_process,
                "by_step": by_step,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.returns_by_process import ReturnsByProcess  # noqa: PLC0415
        from ..models.returns_by_step import ReturnsByStep  # noqa: PLC0415

        d = dict(src_dict)
        by_process = []
        _by_process = d.pop("by_process")
        for by_process_item_data in _by_process:
            by_process_item = ReturnsByProcess.from_dict(by_process_item_data)

            by_process.append(by_process_item)

        by_step = []
        _by_step = d.pop("by_step")
        for by_step_item_data in _by_step:
            by_step_item = ReturnsByStep.from_dict(by_step_item_data)

            by_step.append(by_step_item)

        returns = cls(
            by_process=by_process,
            by_step=by_step,
        )

        returns.additional_properties = d
        return returns

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
