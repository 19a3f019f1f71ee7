from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.budget_detail_available_actions_enum import BudgetDetailAvailableActionsEnum
from ..models.category_enum import CategoryEnum

if TYPE_CHECKING:
    from ..models.budget_detail_diff_to_previous import BudgetDetailDiffToPrevious
    from ..models.budget_region import BudgetRegion
    from ..models.budget_version import BudgetVersion
    from ..models.department import Department
    from ..models.history_event import HistoryEvent
    from ..models.person import Person


T = TypeVar("T", bound="BudgetDetail")


@_attrs_define
class BudgetDetail:
    """
    Attributes:
        id (int):
        number (str):
        fiscal_year (int):
        department (Department):
        region (BudgetRegion | None): The sales region of the department this budget is for; null: the whole department.
        category (CategoryEnum): * `personnel` - Personnel
            * `marketing` - Marketing and promotion
            * `travel` - Travel
            * `entertainment` - Business entertainment
            * `other` - Other
        version (int):
        previous (int | None):
        state (str): draft, submitted, returned, in_force, rejected, withdrawn, superseded
        total (str):
        currency (str):  Default: 'CNY'.
        quarters (list[str]):
        months (list[str]):
        owner (Person):
        prepared_by (Person):
        reason (str):
        in_force_at (datetime.datetime | None):
        versions (list[BudgetVersion]):
        diff_to_previous (BudgetDetailDiffToPrevious): {field: [before, after]} for total, q1..q4 and m1..m12 that
            changed; empty for a first version.
        history (list[HistoryEvent]):
        available_actions (list[BudgetDetailAvailableActionsEnum]): What you may do now (the same rule as the budget
            page); approvals are tasks (/api/tasks/).
    """

    id: int
    number: str
    fiscal_year: int
    department: Department
    region: BudgetRegion | None
    category: CategoryEnum
    version: int
    previous: int | None
    state: str
    total: str
    quarters: list[str]
    months: list[str]
    owner: Person
    prepared_by: Person
    reason: str
    in_force_at: datetime.datetime | None
    versions: list[BudgetVersion]
    diff_to_previous: BudgetDetailDiffToPrevious
    history: list[HistoryEvent]
    available_actions: list[BudgetDetailAvailableActionsEnum]
    currency: str = "CNY"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_region import BudgetRegion  # noqa: PLC0415

        id = self.id

        number = self.number

        fiscal_year = self.fiscal_year

        department = self.department.to_dict()

        region: dict[str, Any] | None
        if isinstance(self.region, BudgetRegion):
            region = self.region.to_dict()
        else:
            region = self.region

        category = self.category.value

        version = self.version

        previous: int | None
        previous = self.previous

        state = self.state

        total = self.total

        currency = self.currency

        quarters = self.quarters

        months = self.months

        owner = self.owner.to_dict()

        prepared_by = self.prepared_by.to_dict()

        reason = self.reason

        in_force_at: None | str
        if isinstance(self.in_force_at, datetime.datetime):
            in_force_at = self.in_force_at.isoformat()
        else:
            in_force_at = self.in_force_at

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        diff_to_previous = self.diff_to_previous.to_dict()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        available_actions = []
        for available_actions_item_data in self.available_actions:
            available_actions_item = available_actions_item_data.value
            available_actions.append(available_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "fiscal_year": fiscal_year,
                "department": department,
                "region": region,
                "category": category,
                "version": version,
                "previous": previous,
                "state": state,
                "total": total,
                "currency": currency,
                "quarters": quarters,
                "months": months,
                "owner": owner,
                "prepared_by": prepared_by,
                "reason": reason,
                "in_force_at": in_force_at,
                "versions": versions,
                "diff_to_previous": diff_to_previous,
                "history": history,
                "available_actions": available_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_detail_diff_to_previous import BudgetDetailDiffToPrevious  # noqa: PLC0415
        from ..models.budget_region import BudgetRegion  # noqa: PLC0415
        from ..models.budget_version import BudgetVersion  # noqa: PLC0415
        from ..models.department import Department  # noqa: PLC0415
        from ..models.history_event import HistoryEvent  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        fiscal_year = d.pop("fiscal_year")

        department = Department.from_dict(d.pop("department"))

        def _parse_region(data: object) -> BudgetRegion | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                region_type_1 = BudgetRegion.from_dict(data)

                return region_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BudgetRegion | None, data)

        region = _parse_region(d.pop("region"))

        category = CategoryEnum(d.pop("category"))

        version = d.pop("version")

        def _parse_previous(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous = _parse_previous(d.pop("previous"))

        state = d.pop("state")

        total = d.pop("total")

        currency = d.pop("currency")

        quarters = cast(list[str], d.pop("quarters"))

        months = cast(list[str], d.pop("months"))

        owner = Person.from_dict(d.pop("owner"))

        prepared_by = Person.from_dict(d.pop("prepared_by"))

        reason = d.pop("reason")

        def _parse_in_force_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_force_at_type_0 = datetime.datetime.fromisoformat(data)

                return in_force_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        in_force_at = _parse_in_force_at(d.pop("in_force_at"))

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = BudgetVersion.from_dict(versions_item_data)

            versions.append(versions_item)

        diff_to_previous = BudgetDetailDiffToPrevious.from_dict(d.pop("diff_to_previous"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEvent.from_dict(history_item_data)

            history.append(history_item)

        available_actions = []
        _available_actions = d.pop("available_actions")
        for available_actions_item_data in _available_actions:
            available_actions_item = BudgetDetailAvailableActionsEnum(available_actions_item_data)

            available_actions.append(available_actions_item)

        budget_detail = cls(
            id=id,
            number=number,
            fiscal_year=fiscal_year,
            department=department,
            region=region,
            category=category,
            version=version,
            previous=previous,
            state=state,
            total=total,
            currency=currency,
            quarters=quarters,
            months=months,
            owner=owner,
            prepared_by=prepared_by,
            reason=reason,
            in_force_at=in_force_at,
            versions=versions,
            diff_to_previous=diff_to_previous,
            history=history,
            available_actions=available_actions,
        )

        budget_detail.additional_properties = d
        return budget_detail

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
