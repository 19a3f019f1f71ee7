from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SavedFilter")


@_attrs_define
class SavedFilter:
    """
    Attributes:
        id (int):
        page (str): tasks, requests, audit
        name (str):
        query (str): The list page's query string, e.g. q=acme&sort=due.
        url (str):
        created (datetime.datetime):
    """

    id: int
    page: str
    name: str
    query: str
    url: str
    created: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        page = self.page

        name = self.name

        query = self.query

        url = self.url

        created = self.created.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "page": page,
                "name": name,
                "query": query,
                "url": url,
                "created": created,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        page = d.pop("page")

        name = d.pop("name")

        query = d.pop("query")

        url = d.pop("url")

        created = datetime.datetime.fromisoformat(d.pop("created"))

        saved_filter = cls(
            id=id,
            page=page,
            name=name,
            query=query,
            url=url,
            created=created,
        )

        saved_filter.additional_properties = d
        return saved_filter

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
