from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="ContractAttachment")


@_attrs_define
class ContractAttachment:
    """
    Attributes:
        id (int):
        name (str):
        size (int):
        content_type (str):
        sha256 (str):
        uploaded_by (Person):
        created (datetime.datetime):
        url (str):
    """

    id: int
    name: str
    size: int
    content_type: str
    sha256: str
    uploaded_by: Person
    created: datetime.datetime
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        size = self.size

        content_type = self.content_type

        sha256 = self.sha256

        uploaded_by = self.uploaded_by.to_dict()

        created = self.created.isoformat()

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "size": size,
                "content_type": content_type,
                "sha256": sha256,
                "uploaded_by": uploaded_by,
                "created": created,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        size = d.pop("size")

        content_type = d.pop("content_type")

        sha256 = d.pop("sha256")

        uploaded_by = Person.from_dict(d.pop("uploaded_by"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        url = d.pop("url")

        contract_attachment = cls(
            id=id,
            name=name,
            size=size,
            content_type=content_type,
            sha256=sha256,
            uploaded_by=uploaded_by,
            created=created,
            url=url,
        )

        contract_attachment.additional_properties = d
        return contract_attachment

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
