from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContractStatsCollections")


@_attrs_define
class ContractStatsCollections:
    """
    Attributes:
        on_time (int):
        late (int):
        overdue (int):
        measured (int): Done or past due: the rate's base.
        on_time_percent (None | str): Percent, one decimal; null when nothing counts.
        overdue_amount (str):
        overdue_30 (int):
        overdue_30_amount (str):
        open_amount (str):
    """

    on_time: int
    late: int
    overdue: int
    measured: int
    on_time_percent: None | str
    overdue_amount: str
    overdue_30: int
    overdue_30_amount: str
    open_amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on_time = self.on_time

        late = self.late

        overdue = self.overdue

        measured = self.measured

        on_time_percent: None | str
        on_time_percent = self.on_time_percent

        overdue_amount = self.overdue_amount

        overdue_30 = self.overdue_30

        overdue_30_amount = self.overdue_30_amount

        open_amount = self.open_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on_time": on_time,
                "late": late,
                "overdue": overdue,
                "measured": measured,
                "on_time_percent": on_time_percent,
                "overdue_amount": overdue_amount,
                "overdue_30": overdue_30,
                "overdue_30_amount": overdue_30_amount,
                "open_amount": open_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on_time = d.pop("on_time")

        late = d.pop("late")

        overdue = d.pop("overdue")

        measured = d.pop("measured")

        def _parse_on_time_percent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        on_time_percent = _parse_on_time_percent(d.pop("on_time_percent"))

        overdue_amount = d.pop("overdue_amount")

        overdue_30 = d.pop("overdue_30")

        overdue_30_amount = d.pop("overdue_30_amount")

        open_amount = d.pop("open_amount")

        contract_stats_collections = cls(
            on_time=on_time,
            late=late,
            overdue=overdue,
            measured=measured,
            on_time_percent=on_time_percent,
            overdue_amount=overdue_amount,
            overdue_30=overdue_30,
            overdue_30_amount=overdue_30_amount,
            open_amount=open_amount,
        )

        contract_stats_collections.additional_properties = d
        return contract_stats_collections

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
