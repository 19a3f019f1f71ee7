from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contract_line_diff_row import ContractLineDiffRow


T = TypeVar("T", bound="ContractLineChange")


@_attrs_define
class ContractLineChange:
    """
    Attributes:
        before (ContractLineDiffRow):
        after (ContractLineDiffRow):
    """

    before: ContractLineDiffRow
    after: ContractLineDiffRow
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        before = self.before.to_dict()

        after = self.after.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_line_diff_row import ContractLineDiffRow  # noqa: PLC0415

        d = dict(src_dict)
        before = ContractLineDiffRow.from_dict(d.pop("before"))

        after = ContractLineDiffRow.from_dict(d.pop("after"))

        contract_line_change = cls(
            before=before,
            after=after,
        )

        contract_line_change.additional_properties = d
        return contract_line_change

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
