"""Flow nodes shared by every governed process.

`Route` is viewflow's exclusive gateway (flow.Switch) without its savepoint. viewflow opens one
around the conditions so that, when it is told to keep errors instead of raising them, it can
store the failed gateway; ours always raise, and every action is one transaction that succeeds
or leaves nothing, so the savepoint only cost two statements on every step.
"""

from viewflow.workflow import flow
from viewflow.workflow.activation import Activation
from viewflow.workflow.exceptions import FlowRuntimeError
from viewflow.workflow.nodes.switch import SwitchActivation


class RouteActivation(SwitchActivation):
    @Activation.status.super()
    def activate(self):
        with self.exception_guard():
            # The first case whose condition holds; otherwise the default (the case given
            # without a condition).
            default = None
            for node, condition in self.flow_task._branches:
                if condition is None:
                    default = node
                elif condition(self):
                    self.next_task = node
                    break
            else:
                self.next_task = default
            if self.next_task is None:
                raise FlowRuntimeError(f"No next task available for {self.flow_task.name}")


class Route(flow.Switch):
    activation_class = RouteActivation
