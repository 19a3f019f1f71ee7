from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum

if TYPE_CHECKING:
    from ..models.department import Department
    from ..models.period import Period


T = TypeVar("T", bound="MonitorLine")


@_attrs_define
class MonitorLine:
    """
    Attributes:
        department (Department):
        category (CategoryEnum): * `personnel` - Personnel
            * `marketing` - Marketing and promotion
            * `travel` - Travel
            * `entertainment` - Business entertainment
            * `other` - Other
        months (list[Period]):
        quarters (list[Period]):
    """

    department: Department
    category: CategoryEnum
    months: list[Period]
    quarters: list[Period]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        department = self.department.to_dict()

        category = self.category.value

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        quarters = []
        for quarters_item_data in self.quarters:
            quarters_item = quarters_item_data.to_dict()
            quarters.append(quarters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "department": department,
                "category": category,
                "months": months,
                "quarters": quarters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.department import Department  # noqa: PLC0415
        from ..models.period import Period  # noqa: PLC0415

        d = dict(src_dict)
        department = Department.from_dict(d.pop("department"))

        category = CategoryEnum(d.pop("category"))

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = Period.from_dict(months_item_data)

            months.append(months_item)

        quarters = []
        _quarters = d.pop("quarters")
        for quarters_item_data in _quarters:
            quarters_item = Period.from_dict(quarters_item_data)

            quarters.append(quarters_item)

        monitor_line = cls(
            department=department,
            category=category,
            months=months,
            quarters=quarters,
        )

        monitor_line.additional_properties = d
        return monitor_line

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
