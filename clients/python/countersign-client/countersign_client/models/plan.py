from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="Plan")


@_attrs_define
class Plan:
    """The company target, or null for a viewer who sees only their own line (a salesperson);
    the view says which in the context (`sees_target`).

        Attributes:
            id (int):
            number (str):
            version (int):
            reference (str):
            fiscal_year (int):
            title (str):
            target (None | str):
            currency (str):
            state (str): draft, confirming, confirmed, in_sign_off, published, returned, withdrawn, superseded
            state_label (str):
            author (Person):
            previous (int | None):
            created (datetime.datetime):
            published_at (datetime.datetime | None):
    """

    id: int
    number: str
    version: int
    reference: str
    fiscal_year: int
    title: str
    target: None | str
    currency: str
    state: str
    state_label: str
    author: Person
    previous: int | None
    created: datetime.datetime
    published_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        version = self.version

        reference = self.reference

        fiscal_year = self.fiscal_year

        title = self.title

        target: None | str
        target = self.target

        currency = self.currency

        state = self.state

        state_label = self.state_label

        author = self.author.to_dict()

        previous: int | None
        previous = self.previous

        created = self.created.isoformat()

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
                "number": number,
                "version": version,
                "reference": reference,
                "fiscal_year": fiscal_year,
                "title": title,
                "target": target,
                "currency": currency,
                "state": state,
                "state_label": state_label,
                "author": author,
                "previous": previous,
                "created": created,
                "published_at": published_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        version = d.pop("version")

        reference = d.pop("reference")

        fiscal_year = d.pop("fiscal_year")

        title = d.pop("title")

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        currency = d.pop("currency")

        state = d.pop("state")

        state_label = d.pop("state_label")

        author = Person.from_dict(d.pop("author"))

        def _parse_previous(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous = _parse_previous(d.pop("previous"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

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

        plan = cls(
            id=id,
            number=number,
            version=version,
            reference=reference,
            fiscal_year=fiscal_year,
            title=title,
            target=target,
            currency=currency,
            state=state,
            state_label=state_label,
            author=author,
            previous=previous,
            created=created,
            published_at=published_at,
        )

        plan.additional_properties = d
        return plan

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
