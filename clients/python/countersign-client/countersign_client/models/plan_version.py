from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanVersion")


@_attrs_define
class PlanVersion:
    """The company target, or null for a viewer who sees only their own line (a salesperson);
    the view says which in the context (`sees_target`).

        Attributes:
            id (int):
            version (int):
            state (str): draft, confirming, confirmed, in_sign_off, published, returned, withdrawn, superseded
            target (None | str):
            revision_reason (str):
            published_at (datetime.datetime | None):
    """

    id: int
    version: int
    state: str
    target: None | str
    revision_reason: str
    published_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version = self.version

        state = self.state

        target: None | str
        target = self.target

        revision_reason = self.revision_reason

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "state": state,
                "target": target,
                "revision_reason": revision_reason,
                "published_at": published_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        state = d.pop("state")

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        revision_reason = d.pop("revision_reason")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        plan_version = cls(
            id=id,
            version=version,
            state=state,
            target=target,
            revision_reason=revision_reason,
            published_at=published_at,
        )

        plan_version.additional_properties = d
        return plan_version

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
