from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_region_row_input_request import PlanRegionRowInputRequest


T = TypeVar("T", bound="PlanGridInputRequest")


@_attrs_define
class PlanGridInputRequest:
    """The whole grid: every region row with its people. `quarters` and `year` are optional;
    when sent they are totals that must match their months, like `company_months` (optional)
    must match the regions.

        Attributes:
            target (float | str): An amount (CNY, two decimals); blank is zero. Example: 125000.00.
            regions (list[PlanRegionRowInputRequest]):
            company_months (list[float | None | str] | Unset):
            comment (str | Unset):  Default: ''.
    """

    target: float | str
    regions: list[PlanRegionRowInputRequest]
    company_months: list[float | None | str] | Unset = UNSET
    comment: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target: float | str
        target = self.target

        regions = []
        for regions_item_data in self.regions:
            regions_item = regions_item_data.to_dict()
            regions.append(regions_item)

        company_months: list[float | None | str] | Unset = UNSET
        if not isinstance(self.company_months, Unset):
            company_months = []
            for company_months_item_data in self.company_months:
                company_months_item: float | None | str
                company_months_item = company_months_item_data
                company_months.append(company_months_item)

        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target": target,
                "regions": regions,
            }
        )
        if company_months is not UNSET:
            field_dict["company_months"] = company_months
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_region_row_input_request import PlanRegionRowInputRequest  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_target(data: object) -> float | str:
            return cast(float | str, data)

        target = _parse_target(d.pop("target"))

        regions = []
        _regions = d.pop("regions")
        for regions_item_data in _regions:
            regions_item = PlanRegionRowInputRequest.from_dict(regions_item_data)

            regions.append(regions_item)

        _company_months = d.pop("company_months", UNSET)
        company_months: list[float | None | str] | Unset = UNSET
        if _company_months is not UNSET:
            company_months = []
            for company_months_item_data in _company_months:

                def _parse_company_months_item(data: object) -> float | None | str:
                    if data is None:
                        return data
                    return cast(float | None | str, data)

                company_months_item = _parse_company_months_item(company_months_item_data)

                company_months.append(company_months_item)

        comment = d.pop("comment", UNSET)

        plan_grid_input_request = cls(
            target=target,
            regions=regions,
            company_months=company_months,
            comment=comment,
        )

        plan_grid_input_request.additional_properties = d
        return plan_grid_input_request

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
