from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signer_position_enum import SignerPositionEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddSignerRequest")


@_attrs_define
class AddSignerRequest:
    """
    Attributes:
        signers (list[int | str]): 1 to 5 people, each a user id or a username.
        position (SignerPositionEnum): * `before` - before
            * `after` - after
            * `alongside` - alongside
        reason (str):
        sla_hours (None | str | Unset): Working hours each added signer has (default: the step's SLA rule).
    """

    signers: list[int | str]
    position: SignerPositionEnum
    reason: str
    sla_hours: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        signers = []
        for signers_item_data in self.signers:
            signers_item: int | str
            signers_item = signers_item_data
            signers.append(signers_item)

        position = self.position.value

        reason = self.reason

        sla_hours: None | str | Unset
        if isinstance(self.sla_hours, Unset):
            sla_hours = UNSET
        else:
            sla_hours = self.sla_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "signers": signers,
                "position": position,
                "reason": reason,
            }
        )
        if sla_hours is not UNSET:
            field_dict["sla_hours"] = sla_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        signers = []
        _signers = d.pop("signers")
        for signers_item_data in _signers:

            def _parse_signers_item(data: object) -> int | str:
                return cast(int | str, data)

            signers_item = _parse_signers_item(signers_item_data)

            signers.append(signers_item)

        position = SignerPositionEnum(d.pop("position"))

        reason = d.pop("reason")

        def _parse_sla_hours(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sla_hours = _parse_sla_hours(d.pop("sla_hours", UNSET))

        add_signer_request = cls(
            signers=signers,
            position=position,
            reason=reason,
            sla_hours=sla_hours,
        )

        add_signer_request.additional_properties = d
        return add_signer_request

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
