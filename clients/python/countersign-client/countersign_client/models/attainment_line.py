from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attainment_period import AttainmentPeriod


T = TypeVar("T", bound="AttainmentLine")


@_attrs_define
class AttainmentLine:
    """
    Attributes:
        kind (str): company, region, person
        region (str):
        salesperson (str):
        name (str):
        months (list[AttainmentPeriod]):
        quarters (list[AttainmentPeriod]):
        year (AttainmentPeriod):
        to_date (AttainmentPeriod):
    """

    kind: str
    region: str
    salesperson: str
    name: str
    months: list[AttainmentPeriod]
    quarters: list[AttainmentPeriod]
    year: AttainmentPeriod
    to_date: AttainmentPeriod
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        region = self.region

        salesperson = self.salesperson

        name = self.name

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        quarters = []
        for quarters_item_data in self.quarters:
            quarters_item = quarters_item_data.to_dict()
            quarters.append(quarters_item)

        year = self.year.to_dict()

        to_date = self.to_date.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "region": region,
                "salesperson": salesperson,
                "name": name,
                "months": months,
                "quarters": quarters,
                "year": year,
                "to_date": to_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attainment_period import AttainmentPeriod  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

        region = d.pop("region")

        salesperson = d.pop("salesperson")

        name = d.pop("name")

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = AttainmentPeriod.from_dict(months_item_data)

            months.append(months_item)

        quarters = []
        _quarters = d.pop("quarters")
        for quarters_item_data in _quarters:
            quarters_item = AttainmentPeriod.from_dict(quarters_item_data)

            quarters.append(quarters_item)

        year = AttainmentPeriod.from_dict(d.pop("year"))

        to_date = AttainmentPeriod.from_dict(d.pop("to_date"))

        attainment_line = cls(
            kind=kind,
            region=region,
            salesperson=salesperson,
            name=name,
            months=months,
            quarters=quarters,
            year=year,
            to_date=to_date,
        )

        attainment_line.additional_properties = d
        return attainment_line

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
