from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Approver")


@_attrs_define
class Approver:
    """
    Attributes:
        count (int):
        median (float | None): Hours (percentile_cont 0.5).
        p90 (float | None): Hours (percentile_cont 0.9).
        max_ (float | None): Hours.
        approver_id (int):
        name (str):
        wait_median (float | None): Hours, opened -> held.
        work_median (float | None): Hours, held -> decided.
        with_due (int):
        on_time (int):
        percent (float | None): On time, of those with a deadline.
        reminders (int):
        escalations (int):
    """

    count: int
    median: float | None
    p90: float | None
    max_: float | None
    approver_id: int
    name: str
    wait_median: float | None
    work_median: float | None
    with_due: int
    on_time: int
    percent: float | None
    reminders: int
    escalations: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        median: float | None
        median = self.median

        p90: float | None
        p90 = self.p90

        max_: float | None
        max_ = self.max_

        approver_id = self.approver_id

        name = self.name

        wait_median: float | None
        wait_median = self.wait_median

        work_median: float | None
        work_median = self.work_median

        with_due = self.with_due

        on_time = self.on_time

        percent: float | None
        percent = self.percent

        reminders = self.reminders

        escalations = self.escalations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "median": median,
                "p90": p90,
                "max": max_,
                "approver_id": approver_id,
                "name": name,
                "wait_median": wait_median,
                "work_median": work_median,
                "with_due": with_due,
                "on_time": on_time,
                "percent": percent,
                "reminders": reminders,
                "escalations": escalations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        def _parse_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median = _parse_median(d.pop("median"))

        def _parse_p90(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p90 = _parse_p90(d.pop("p90"))

        def _parse_max_(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_ = _parse_max_(d.pop("max"))

        approver_id = d.pop("approver_id")

        name = d.pop("name")

        def _parse_wait_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        wait_median = _parse_wait_median(d.pop("wait_median"))

        def _parse_work_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_median = _parse_work_median(d.pop("work_median"))

        with_due = d.pop("with_due")

        on_time = d.pop("on_time")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        reminders = d.pop("reminders")

        escalations = d.pop("escalations")

        approver = cls(
            count=count,
            median=median,
            p90=p90,
            max_=max_,
            approver_id=approver_id,
            name=name,
            wait_median=wait_median,
            work_median=work_median,
            with_due=with_due,
            on_time=on_time,
            percent=percent,
            reminders=reminders,
            escalations=escalations,
        )

        approver.additional_properties = d
        return approver

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
