from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="ExecutionProblem")


@_attrs_define
class ExecutionProblem:
    """
    Attributes:
        id (int):
        contract (int):
        description (str):
        raised_by (Person):
        assignee (Person):
        resolution (str):
        resolved (bool):
        resolved_at (datetime.datetime | None):
        created (datetime.datetime):
    """

    id: int
    contract: int
    description: str
    raised_by: Person
    assignee: Person
    resolution: str
    resolved: bool
    resolved_at: datetime.datetime | None
    created: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contract = self.contract

        description = self.description

        raised_by = self.raised_by.to_dict()

        assignee = self.assignee.to_dict()

        resolution = self.resolution

        resolved = self.resolved

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        created = self.created.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "contract": contract,
                "description": description,
                "raised_by": raised_by,
                "assignee": assignee,
                "resolution": resolution,
                "resolved": resolved,
                "resolved_at": resolved_at,
                "created": created,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        contract = d.pop("contract")

        description = d.pop("description")

        raised_by = Person.from_dict(d.pop("raised_by"))

        assignee = Person.from_dict(d.pop("assignee"))

        resolution = d.pop("resolution")

        resolved = d.pop("resolved")

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        execution_problem = cls(
            id=id,
            contract=contract,
            description=description,
            raised_by=raised_by,
            assignee=assignee,
            resolution=resolution,
            resolved=resolved,
            resolved_at=resolved_at,
            created=created,
        )

        execution_problem.additional_properties = d
        return execution_problem

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
