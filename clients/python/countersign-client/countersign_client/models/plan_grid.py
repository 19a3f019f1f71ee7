from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_grid_line import PlanGridLine
    from ..models.plan_grid_region import PlanGridRegion
    from ..models.plan_mismatch import PlanMismatch


T = TypeVar("T", bound="PlanGrid")


@_attrs_define
class PlanGrid:
    """
    Attributes:
        plan (int):
        state (str): draft, confirming, confirmed, in_sign_off, published, returned, withdrawn, superseded
        target (None | str): Null for a viewer of one line only.
        currency (str):
        regions (list[PlanGridRegion]):
        company (None | PlanGridLine): Sums of the regions; only for readers of the whole plan.
        mismatches (list[PlanMismatch]):
    """

    plan: int
    state: str
    target: None | str
    currency: str
    regions: list[PlanGridRegion]
    company: None | PlanGridLine
    mismatches: list[PlanMismatch]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_grid_line import PlanGridLine  # noqa: PLC0415

        plan = self.plan

        state = self.state

        target: None | str
        target = self.target

        currency = self.currency

        regions = []
        for regions_item_data in self.regions:
            regions_item = regions_item_data.to_dict()
            regions.append(regions_item)

        company: dict[str, Any] | None
        if isinstance(self.company, PlanGridLine):
            company = self.company.to_dict()
        else:
            company = self.company

        mismatches = []
        for mismatches_item_data in self.mismatches:
            mismatches_item = mismatches_item_data.to_dict()
            mismatches.append(mismatches_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "state": state,
                "target": target,
                "currency": currency,
                "regions": regions,
                "company": company,
                "mismatches": mismatches,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_grid_line import PlanGridLine  # noqa: PLC0415
        from ..models.plan_grid_region import PlanGridRegion  # noqa: PLC0415
        from ..models.plan_mismatch import PlanMismatch  # noqa: PLC0415

        d = dict(src_dict)
        plan = d.pop("plan")

        state = d.pop("state")

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        currency = d.pop("currency")

        regions = []
        _regions = d.pop("regions")
        for regions_item_data in _regions:
            regions_item = PlanGridRegion.from_dict(regions_item_data)

            regions.append(regions_item)

        def _parse_company(data: object) -> None | PlanGridLine:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                company_type_1 = PlanGridLine.from_dict(data)

                return company_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanGridLine, data)

        company = _parse_company(d.pop("company"))

        mismatches = []
        _mismatches = d.pop("mismatches")
        for mismatches_item_data in _mismatches:
            mismatches_item = PlanMismatch.from_dict(mismatches_item_data)

            mismatches.append(mismatches_item)

        plan_grid = cls(
            plan=plan,
            state=state,
            target=target,
            currency=currency,
            regions=regions,
            company=company,
            mismatches=mismatches,
        )

        plan_grid.additional_properties = d
        return plan_grid

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
