from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trigger_enum import TriggerEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_file import ReportFile


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """
    Attributes:
        id (int):
        number (str):
        trigger (TriggerEnum): * `scheduled` - Scheduled
            * `on_demand` - On demand
        period_start (datetime.date):
        period_end (datetime.date):
        files (list[ReportFile]):
        created (datetime.datetime | Unset):
    """

    id: int
    number: str
    trigger: TriggerEnum
    period_start: datetime.date
    period_end: datetime.date
    files: list[ReportFile]
    created: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        trigger = self.trigger.value

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "trigger": trigger,
                "period_start": period_start,
                "period_end": period_end,
                "files": files,
            }
        )
        if created is not UNSET:
            field_dict["created"] = created

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_file import ReportFile  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        trigger = TriggerEnum(d.pop("trigger"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        files = []
        _files = d.pop("files")
        for files_item_data in _files:
            files_item = ReportFile.from_dict(files_item_data)

            files.append(files_item)

        _created = d.pop("created", UNSET)
        created: datetime.datetime | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = datetime.datetime.fromisoformat(_created)

        report = cls(
            id=id,
            number=number,
            trigger=trigger,
            period_start=period_start,
            period_end=period_end,
            files=files,
            created=created,
        )

        report.additional_properties = d
        return report

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
