from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="RiskReview")


@_attrs_define
class RiskReview:
    """
    Attributes:
        id (int):
        due_date (datetime.date):
        assignee (Person):
        state (str): open, done
        measures_effective (bool | None):
        comment (str):
        assessment_id (int | None):
        done_by (None | Person):
        done_at (datetime.datetime | None):
    """

    id: int
    due_date: datetime.date
    assignee: Person
    state: str
    measures_effective: bool | None
    comment: str
    assessment_id: int | None
    done_by: None | Person
    done_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415

        id = self.id

        due_date = self.due_date.isoformat()

        assignee = self.assignee.to_dict()

        state = self.state

        measures_effective: bool | None
        measures_effective = self.measures_effective

        comment = self.comment

        assessment_id: int | None
        assessment_id = self.assessment_id

        done_by: dict[str, Any] | None
        if isinstance(self.done_by, Person):
            done_by = self.done_by.to_dict()
        else:
            done_by = self.done_by

        done_at: None | str
        if isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "due_date": due_date,
                "assignee": assignee,
                "state": state,
                "measures_effective": measures_effective,
                "comment": comment,
                "assessment_id": assessment_id,
                "done_by": done_by,
                "done_at": done_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        assignee = Person.from_dict(d.pop("assignee"))

        state = d.pop("state")

        def _parse_measures_effective(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        measures_effective = _parse_measures_effective(d.pop("measures_effective"))

        comment = d.pop("comment")

        def _parse_assessment_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assessment_id = _parse_assessment_id(d.pop("assessment_id"))

        def _parse_done_by(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                done_by_type_1 = Person.from_dict(data)

                return done_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        done_by = _parse_done_by(d.pop("done_by"))

        def _parse_done_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        done_at = _parse_done_at(d.pop("done_at"))

        risk_review = cls(
            id=id,
            due_date=due_date,
            assignee=assignee,
            state=state,
            measures_effective=measures_effective,
            comment=comment,
            assessment_id=assessment_id,
            done_by=done_by,
            done_at=done_at,
        )

        risk_review.additional_properties = d
        return risk_review

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
