from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contract_stats_breach import ContractStatsBreach
    from ..models.contract_stats_collections import ContractStatsCollections
    from ..models.contract_stats_period import ContractStatsPeriod
    from ..models.contract_stats_review_time import ContractStatsReviewTime
    from ..models.contract_stats_row import ContractStatsRow
    from ..models.contract_stats_step import ContractStatsStep
    from ..models.contract_stats_totals import ContractStatsTotals


T = TypeVar("T", bound="ContractStats")


@_attrs_define
class ContractStats:
    """
    Attributes:
        period (ContractStatsPeriod):
        region (None | str):
        currency (str):
        totals (ContractStatsTotals):
        by_region (list[ContractStatsRow]):
        by_state (list[ContractStatsRow]):
        by_month (list[ContractStatsRow]): By month of first submission.
        signed_by_month (list[ContractStatsRow]): Signed, by month of signing.
        cycle_times (list[ContractStatsStep]):
        review_time (ContractStatsReviewTime):
        credit_breach (ContractStatsBreach):
        collections (ContractStatsCollections):
    """

    period: ContractStatsPeriod
    region: None | str
    currency: str
    totals: ContractStatsTotals
    by_region: list[ContractStatsRow]
    by_state: list[ContractStatsRow]
    by_month: list[ContractStatsRow]
    signed_by_month: list[ContractStatsRow]
    cycle_times: list[ContractStatsStep]
    review_time: ContractStatsReviewTime
    credit_breach: ContractStatsBreach
    collections: ContractStatsCollections
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        region: None | str
        region = self.region

        currency = self.currency

        totals = self.totals.to_dict()

        by_region = []
        for by_region_item_data in self.by_region:
            by_region_item = by_region_item_data.to_dict()
            by_region.append(by_region_item)

        by_state = []
        for by_state_item_data in self.by_state:
            by_state_item = by_state_item_data.to_dict()
            by_state.append(by_state_item)

        by_month = []
        for by_month_item_data in self.by_month:
            by_month_item = by_month_item_data.to_dict()
            by_month.append(by_month_item)

        signed_by_month = []
        for signed_by_month_item_data in self.signed_by_month:
            signed_by_month_item = signed_by_month_item_data.to_dict()
            signed_by_month.append(signed_by_month_item)

        cycle_times = []
        for cycle_times_item_data in self.cycle_times:
            cycle_times_item = cycle_times_item_data.to_dict()
            cycle_times.append(cycle_times_item)

        review_time = self.review_time.to_dict()

        credit_breach = self.credit_breach.to_dict()

        collections = self.collections.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "region": region,
                "currency": currency,
                "totals": totals,
                "by_region": by_region,
                "by_state": by_state,
                "by_month": by_month,
                "signed_by_month": signed_by_month,
                "cycle_times": cycle_times,
                "review_time": review_time,
                "credit_breach": credit_breach,
                "collections": collections,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_stats_breach import ContractStatsBreach  # noqa: PLC0415
        from ..models.contract_stats_collections import ContractStatsCollections  # noqa: PLC0415
        from ..models.contract_stats_period import ContractStatsPeriod  # noqa: PLC0415
        from ..models.contract_stats_review_time import ContractStatsReviewTime  # noqa: PLC0415
        from ..models.contract_stats_row import ContractStatsRow  # noqa: PLC0415
        from ..models.contract_stats_step import ContractStatsStep  # noqa: PLC0415
        from ..models.contract_stats_totals import ContractStatsTotals  # noqa: PLC0415

        d = dict(src_dict)
        period = ContractStatsPeriod.from_dict(d.pop("period"))

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        currency = d.pop("currency")

        totals = ContractStatsTotals.from_dict(d.pop("totals"))

        by_region = []
        _by_region = d.pop("by_region")
        for by_region_item_data in _by_region:
            by_region_item = ContractStatsRow.from_dict(by_region_item_data)

            by_region.append(by_region_item)

        by_state = []
        _by_state = d.pop("by_state")
        for by_state_item_data in _by_state:
            by_state_item = ContractStatsRow.from_dict(by_state_item_data)

            by_state.append(by_state_item)

        by_month = []
        _by_month = d.pop("by_month")
        for by_month_item_data in _by_month:
            by_month_item = ContractStatsRow.from_dict(by_month_item_data)

            by_month.append(by_month_item)

        signed_by_month = []
        _signed_by_month = d.pop("signed_by_month")
        for signed_by_month_item_data in _signed_by_month:
            signed_by_month_item = ContractStatsRow.from_dict(signed_by_month_item_data)

            signed_by_month.append(signed_by_month_item)

        cycle_times = []
        _cycle_times = d.pop("cycle_times")
        for cycle_times_item_data in _cycle_times:
            cycle_times_item = ContractStatsStep.from_dict(cycle_times_item_data)

            cycle_times.append(cycle_times_item)

        review_time = ContractStatsReviewTime.from_dict(d.pop("review_time"))

        credit_breach = ContractStatsBreach.from_dict(d.pop("credit_breach"))

        collections = ContractStatsCollections.from_dict(d.pop("collections"))

        contract_stats = cls(
            period=period,
            region=region,
            currency=currency,
            totals=totals,
            by_region=by_region,
            by_state=by_state,
            by_month=by_month,
            signed_by_month=signed_by_month,
            cycle_times=cycle_times,
            review_time=review_time,
            credit_breach=credit_breach,
            collections=collections,
        )

        contract_stats.additional_properties = d
        return contract_stats

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
