from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.heat_cell import HeatCell


T = TypeVar("T", bound="HeatRow")


@_attrs_define
class HeatRow:
    """
    Attributes:
        kind (str):
        step_code (str):
        process (str):
        label (str):
        cells (list[HeatCell]):
    """

    kind: str
    step_code: str
    process: str
    label: str
    cells: list[HeatCell]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        step_code = self.step_code

        process = self.process

        label = self.label

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "step_code": step_code,
                "process": process,
                "label": label,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.heat_cell import HeatCell  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

        step_code = d.pop("step_code")

        process = d.pop("process")

        label = d.pop("label")

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = HeatCell.from_dict(cells_item_data)

            cells.append(cells_item)

        heat_row = cls(
            kind=kind,
            step_code=step_code,
            process=process,
            label=label,
            cells=cells,
        )

        heat_row.additional_properties = d
        return heat_row

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
