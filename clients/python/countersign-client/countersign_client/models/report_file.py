from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.format_enum import FormatEnum
from ..models.language_enum import LanguageEnum

T = TypeVar("T", bound="ReportFile")


@_attrs_define
class ReportFile:
    """
    Attributes:
        language (LanguageEnum): * `zh-hans` - Simplified Chinese
            * `en` - English
        format_ (FormatEnum): * `pdf` - PDF
            * `xlsx` - Excel (.xlsx)
        size (int): Bytes
        sha256 (str):
        url (str):
    """

    language: LanguageEnum
    format_: FormatEnum
    size: int
    sha256: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        language = self.language.value

        format_ = self.format_.value

        size = self.size

        sha256 = self.sha256

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "language": language,
                "format": format_,
                "size": size,
                "sha256": sha256,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = LanguageEnum(d.pop("language"))

        format_ = FormatEnum(d.pop("format"))

        size = d.pop("size")

        sha256 = d.pop("sha256")

        url = d.pop("url")

        report_file = cls(
            language=language,
            format_=format_,
            size=size,
            sha256=sha256,
            url=url,
        )

        report_file.additional_properties = d
        return report_file

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
