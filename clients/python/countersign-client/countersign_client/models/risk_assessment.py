from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="RiskAssessment")


@_attrs_define
class RiskAssessment:
    """
    Attributes:
        id (int):
        likelihood (int):
        impact (int):
        score (int):
        level (str):
        previous_level (str):
        assessed_by (None | Person):
        assessed_at (datetime.datetime):
        comment (str):
    """

    id: int
    likelihood: int
    impact: int
    score: int
    level: str
    previous_level: str
    assessed_by: None | Person
    assessed_at: datetime.datetime
    comment: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415

        id = self.id

        likelihood = self.likelihood

        impact = self.impact

        score = self.score

        level = self.level

        previous_level = self.previous_level

        assessed_by: dict[str, Any] | None
        if isinstance(self.assessed_by, Person):
            assessed_by = self.assessed_by.to_dict()
        else:
            assessed_by = self.assessed_by

        assessed_at = self.assessed_at.isoformat()

        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "likelihood": likelihood,
                "impact": impact,
                "score": score,
                "level": level,
                "previous_level": previous_level,
                "assessed_by": assessed_by,
                "assessed_at": assessed_at,
                "comment": comment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        likelihood = d.pop("likelihood")

        impact = d.pop("impact")

        score = d.pop("score")

        level = d.pop("level")

        previous_level = d.pop("previous_level")

        def _parse_assessed_by(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assessed_by_type_1 = Person.from_dict(data)

                return assessed_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        assessed_by = _parse_assessed_by(d.pop("assessed_by"))

        assessed_at = datetime.datetime.fromisoformat(d.pop("assessed_at"))

        comment = d.pop("comment")

        risk_assessment = cls(
            id=id,
            likelihood=likelihood,
            impact=impact,
            score=score,
            level=level,
            previous_level=previous_level,
            assessed_by=assessed_by,
            assessed_at=assessed_at,
            comment=comment,
        )

        risk_assessment.additional_properties = d
        return risk_assessment

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
