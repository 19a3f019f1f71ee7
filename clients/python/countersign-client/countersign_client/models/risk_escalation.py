from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RiskEscalation")


@_attrs_define
class RiskEscalation:
    """
    Attributes:
        id (int):
        risk_id (int):
        measure_id (int | None):
        reason (str): assessed, measure_overdue
        level (int): 1 regional manager, 2 sales GM, 3 CEO
        role (str):
        recipients (list[int]):
        created (datetime.datetime):
    """

    id: int
    risk_id: int
    measure_id: int | None
    reason: str
    level: int
    role: str
    recipients: list[int]
    created: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        risk_id = self.risk_id

        measure_id: int | None
        measure_id = self.measure_id

        reason = self.reason

        level = self.level

        role = self.role

        recipients = self.recipients

        created = self.created.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "risk_id": risk_id,
                "measure_id": measure_id,
                "reason": reason,
                "level": level,
                "role": role,
                "recipients": recipients,
                "created": created,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        risk_id = d.pop("risk_id")

        def _parse_measure_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        measure_id = _parse_measure_id(d.pop("measure_id"))

        reason = d.pop("reason")

        level = d.pop("level")

        role = d.pop("role")

        recipients = cast(list[int], d.pop("recipients"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        risk_escalation = cls(
            id=id,
            risk_id=risk_id,
            measure_id=measure_id,
            reason=reason,
            level=level,
            role=role,
            recipients=recipients,
            created=created,
        )

        risk_escalation.additional_properties = d
        return risk_escalation

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
