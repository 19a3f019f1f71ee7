from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttainmentPeriod")


@_attrs_define
class AttainmentPeriod:
    """
    Attributes:
        target (str):
        actual (str):
        attainment (None | str): Actual as a percentage of target.
    """

    target: str
    actual: str
    attainment: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target = self.target

        actual = self.actual

        attainment: None | str
        attainment = self.attainment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target": target,
                "actual": actual,
                "attainment": attainment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target = d.pop("target")

        actual = d.pop("actual")

        def _parse_attainment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attainment = _parse_attainment(d.pop("attainment"))

        attainment_period = cls(
            target=target,
            actual=actual,
            attainment=attainment,
        )

        attainment_period.additional_properties = d
        return attainment_period

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
