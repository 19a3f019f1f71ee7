from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.risk_cell import RiskCell


T = TypeVar("T", bound="RiskHeatmap")


@_attrs_define
class RiskHeatmap:
    """
    Attributes:
        total (int):
        cells (list[RiskCell]): 25 cells, impact 5 to 1, likelihood 1 to 5.
    """

    total: int
    cells: list[RiskCell]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.risk_cell import RiskCell  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total")

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = RiskCell.from_dict(cells_item_data)

            cells.append(cells_item)

        risk_heatmap = cls(
            total=total,
            cells=cells,
        )

        risk_heatmap.additional_properties = d
        return risk_heatmap

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
