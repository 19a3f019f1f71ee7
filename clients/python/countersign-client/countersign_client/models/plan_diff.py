from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_cell_change import PlanCellChange
    from ..models.plan_version import PlanVersion


T = TypeVar("T", bound="PlanDiff")


@_attrs_define
class PlanDiff:
    """
    Attributes:
        before (PlanVersion): The company target, or null for a viewer who sees only their own line (a salesperson);
            the view says which in the context (`sees_target`).
        after (PlanVersion): The company target, or null for a viewer who sees only their own line (a salesperson);
            the view says which in the context (`sees_target`).
        target (list[str] | None): [before, after] when the target changed.
        strategy_changed (bool):
        cells (list[PlanCellChange]):
    """

    before: PlanVersion
    after: PlanVersion
    target: list[str] | None
    strategy_changed: bool
    cells: list[PlanCellChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        before = self.before.to_dict()

        after = self.after.to_dict()

        target: list[str] | None
        if isinstance(self.target, list):
            target = self.target

        else:
            target = self.target

        strategy_changed = self.strategy_changed

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "before": before,
                "after": after,
                "target": target,
                "strategy_changed": strategy_changed,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_cell_change import PlanCellChange  # noqa: PLC0415
        from ..models.plan_version import PlanVersion  # noqa: PLC0415

        d = dict(src_dict)
        before = PlanVersion.from_dict(d.pop("before"))

        after = PlanVersion.from_dict(d.pop("after"))

        def _parse_target(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                target_type_0 = cast(list[str], data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        target = _parse_target(d.pop("target"))

        strategy_changed = d.pop("strategy_changed")

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = PlanCellChange.from_dict(cells_item_data)

            cells.append(cells_item)

        plan_diff = cls(
            before=before,
            after=after,
            target=target,
            strategy_changed=strategy_changed,
            cells=cells,
        )

        plan_diff.additional_properties = d
        return plan_diff

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
