from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.heat_row import HeatRow


T = TypeVar("T", bound="Heatmap")


@_attrs_define
class Heatmap:
    """
    Attributes:
        metric (str): wait: opened -> first held by a person.
        weeks (list[datetime.date]):
        max_ (float): The largest median, hours.
        rows (list[HeatRow]):
    """

    metric: str
    weeks: list[datetime.date]
    max_: float
    rows: list[HeatRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.isoformat()
            weeks.append(weeks_item)

        max_ = self.max_

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
                "weeks": weeks,
                "max": max_,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.heat_row import HeatRow  # noqa: PLC0415

        d = dict(src_dict)
        metric = d.pop("metric")

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = datetime.date.fromisoformat(weeks_item_data)

            weeks.append(weeks_item)

        max_ = d.pop("max")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = HeatRow.from_dict(rows_item_data)

            rows.append(rows_item)

        heatmap = cls(
            metric=metric,
            weeks=weeks,
            max_=max_,
            rows=rows,
        )

        heatmap.additional_properties = d
        return heatmap

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
