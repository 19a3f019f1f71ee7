from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetVersion")


@_attrs_define
class BudgetVersion:
    """
    Attributes:
        id (int):
        number (str):
        version (int):
        state (str): draft, submitted, returned, in_force, rejected, withdrawn, superseded
        total (str):
        reason (str):
        in_force_at (datetime.datetime | None):
    """

    id: int
    number: str
    version: int
    state: str
    total: str
    reason: str
    in_force_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        version = self.version

        state = self.state

        total = self.total

        reason = self.reason

        in_force_at: None | str
        if isinstance(self.in_force_at, datetime.datetime):
            in_force_at = self.in_force_at.isoformat()
        else:
            in_force_at = self.in_force_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "version": version,
                "state": state,
                "total": total,
                "reason": reason,
                "in_force_at": in_force_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        version = d.pop("version")

        state = d.pop("state")

        total = d.pop("total")

        reason = d.pop("reason")

        def _parse_in_force_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_force_at_type_0 = datetime.datetime.fromisoformat(data)

                return in_force_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        in_force_at = _parse_in_force_at(d.pop("in_force_at"))

        budget_version = cls(
            id=id,
            number=number,
            version=version,
            state=state,
            total=total,
            reason=reason,
            in_force_at=in_force_at,
        )

        budget_version.additional_properties = d
        return budget_version

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
