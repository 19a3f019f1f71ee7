from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.analytics_period import AnalyticsPeriod
    from ..models.approver import Approver
    from ..models.backlog import Backlog
    from ..models.heatmap import Heatmap
    from ..models.nudges import Nudges
    from ..models.process_cycle import ProcessCycle
    from ..models.returns import Returns
    from ..models.sla import Sla
    from ..models.slow_request import SlowRequest
    from ..models.step_cycle import StepCycle
    from ..models.throughput import Throughput
    from ..models.waiting_worked import WaitingWorked


T = TypeVar("T", bound="ApprovalAnalytics")


@_attrs_define
class ApprovalAnalytics:
    """
    Attributes:
        period (AnalyticsPeriod):
        process_cycle (list[ProcessCycle]):
        step_cycle (list[StepCycle]):
        sla (list[Sla]):
        returns (Returns):
        backlog (list[Backlog]):
        throughput (list[Throughput]):
        slowest_open (list[SlowRequest]):
        approvers (list[Approver]):
        waiting_worked (list[WaitingWorked]):
        nudges (list[Nudges]):
        heatmap (Heatmap):
    """

    period: AnalyticsPeriod
    process_cycle: list[ProcessCycle]
    step_cycle: list[StepCycle]
    sla: list[Sla]
    returns: Returns
    backlog: list[Backlog]
    throughput: list[Throughput]
    slowest_open: list[SlowRequest]
    approvers: list[Approver]
    waiting_worked: list[WaitingWorked]
    nudges: list[Nudges]
    heatmap: Heatmap
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        process_cycle = []
        for process_cycle_item_data in self.process_cycle:
            process_cycle_item = process_cycle_item_data.to_dict()
            process_cycle.append(process_cycle_item)

        step_cycle = []
        for step_cycle_item_data in self.step_cycle:
            step_cycle_item = step_cycle_item_data.to_dict()
            step_cycle.append(step_cycle_item)

        sla = []
        for sla_item_data in self.sla:
            sla_item = sla_item_data.to_dict()
            sla.append(sla_item)

        returns = self.returns.to_dict()

        backlog = []
        for backlog_item_data in self.backlog:
            backlog_item = backlog_item_data.to_dict()
            backlog.append(backlog_item)

        throughput = []
        for throughput_item_data in self.throughput:
            throughput_item = throughput_item_data.to_dict()
            throughput.append(throughput_item)

        slowest_open = []
        for slowest_open_item_data in self.slowest_open:
            slowest_open_item = slowest_open_item_data.to_dict()
            slowest_open.append(slowest_open_item)

        approvers = []
        for approvers_item_data in self.approvers:
            approvers_item = approvers_item_data.to_dict()
            approvers.append(approvers_item)

        waiting_worked = []
        for waiting_worked_item_data in self.waiting_worked:
            waiting_worked_item = waiting_worked_item_data.to_dict()
            waiting_worked.append(waiting_worked_item)

        nudges = []
        for nudges_item_data in self.nudges:
            nudges_item = nudges_item_data.to_dict()
            nudges.append(nudges_item)

        heatmap = self.heatmap.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "process_cycle": process_cycle,
                "step_cycle": step_cycle,
                "sla": sla,
                "returns": returns,
                "backlog": backlog,
                "throughput": throughput,
                "slowest_open": slowest_open,
                "approvers": approvers,
                "waiting_worked": waiting_worked,
                "nudges": nudges,
                "heatmap": heatmap,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.analytics_period import AnalyticsPeriod  # noqa: PLC0415
        from ..models.approver import Approver  # noqa: PLC0415
        from ..models.backlog import Backlog  # noqa: PLC0415
        from ..models.heatmap import Heatmap  # noqa: PLC0415
        from ..models.nudges import Nudges  # noqa: PLC0415
        from ..models.process_cycle import ProcessCycle  # noqa: PLC0415
        from ..models.returns import Returns  # noqa: PLC0415
        from ..models.sla import Sla  # noqa: PLC0415
        from ..models.slow_request import SlowRequest  # noqa: PLC0415
        from ..models.step_cycle import StepCycle  # noqa: PLC0415
        from ..models.throughput import Throughput  # noqa: PLC0415
        from ..models.waiting_worked import WaitingWorked  # noqa: PLC0415

        d = dict(src_dict)
        period = AnalyticsPeriod.from_dict(d.pop("period"))

        process_cycle = []
        _process_cycle = d.pop("process_cycle")
        for process_cycle_item_data in _process_cycle:
            process_cycle_item = ProcessCycle.from_dict(process_cycle_item_data)

            process_cycle.append(process_cycle_item)

        step_cycle = []
        _step_cycle = d.pop("step_cycle")
        for step_cycle_item_data in _step_cycle:
            step_cycle_item = StepCycle.from_dict(step_cycle_item_data)

            step_cycle.append(step_cycle_item)

        sla = []
        _sla = d.pop("sla")
        for sla_item_data in _sla:
            sla_item = Sla.from_dict(sla_item_data)

            sla.append(sla_item)

        returns = Returns.from_dict(d.pop("returns"))

        backlog = []
        _backlog = d.pop("backlog")
        for backlog_item_data in _backlog:
            backlog_item = Backlog.from_dict(backlog_item_data)

            backlog.append(backlog_item)

        throughput = []
        _throughput = d.pop("throughput")
        for throughput_item_data in _throughput:
            throughput_item = Throughput.from_dict(throughput_item_data)

            throughput.append(throughput_item)

        slowest_open = []
        _slowest_open = d.pop("slowest_open")
        for slowest_open_item_data in _slowest_open:
            slowest_open_item = SlowRequest.from_dict(slowest_open_item_data)

            slowest_open.append(slowest_open_item)

        approvers = []
        _approvers = d.pop("approvers")
        for approvers_item_data in _approvers:
            approvers_item = Approver.from_dict(approvers_item_data)

            approvers.append(approvers_item)

        waiting_worked = []
        _waiting_worked = d.pop("waiting_worked")
        for waiting_worked_item_data in _waiting_worked:
            waiting_worked_item = WaitingWorked.from_dict(waiting_worked_item_data)

            waiting_worked.append(waiting_worked_item)

        nudges = []
        _nudges = d.pop("nudges")
        for nudges_item_data in _nudges:
            nudges_item = Nudges.from_dict(nudges_item_data)

            nudges.append(nudges_item)

        heatmap = Heatmap.from_dict(d.pop("heatmap"))

        approval_analytics = cls(
            period=period,
            process_cycle=process_cycle,
            step_cycle=step_cycle,
            sla=sla,
            returns=returns,
            backlog=backlog,
            throughput=throughput,
            slowest_open=slowest_open,
            approvers=approvers,
            waiting_worked=waiting_worked,
            nudges=nudges,
            heatmap=heatmap,
        )

        approval_analytics.additional_properties = d
        return approval_analytics

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
