from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contract_diff_changes import ContractDiffChanges
    from ..models.contract_lines_diff import ContractLinesDiff
    from ..models.contract_version import ContractVersion


T = TypeVar("T", bound="ContractDiff")


@_attrs_define
class ContractDiff:
    """
    Attributes:
        base (ContractVersion):
        version (ContractVersion):
        changes (ContractDiffChanges): {field: [in base, in version]} for each field that differs.
        lines (ContractLinesDiff):
    """

    base: ContractVersion
    version: ContractVersion
    changes: ContractDiffChanges
    lines: ContractLinesDiff
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base = self.base.to_dict()

        version = self.version.to_dict()

        changes = self.changes.to_dict()

        lines = self.lines.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base": base,
                "version": version,
                "changes": changes,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_diff_changes import ContractDiffChanges  # noqa: PLC0415
        from ..models.contract_lines_diff import ContractLinesDiff  # noqa: PLC0415
        from ..models.contract_version import ContractVersion  # noqa: PLC0415

        d = dict(src_dict)
        base = ContractVersion.from_dict(d.pop("base"))

        version = ContractVersion.from_dict(d.pop("version"))

        changes = ContractDiffChanges.from_dict(d.pop("changes"))

        lines = ContractLinesDiff.from_dict(d.pop("lines"))

        contract_diff = cls(
            base=base,
            version=version,
            changes=changes,
            lines=lines,
        )

        contract_diff.additional_properties = d
        return contract_diff

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
