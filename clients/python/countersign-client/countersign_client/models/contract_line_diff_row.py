from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContractLineDiffRow")


@_attrs_define
class ContractLineDiffRow:
    """
    Attributes:
        product (str): The product code.
        name (str):
        quantity (str):
        unit_price (str):
        discount (str):
        value (str):
    """

    product: str
    name: str
    quantity: str
    unit_price: str
    discount: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product = self.product

        name = self.name

        quantity = self.quantity

        unit_price = self.unit_price

        discount = self.discount

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product": product,
                "name": name,
                "quantity": quantity,
                "unit_price": unit_price,
                "discount": discount,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product = d.pop("product")

        name = d.pop("name")

        quantity = d.pop("quantity")

        unit_price = d.pop("unit_price")

        discount = d.pop("discount")

        value = d.pop("value")

        contract_line_diff_row = cls(
            product=product,
            name=name,
            quantity=quantity,
            unit_price=unit_price,
            discount=discount,
            value=value,
        )

        contract_line_diff_row.additional_properties = d
        return contract_line_diff_row

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
