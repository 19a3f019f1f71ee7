from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.version import Version


T = TypeVar("T", bound="Template")


@_attrs_define
class Template:
    """
    Attributes:
        code (str):
        name (str):
        name_zh (str):
        name_en (str):
        category (str):
        enabled (bool):
        may_submit (bool):
        versions (list[Version]):
    """

    code: str
    name: str
    name_zh: str
    name_en: str
    category: str
    enabled: bool
    may_submit: bool
    versions: list[Version]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        name_zh = self.name_zh

        name_en = self.name_en

        category = self.category

        enabled = self.enabled

        may_submit = self.may_submit

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "name_zh": name_zh,
                "name_en": name_en,
                "category": category,
                "enabled": enabled,
                "may_submit": may_submit,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.version import Version  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        name_zh = d.pop("name_zh")

        name_en = d.pop("name_en")

        category = d.pop("category")

        enabled = d.pop("enabled")

        may_submit = d.pop("may_submit")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = Version.from_dict(versions_item_data)

            versions.append(versions_item)

        template = cls(
            code=code,
            name=name,
            name_zh=name_zh,
            name_en=name_en,
            category=category,
            enabled=enabled,
            may_submit=may_submit,
            versions=versions,
        )

        template.additional_properties = d
        return template

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
