from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanSubmitRequest")


@_attrs_define
class PlanSubmitRequest:
    """
    Attributes:
        comment (str | Unset):  Default: ''.
        cc (list[int | str] | Unset): 抄送: up to 10 people to copy (user ids or usernames). Each is told and reads the
            request; inactive people and the submitter are refused (400 on `cc`, naming them). The process's own CC rules
            apply as well.
    """

    comment: str | Unset = ""
    cc: list[int | str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment = self.comment

        cc: list[int | str] | Unset = UNSET
        if not isinstance(self.cc, Unset):
            cc = []
            for cc_item_data in self.cc:
                cc_item: int | str
                cc_item = cc_item_data
                cc.append(cc_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comment is not UNSET:
            field_dict["comment"] = comment
        if cc is not UNSET:
            field_dict["cc"] = cc

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        comment = d.pop("comment", UNSET)

        _cc = d.pop("cc", UNSET)
        cc: list[int | str] | Unset = UNSET
        if _cc is not UNSET:
            cc = []
            for cc_item_data in _cc:

                def _parse_cc_item(data: object) -> int | str:
                    return cast(int | str, data)

                cc_item = _parse_cc_item(cc_item_data)

                cc.append(cc_item)

        plan_submit_request = cls(
            comment=comment,
            cc=cc,
        )

        plan_submit_request.additional_properties = d
        return plan_submit_request

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
