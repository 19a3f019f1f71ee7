from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_spread_enum import PlanSpreadEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanCreateRequest")


@_attrs_define
class PlanCreateRequest:
    """
    Attributes:
        fiscal_year (int):
        target (float | str): An amount (CNY, two decimals); blank is zero. Example: 125000.00.
        title (str | Unset):  Default: ''.
        strategy (str | Unset):  Default: ''.
        regions (list[str] | Unset): Region codes; all regions with people when absent.
        spread (PlanSpreadEnum | Unset): * `even` - evenly
            * `last_year` - by last year's actuals Default: PlanSpreadEnum.EVEN.
    """

    fiscal_year: int
    target: float | str
    title: str | Unset = ""
    strategy: str | Unset = ""
    regions: list[str] | Unset = UNSET
    spread: PlanSpreadEnum | Unset = PlanSpreadEnum.EVEN
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        target: float | str
        target = self.target

        title = self.title

        strategy = self.strategy

        regions: list[str] | Unset = UNSET
        if not isinstance(self.regions, Unset):
            regions = self.regions

        spread: str | Unset = UNSET
        if not isinstance(self.spread, Unset):
            spread = self.spread.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "target": target,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if regions is not UNSET:
            field_dict["regions"] = regions
        if spread is not UNSET:
            field_dict["spread"] = spread

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        def _parse_target(data: object) -> float | str:
            return cast(float | str, data)

        target = _parse_target(d.pop("target"))

        title = d.pop("title", UNSET)

        strategy = d.pop("strategy", UNSET)

        regions = cast(list[str], d.pop("regions", UNSET))

        _spread = d.pop("spread", UNSET)
        spread: PlanSpreadEnum | Unset
        if isinstance(_spread, Unset):
            spread = UNSET
        else:
            spread = PlanSpreadEnum(_spread)

        plan_create_request = cls(
            fiscal_year=fiscal_year,
            target=target,
            title=title,
            strategy=strategy,
            regions=regions,
            spread=spread,
        )

        plan_create_request.additional_properties = d
        return plan_create_request

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
