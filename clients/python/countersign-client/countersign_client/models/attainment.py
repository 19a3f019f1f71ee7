from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attainment_line import AttainmentLine


T = TypeVar("T", bound="Attainment")


@_attrs_define
class Attainment:
    """
    Attributes:
        plan (int):
        fiscal_year (int):
        through_month (int): Months with actuals so far.
        company (AttainmentLine | None):
        regions (list[AttainmentLine]):
        salespeople (list[AttainmentLine]):
    """

    plan: int
    fiscal_year: int
    through_month: int
    company: AttainmentLine | None
    regions: list[AttainmentLine]
    salespeople: list[AttainmentLine]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.attainment_line import AttainmentLine  # noqa: PLC0415

        plan = self.plan

        fiscal_year = self.fiscal_year

        through_month = self.through_month

        company: dict[str, Any] | None
        if isinstance(self.company, AttainmentLine):
            company = self.company.to_dict()
        else:
            company = self.company

        regions = []
        for regions_item_data in self.regions:
            regions_item = regions_item_data.to_dict()
            regions.append(regions_item)

        salespeople = []
        for salespeople_item_data in self.salespeople:
            salespeople_item = salespeople_item_data.to_dict()
            salespeople.append(salespeople_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "fiscal_year": fiscal_year,
                "through_month": through_month,
                "company": company,
                "regions": regions,
                "salespeople": salespeople,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attainment_line import AttainmentLine  # noqa: PLC0415

        d = dict(src_dict)
        plan = d.pop("plan")

        fiscal_year = d.pop("fiscal_year")

        through_month = d.pop("through_month")

        def _parse_company(data: object) -> AttainmentLine | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                company_type_1 = AttainmentLine.from_dict(data)

                return company_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttainmentLine | None, data)

        company = _parse_company(d.pop("company"))

        regions = []
        _regions = d.pop("regions")
        for regions_item_data in _regions:
            regions_item = AttainmentLine.from_dict(regions_item_data)

            regions.append(regions_item)

        salespeople = []
        _salespeople = d.pop("salespeople")
        for salespeople_item_data in _salespeople:
            salespeople_item = AttainmentLine.from_dict(salespeople_item_data)

            salespeople.append(salespeople_item)

        attainment = cls(
            plan=plan,
            fiscal_year=fiscal_year,
            through_month=through_month,
            company=company,
            regions=regions,
            salespeople=salespeople,
        )

        attainment.additional_properties = d
        return attainment

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
