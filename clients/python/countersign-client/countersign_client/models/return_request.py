from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resubmit_to_enum import ResubmitToEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReturnRequest")


@_attrs_define
class ReturnRequest:
    """
    Attributes:
        reason (str):
        cc (list[int | str] | Unset): 抄送: up to 10 people to copy with the decision (user ids or usernames); copied and
            decided in one transaction, or neither (400 on `cc` naming a refused person).
        to_step (int | None | Unset): Index of an earlier chain step; absent or null sends it to the submitter.
        resubmit_to (ResubmitToEnum | Unset): * `restart` - restart
            * `returner` - returner
    """

    reason: str
    cc: list[int | str] | Unset = UNSET
    to_step: int | None | Unset = UNSET
    resubmit_to: ResubmitToEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        cc: list[int | str] | Unset = UNSET
        if not isinstance(self.cc, Unset):
            cc = []
            for cc_item_data in self.cc:
                cc_item: int | str
                cc_item = cc_item_data
                cc.append(cc_item)

        to_step: int | None | Unset
        if isinstance(self.to_step, Unset):
            to_step = UNSET
        else:
            to_step = self.to_step

        resubmit_to: str | Unset = UNSET
        if not isinstance(self.resubmit_to, Unset):
            resubmit_to = self.resubmit_to.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
            }
        )
        if cc is not UNSET:
            field_dict["cc"] = cc
        if to_step is not UNSET:
            field_dict["to_step"] = to_step
        if resubmit_to is not UNSET:
            field_dict["resubmit_to"] = resubmit_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        _cc = d.pop("cc", UNSET)
        cc: list[int | str] | Unset = UNSET
        if _cc is not UNSET:
            cc = []
            for cc_item_data in _cc:

                def _parse_cc_item(data: object) -> int | str:
                    return cast(int | str, data)

                cc_item = _parse_cc_item(cc_item_data)

                cc.append(cc_item)

        def _parse_to_step(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        to_step = _parse_to_step(d.pop("to_step", UNSET))

        _resubmit_to = d.pop("resubmit_to", UNSET)
        resubmit_to: ResubmitToEnum | Unset
        if isinstance(_resubmit_to, Unset):
            resubmit_to = UNSET
        else:
            resubmit_to = ResubmitToEnum(_resubmit_to)

        return_request = cls(
            reason=reason,
            cc=cc,
            to_step=to_step,
            resubmit_to=resubmit_to,
        )

        return_request.additional_properties = d
        return return_request

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
