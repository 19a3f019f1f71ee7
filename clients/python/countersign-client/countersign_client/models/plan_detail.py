from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.history_event import HistoryEvent
    from ..models.person import Person
    from ..models.plan_confirmation import PlanConfirmation
    from ..models.plan_version import PlanVersion


T = TypeVar("T", bound="PlanDetail")


@_attrs_define
class PlanDetail:
    """The company target, or null for a viewer who sees only their own line (a salesperson);
    the view says which in the context (`sees_target`).

        Attributes:
            id (int):
            number (str):
            version (int):
            reference (str):
            fiscal_year (int):
            title (str):
            target (None | str):
            currency (str):
            state (str): draft, confirming, confirmed, in_sign_off, published, returned, withdrawn, superseded
            state_label (str):
            author (Person):
            previous (int | None):
            created (datetime.datetime):
            published_at (datetime.datetime | None):
            strategy (str):
            revision_reason (str):
            return_note (str): The last push-back or return's reason.
            returned_by (None | Person):
            returned_at (datetime.datetime | None):
            submitted_at (datetime.datetime | None):
            confirmed_at (datetime.datetime | None):
            sent_to_ceo_at (datetime.datetime | None):
            request_id (int | None):
            current_step (str):
            waiting_on (list[Person]):
            confirmations (list[PlanConfirmation]):
            versions (list[PlanVersion]):
            history (list[HistoryEvent]):
            available_actions (list[str]): What you may do with the plan now (selectors.plan_actions): edit, submit,
                send_to_ceo, withdraw, revise, confirm, push_back, sign_off, return, record_actual, import_actuals.
    """

    id: int
    number: str
    version: int
    reference: str
    fiscal_year: int
    title: str
    target: None | str
    currency: str
    state: str
    state_label: str
    author: Person
    previous: int | None
    created: datetime.datetime
    published_at: datetime.datetime | None
    strategy: str
    revision_reason: str
    return_note: str
    returned_by: None | Person
    returned_at: datetime.datetime | None
    submitted_at: datetime.datetime | None
    confirmed_at: datetime.datetime | None
    sent_to_ceo_at: datetime.datetime | None
    request_id: int | None
    current_step: str
    waiting_on: list[Person]
    confirmations: list[PlanConfirmation]
    versions: list[PlanVersion]
    history: list[HistoryEvent]
    available_actions: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415

        id = self.id

        number = self.number

        version = self.version

        reference = self.reference

        fiscal_year = self.fiscal_year

        title = self.title

        target: None | str
        target = self.target

        currency = self.currency

        state = self.state

        state_label = self.state_label

        author = self.author.to_dict()

        previous: int | None
        previous = self.previous

        created = self.created.isoformat()

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        strategy = self.strategy

        revision_reason = self.revision_reason

        return_note = self.return_note

        returned_by: dict[str, Any] | None
        if isinstance(self.returned_by, Person):
            returned_by = self.returned_by.to_dict()
        else:
            returned_by = self.returned_by

        returned_at: None | str
        if isinstance(self.returned_at, datetime.datetime):
            returned_at = self.returned_at.isoformat()
        else:
            returned_at = self.returned_at

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        confirmed_at: None | str
        if isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        sent_to_ceo_at: None | str
        if isinstance(self.sent_to_ceo_at, datetime.datetime):
            sent_to_ceo_at = self.sent_to_ceo_at.isoformat()
        else:
            sent_to_ceo_at = self.sent_to_ceo_at

        request_id: int | None
        request_id = self.request_id

        current_step = self.current_step

        waiting_on = []
        for waiting_on_item_data in self.waiting_on:
            waiting_on_item = waiting_on_item_data.to_dict()
            waiting_on.append(waiting_on_item)

        confirmations = []
        for confirmations_item_data in self.confirmations:
            confirmations_item = confirmations_item_data.to_dict()
            confirmations.append(confirmations_item)

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        available_actions = self.available_actions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "version": version,
                "reference": reference,
                "fiscal_year": fiscal_year,
                "title": title,
                "target": target,
                "currency": currency,
                "state": state,
                "state_label": state_label,
                "author": author,
                "previous": previous,
                "created": created,
                "published_at": published_at,
                "strategy": strategy,
                "revision_reason": revision_reason,
                "return_note": return_note,
                "returned_by": returned_by,
                "returned_at": returned_at,
                "submitted_at": submitted_at,
                "confirmed_at": confirmed_at,
                "sent_to_ceo_at": sent_to_ceo_at,
                "request_id": request_id,
                "current_step": current_step,
                "waiting_on": waiting_on,
                "confirmations": confirmations,
                "versions": versions,
                "history": history,
                "available_actions": available_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_event import HistoryEvent  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415
        from ..models.plan_confirmation import PlanConfirmation  # noqa: PLC0415
        from ..models.plan_version import PlanVersion  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        version = d.pop("version")

        reference = d.pop("reference")

        fiscal_year = d.pop("fiscal_year")

        title = d.pop("title")

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        currency = d.pop("currency")

        state = d.pop("state")

        state_label = d.pop("state_label")

        author = Person.from_dict(d.pop("author"))

        def _parse_previous(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous = _parse_previous(d.pop("previous"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        strategy = d.pop("strategy")

        revision_reason = d.pop("revision_reason")

        return_note = d.pop("return_note")

        def _parse_returned_by(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                returned_by_type_1 = Person.from_dict(data)

                return returned_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        returned_by = _parse_returned_by(d.pop("returned_by"))

        def _parse_returned_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returned_at_type_0 = datetime.datetime.fromisoformat(data)

                return returned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        returned_at = _parse_returned_at(d.pop("returned_at"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at"))

        def _parse_sent_to_ceo_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_to_ceo_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_to_ceo_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_to_ceo_at = _parse_sent_to_ceo_at(d.pop("sent_to_ceo_at"))

        def _parse_request_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        request_id = _parse_request_id(d.pop("request_id"))

        current_step = d.pop("current_step")

        waiting_on = []
        _waiting_on = d.pop("waiting_on")
        for waiting_on_item_data in _waiting_on:
            waiting_on_item = Person.from_dict(waiting_on_item_data)

            waiting_on.append(waiting_on_item)

        confirmations = []
        _confirmations = d.pop("confirmations")
        for confirmations_item_data in _confirmations:
            confirmations_item = PlanConfirmation.from_dict(confirmations_item_data)

            confirmations.append(confirmations_item)

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = PlanVersion.from_dict(versions_item_data)

            versions.append(versions_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEvent.from_dict(history_item_data)

            history.append(history_item)

        available_actions = cast(list[str], d.pop("available_actions"))

        plan_detail = cls(
            id=id,
            number=number,
            version=version,
            reference=reference,
            fiscal_year=fiscal_year,
            title=title,
            target=target,
            currency=currency,
            state=state,
            state_label=state_label,
            author=author,
            previous=previous,
            created=created,
            published_at=published_at,
            strategy=strategy,
            revision_reason=revision_reason,
            return_note=return_note,
            returned_by=returned_by,
            returned_at=returned_at,
            submitted_at=submitted_at,
            confirmed_at=confirmed_at,
            sent_to_ceo_at=sent_to_ceo_at,
            request_id=request_id,
            current_step=current_step,
            waiting_on=waiting_on,
            confirmations=confirmations,
            versions=versions,
            history=history,
            available_actions=available_actions,
        )

        plan_detail.additional_properties = d
        return plan_detail

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
