from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanConfirmation")


@_attrs_define
class PlanConfirmation:
    """
    Attributes:
        region (str):
        region_name (str):
        task (int):
        status (str): open, done, cancelled
        decision (str): approved (confirmed), returned (pushed back)
        holder (str):
        decided_by (str):
        decided_at (datetime.datetime | None):
        comment (str):
    """

    region: str
    region_name: str
    task: int
    status: str
    decision: str
    holder: str
    decided_by: str
    decided_at: datetime.datetime | None
    comment: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        region_name = self.region_name

        task = self.task

        status = self.status

        decision = self.decision

        holder = self.holder

        decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "region_name": region_name,
                "task": task,
                "status": status,
                "decision": decision,
                "holder": holder,
                "decided_by": decided_by,
                "decided_at": decided_at,
                "comment": comment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        region = d.pop("region")

        region_name = d.pop("region_name")

        task = d.pop("task")

        status = d.pop("status")

        decision = d.pop("decision")

        holder = d.pop("holder")

        decided_by = d.pop("decided_by")

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        comment = d.pop("comment")

        plan_confirmation = cls(
            region=region,
            region_name=region_name,
            task=task,
            status=status,
            decision=decision,
            holder=holder,
            decided_by=decided_by,
            decided_at=decided_at,
            comment=comment,
        )

        plan_confirmation.additional_properties = d
        return plan_confirmation

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
