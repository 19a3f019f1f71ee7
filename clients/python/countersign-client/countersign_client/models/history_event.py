from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.history_event_changes import HistoryEventChanges


T = TypeVar("T", bound="HistoryEvent")


@_attrs_define
class HistoryEvent:
    """
    Attributes:
        seq (int):
        at (datetime.datetime):
        event (str):
        actor (str):
        acting_for (str):
        from_state (str):
        to_state (str):
        comment (str):
        changes (HistoryEventChanges):
    """

    seq: int
    at: datetime.datetime
    event: str
    actor: str
    acting_for: str
    from_state: str
    to_state: str
    comment: str
    changes: HistoryEventChanges
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        at = self.at.isoformat()

        event = self.event

        actor = self.actor

        acting_for = self.acting_for

        from_state = self.from_state

        to_state = self.to_state

        comment = self.comment

        changes = self.changes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "at": at,
                "event": event,
                "actor": actor,
                "acting_for": acting_for,
                "from_state": from_state,
                "to_state": to_state,
                "comment": comment,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_event_changes import HistoryEventChanges  # noqa: PLC0415

        d = dict(src_dict)
        seq = d.pop("seq")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        event = d.pop("event")

        actor = d.pop("actor")

        acting_for = d.pop("acting_for")

        from_state = d.pop("from_state")

        to_state = d.pop("to_state")

        comment = d.pop("comment")

        changes = HistoryEventChanges.from_dict(d.pop("changes"))

        history_event = cls(
            seq=seq,
            at=at,
            event=event,
            actor=actor,
            acting_for=acting_for,
            from_state=from_state,
            to_state=to_state,
            comment=comment,
            changes=changes,
        )

        history_event.additional_properties = d
        return history_event

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
