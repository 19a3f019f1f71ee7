from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """
    Attributes:
        id (int):
        code (str):
        name (str): In the language asked for (Accept-Language).
        name_zh (str):
        name_en (str):
        category (str):
        unit (str): As the catalogue writes it (Chinese).
        unit_en (str):
        unit_name (str): In the language asked for (Accept-Language).
        list_price (str):
        currency (str):
        active (bool):
    """

    id: int
    code: str
    name: str
    name_zh: str
    name_en: str
    category: str
    unit: str
    unit_en: str
    unit_name: str
    list_price: str
    currency: str
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        code = self.code

        name = self.name

        name_zh = self.name_zh

        name_en = self.name_en

        category = self.category

        unit = self.unit

        unit_en = self.unit_en

        unit_name = self.unit_name

        list_price = self.list_price

        currency = self.currency

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "name_zh": name_zh,
                "name_en": name_en,
                "category": category,
                "unit": unit,
                "unit_en": unit_en,
                "unit_name": unit_name,
                "list_price": list_price,
                "currency": currency,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        code = d.pop("code")

        name = d.pop("name")

        name_zh = d.pop("name_zh")

        name_en = d.pop("name_en")

        category = d.pop("category")

        unit = d.pop("unit")

        unit_en = d.pop("unit_en")

        unit_name = d.pop("unit_name")

        list_price = d.pop("list_price")

        currency = d.pop("currency")

        active = d.pop("active")

        product = cls(
            id=id,
            code=code,
            name=name,
            name_zh=name_zh,
            name_en=name_en,
            category=category,
            unit=unit,
            unit_en=unit_en,
            unit_name=unit_name,
            list_price=list_price,
            currency=currency,
            active=active,
        )

        product.additional_properties = d
        return product

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
