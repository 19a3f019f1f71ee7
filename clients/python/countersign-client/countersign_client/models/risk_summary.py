from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.risk_escalation import RiskEscalation
    from ..models.risk_overdue_measure import RiskOverdueMeasure
    from ..models.risk_summary_levels import RiskSummaryLevels


T = TypeVar("T", bound="RiskSummary")


@_attrs_define
class RiskSummary:
    """
    Attributes:
        levels (RiskSummaryLevels): Open risks per level.
        escalations (list[RiskEscalation]): The latest 50.
        overdue_measures (list[RiskOverdueMeasure]):
    """

    levels: RiskSummaryLevels
    escalations: list[RiskEscalation]
    overdue_measures: list[RiskOverdueMeasure]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        levels = self.levels.to_dict()

        escalations = []
        for escalations_item_data in self.escalations:
            escalations_item = escalations_item_data.to_dict()
            escalations.append(escalations_item)

        overdue_measures = []
        for overdue_measures_item_data in self.overdue_measures:
            overdue_measures_item = overdue_measures_item_data.to_dict()
            overdue_measures.append(overdue_measures_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "levels": levels,
                "escalations": escalations,
                "overdue_measures": overdue_measures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.risk_escalation import RiskEscalation  # noqa: PLC0415
        from ..models.risk_overdue_measure import RiskOverdueMeasure  # noqa: PLC0415
        from ..models.risk_summary_levels import RiskSummaryLevels  # noqa: PLC0415

        d = dict(src_dict)
        levels = RiskSummaryLevels.from_dict(d.pop("levels"))

        escalations = []
        _escalations = d.pop("escalations")
        for escalations_item_data in _escalations:
            escalations_item = RiskEscalation.from_dict(escalations_item_data)

            escalations.append(escalations_item)

        overdue_measures = []
        _overdue_measures = d.pop("overdue_measures")
        for overdue_measures_item_data in _overdue_measures:
            overdue_measures_item = RiskOverdueMeasure.from_dict(overdue_measures_item_data)

            overdue_measures.append(overdue_measures_item)

        risk_summary = cls(
            levels=levels,
            escalations=escalations,
            overdue_measures=overdue_measures,
        )

        risk_summary.additional_properties = d
        return risk_summary

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
