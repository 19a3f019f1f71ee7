from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReturnsByProcess")


@_attrs_define
class ReturnsByProcess:
    """
    Attributes:
        kind (str):
        label (str):
        requests (int):
        returns (int):
        per_request (float):
    """

    kind: str
    label: str
    requests: int
    returns: int
    per_request: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        label = self.label

        requests = self.requests

        returns = self.returns

        per_request = self.per_request

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "label": label,
                "requests": requests,
                "returns": returns,
                "per_request": per_request,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        label = d.pop("label")

        requests = d.pop("requests")

        returns = d.pop("returns")

        per_request = d.pop("per_request")

        returns_by_process = cls(
            kind=kind,
            label=label,
            requests=requests,
            returns=returns,
            per_request=per_request,
        )

        returns_by_process.additional_properties = d
        return returns_by_process

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
