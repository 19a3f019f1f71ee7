from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="ChainStep")


@_attrs_define
class ChainStep:
    """
    Attributes:
        index (int):
        code (str):
        label (str):
        note (str):
        current (bool):
        candidates (list[Person]):
    """

    index: int
    code: str
    label: str
    note: str
    current: bool
    candidates: list[Person]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        code = self.code

        label = self.label

        note = self.note

        current = self.current

        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "code": code,
                "label": label,
                "note": note,
                "current": current,
                "candidates": candidates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        code = d.pop("code")

        label = d.pop("label")

        note = d.pop("note")

        current = d.pop("current")

        candidates = []
        _candidates = d.pop("candidates")
        for candidates_item_data in _candidates:
            candidates_item = Person.from_dict(candidates_item_data)

            candidates.append(candidates_item)

        chain_step = cls(
            index=index,
            code=code,
            label=label,
            note=note,
            current=current,
            candidates=candidates,
        )

        chain_step.additional_properties = d
        return chain_step

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
