from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event_changes import AuditEventChanges
    from ..models.audit_event_data import AuditEventData


T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """
    Attributes:
        seq (int):
        occurred_at (datetime.datetime):
        subject_kind (str):
        subject_id (str):
        subject_seq (int):
        number (str):
        amount (None | str):
        event (str):
        actor (str):
        actor_id (int | None):
        acting_for (str):
        from_state (str):
        to_state (str):
        changes (AuditEventChanges):
        comment (str):
        data (AuditEventData):
        request_id (str):
        ip (None | str):
        prev_hash (str):
        hash_ (str):
    """

    seq: int
    occurred_at: datetime.datetime
    subject_kind: str
    subject_id: str
    subject_seq: int
    number: str
    amount: None | str
    event: str
    actor: str
    actor_id: int | None
    acting_for: str
    from_state: str
    to_state: str
    changes: AuditEventChanges
    comment: str
    data: AuditEventData
    request_id: str
    ip: None | str
    prev_hash: str
    hash_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        occurred_at = self.occurred_at.isoformat()

        subject_kind = self.subject_kind

        subject_id = self.subject_id

        subject_seq = self.subject_seq

        number = self.number

        amount: None | str
        amount = self.amount

        event = self.event

        actor = self.actor

        actor_id: int | None
        actor_id = self.actor_id

        acting_for = self.acting_for

        from_state = self.from_state

        to_state = self.to_state

        changes = self.changes.to_dict()

        comment = self.comment

        data = self.data.to_dict()

        request_id = self.request_id

        ip: None | str
        ip = self.ip

        prev_hash = self.prev_hash

        hash_ = self.hash_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "occurred_at": occurred_at,
                "subject_kind": subject_kind,
                "subject_id": subject_id,
                "subject_seq": subject_seq,
                "number": number,
                "amount": amount,
                "event": event,
                "actor": actor,
                "actor_id": actor_id,
                "acting_for": acting_for,
                "from_state": from_state,
                "to_state": to_state,
                "changes": changes,
                "comment": comment,
                "data": data,
                "request_id": request_id,
                "ip": ip,
                "prev_hash": prev_hash,
                "hash": hash_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_changes import AuditEventChanges  # noqa: PLC0415
        from ..models.audit_event_data import AuditEventData  # noqa: PLC0415

        d = dict(src_dict)
        seq = d.pop("seq")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        subject_kind = d.pop("subject_kind")

        subject_id = d.pop("subject_id")

        subject_seq = d.pop("subject_seq")

        number = d.pop("number")

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        event = d.pop("event")

        actor = d.pop("actor")

        def _parse_actor_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        acting_for = d.pop("acting_for")

        from_state = d.pop("from_state")

        to_state = d.pop("to_state")

        changes = AuditEventChanges.from_dict(d.pop("changes"))

        comment = d.pop("comment")

        data = AuditEventData.from_dict(d.pop("data"))

        request_id = d.pop("request_id")

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))

        prev_hash = d.pop("prev_hash")

        hash_ = d.pop("hash")

        audit_event = cls(
            seq=seq,
            occurred_at=occurred_at,
            subject_kind=subject_kind,
            subject_id=subject_id,
            subject_seq=subject_seq,
            number=number,
            amount=amount,
            event=event,
            actor=actor,
            actor_id=actor_id,
            acting_for=acting_for,
            from_state=from_state,
            to_state=to_state,
            changes=changes,
            comment=comment,
            data=data,
            request_id=request_id,
            ip=ip,
            prev_hash=prev_hash,
            hash_=hash_,
        )

        audit_event.additional_properties = d
        return audit_event

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
