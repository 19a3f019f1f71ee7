from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneDoneRequest")


@_attrs_define
class MilestoneDoneRequest:
    """
    Attributes:
        done_date (datetime.date | None | Unset): Today when left out.
    """

    done_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        done_date: None | str | Unset
        if isinstance(self.done_date, Unset):
            done_date = UNSET
        elif isinstance(self.done_date, datetime.date):
            done_date = self.done_date.isoformat()
        else:
            done_date = self.done_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if done_date is not UNSET:
            field_dict["done_date"] = done_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_done_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_date_type_0 = datetime.date.fromisoformat(data)

                return done_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        done_date = _parse_done_date(d.pop("done_date", UNSET))

        milestone_done_request = cls(
            done_date=done_date,
        )

        milestone_done_request.additional_properties = d
        return milestone_done_request

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
