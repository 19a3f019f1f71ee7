from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetCreateRequest")


@_attrs_define
class BudgetCreateRequest:
    """
    Attributes:
        total (str):  Example: 1234.50.
        quarters (list[str]):
        months (list[str]):
        fiscal_year (int):
        department (int | str): A department id or code (e.g. sales).
        category (CategoryEnum): * `personnel` - Personnel
            * `marketing` - Marketing and promotion
            * `travel` - Travel
            * `entertainment` - Business entertainment
            * `other` - Other
        region (int | None | str | Unset): A sales region: the budget of that region of the department (campaigns naming
            the region reserve on it); empty: the whole department.
        owner (int | None | str | Unset): The budget owner, warned at 80 % and 100 %; default: you.
    """

    total: str
    quarters: list[str]
    months: list[str]
    fiscal_year: int
    department: int | str
    category: CategoryEnum
    region: int | None | str | Unset = UNSET
    owner: int | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        quarters = self.quarters

        months = self.months

        fiscal_year = self.fiscal_year

        department: int | str
        department = self.department

        category = self.category.value

        region: int | None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        owner: int | None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "quarters": quarters,
                "months": months,
                "fiscal_year": fiscal_year,
                "department": department,
                "category": category,
            }
        )
        if region is not UNSET:
            field_dict["region"] = region
        if owner is not UNSET:
            field_dict["owner"] = owner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        quarters = cast(list[str], d.pop("quarters"))

        months = cast(list[str], d.pop("months"))

        fiscal_year = d.pop("fiscal_year")

        def _parse_department(data: object) -> int | str:
            return cast(int | str, data)

        department = _parse_department(d.pop("department"))

        category = CategoryEnum(d.pop("category"))

        def _parse_region(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_owner(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        budget_create_request = cls(
            total=total,
            quarters=quarters,
            months=months,
            fiscal_year=fiscal_year,
            department=department,
            category=category,
            region=region,
            owner=owner,
        )

        budget_create_request.additional_properties = d
        return budget_create_request

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
