from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Split")


@_attrs_define
class Split:
    """
    Attributes:
        total (str):
        currency (str):  Default: 'CNY'.
        mode (str): The mode used: even when last year has no budget in force to follow.
        based_on (int | None): Last year's budget whose months were used.
        quarters (list[str]):
        months (list[str]):
    """

    total: str
    mode: str
    based_on: int | None
    quarters: list[str]
    months: list[str]
    currency: str = "CNY"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        currency = self.currency

        mode = self.mode

        based_on: int | None
        based_on = self.based_on

        quarters = self.quarters

        months = self.months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "currency": currency,
                "mode": mode,
                "based_on": based_on,
                "quarters": quarters,
                "months": months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        currency = d.pop("currency")

        mode = d.pop("mode")

        def _parse_based_on(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        based_on = _parse_based_on(d.pop("based_on"))

        quarters = cast(list[str], d.pop("quarters"))

        months = cast(list[str], d.pop("months"))

        split = cls(
            total=total,
            currency=currency,
            mode=mode,
            based_on=based_on,
            quarters=quarters,
            months=months,
        )

        split.additional_properties = d
        return split

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
