from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Upload")


@_attrs_define
class Upload:
    """
    Attributes:
        id (int): Name it in the field's values as {"id": id}
        field (str):
        name (str):
        content_type (str):
        size (int):
        sha256 (str):
        values (Any): The request's values, the file linked
    """

    id: int
    field: str
    name: str
    content_type: str
    size: int
    sha256: str
    values: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        field = self.field

        name = self.name

        content_type = self.content_type

        size = self.size

        sha256 = self.sha256

        values = self.values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "field": field,
                "name": name,
                "content_type": content_type,
                "size": size,
                "sha256": sha256,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        field = d.pop("field")

        name = d.pop("name")

        content_type = d.pop("content_type")

        size = d.pop("size")

        sha256 = d.pop("sha256")

        values = d.pop("values")

        upload = cls(
            id=id,
            field=field,
            name=name,
            content_type=content_type,
            size=size,
            sha256=sha256,
            values=values,
        )

        upload.additional_properties = d
        return upload

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
