from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blank_enum import BlankEnum
from ..models.budget_warning_enum import BudgetWarningEnum

T = TypeVar("T", bound="Period")


@_attrs_define
class Period:
    """
    Attributes:
        period (str): M01..M12 or Q1..Q4
        budget (str):
        reserved (str):
        spent (str):
        remaining (str):
        used_pct (str): (reserved + spent) / budget, in %, one decimal.
        warning (BlankEnum | BudgetWarningEnum):
    """

    period: str
    budget: str
    reserved: str
    spent: str
    remaining: str
    used_pct: str
    warning: BlankEnum | BudgetWarningEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        budget = self.budget

        reserved = self.reserved

        spent = self.spent

        remaining = self.remaining

        used_pct = self.used_pct

        warning: str
        if isinstance(self.warning, BudgetWarningEnum):
            warning = self.warning.value
        else:
            warning = self.warning.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "budget": budget,
                "reserved": reserved,
                "spent": spent,
                "remaining": remaining,
                "used_pct": used_pct,
                "warning": warning,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        budget = d.pop("budget")

        reserved = d.pop("reserved")

        spent = d.pop("spent")

        remaining = d.pop("remaining")

        used_pct = d.pop("used_pct")

        def _parse_warning(data: object) -> BlankEnum | BudgetWarningEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                warning_type_0 = BudgetWarningEnum(data)

                return warning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            warning_type_1 = BlankEnum(data)

            return warning_type_1

        warning = _parse_warning(d.pop("warning"))

        period = cls(
            period=period,
            budget=budget,
            reserved=reserved,
            spent=spent,
            remaining=remaining,
            used_pct=used_pct,
            warning=warning,
        )

        period.additional_properties = d
        return period

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
