from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="RiskOverdueMeasure")


@_attrs_define
class RiskOverdueMeasure:
    """
    Attributes:
        id (int):
        description (str):
        owner (Person):
        due_date (datetime.date):
        done_date (datetime.date | None):
        overdue (bool):
        risk_id (int):
        risk_number (str):
        risk_title (str):
        risk_level (str):
        days_late (int):
    """

    id: int
    description: str
    owner: Person
    due_date: datetime.date
    done_date: datetime.date | None
    overdue: bool
    risk_id: int
    risk_number: str
    risk_title: str
    risk_level: str
    days_late: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        description = self.description

        owner = self.owner.to_dict()

        due_date = self.due_date.isoformat()

        done_date: None | str
        if isinstance(self.done_date, datetime.date):
            done_date = self.done_date.isoformat()
        else:
            done_date = self.done_date

        overdue = self.overdue

        risk_id = self.risk_id

        risk_number = self.risk_number

        risk_title = self.risk_title

        risk_level = self.risk_level

        days_late = self.days_late

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "description": description,
                "owner": owner,
                "due_date": due_date,
                "done_date": done_date,
                "overdue": overdue,
                "risk_id": risk_id,
                "risk_number": risk_number,
                "risk_title": risk_title,
                "risk_level": risk_level,
                "days_late": days_late,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        description = d.pop("description")

        owner = Person.from_dict(d.pop("owner"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_done_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_date_type_0 = datetime.date.fromisoformat(data)

                return done_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        done_date = _parse_done_date(d.pop("done_date"))

        overdue = d.pop("overdue")

        risk_id = d.pop("risk_id")

        risk_number = d.pop("risk_number")

        risk_title = d.pop("risk_title")

        risk_level = d.pop("risk_level")

        days_late = d.pop("days_late")

        risk_overdue_measure = cls(
            id=id,
            description=description,
            owner=owner,
            due_date=due_date,
            done_date=done_date,
            overdue=overdue,
            risk_id=risk_id,
            risk_number=risk_number,
            risk_title=risk_title,
            risk_level=risk_level,
            days_late=days_late,
        )

        risk_overdue_measure.additional_properties = d
        return risk_overdue_measure

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
