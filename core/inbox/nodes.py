"""Flow nodes shared by every governed process.

`Route` is viewflow's exclusive gateway (flow.Switch) without its savepoint. viewflow opens one
around the conditions so that, when it is told to keep errors instead of raising them, it can
store the failed gateway; ours always raise, and every action is one transaction that succeeds
or leaves nothing, so the savepoint only cost two statements on every step.

`RoutedView` is a human task that routes by itself: the cases a `Route` right after it would
hold, chosen when the task is done. A gateway after every decision costs viewflow a task row,
its `previous` row and the task's completion (three statements and a whole activation per
step); the choice is the same either way, and the process graph still shows every edge.
"""

from viewflow import this
from viewflow.workflow import flow
from viewflow.workflow.activation import Activation
from viewflow.workflow.base import Edge
from viewflow.workflow.exceptions import FlowRuntimeError
from viewflow.workflow.nodes.switch import SwitchActivation
from viewflow.workflow.nodes.view import ViewActivation


def choose(node, activation):
    """The first case whose condition holds; otherwise the default (the case given without a
    condition)."""
    default = None
    for target, condition in node._branches:
        if condition is None:
            default = target
        elif condition(activation):
            return target
    if default is None:
        raise FlowRuntimeError(f"No next task available for {node.name}")
    return default


class RouteActivation(SwitchActivation):
    @Activation.status.super()
    def activate(self):
        with self.exception_guard():
            self.next_task = choose(self.flow_task, self)


class Route(flow.Switch):
    activation_class = RouteActivation


class RoutedViewActivation(ViewActivation):
    @Activation.status.super()
    def create_next(self):
        from . import engine

        if engine.step_still_open(self.process):
            return  # a vote on a step several sign (core/inbox/quorum.py): the flow waits
        yield choose(self.flow_task, self)._create(self, self.task.token)


class RoutedView(flow.View):
    """flow.View whose `Case(node, condition)` / `Default(node)` replace `Next(node)`."""

    activation_class = RoutedViewActivation

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._branches = []

    def Case(self, node, condition=None):  # noqa: N802 (viewflow's name)
        self._branches.append((node, condition))
        return self

    def Default(self, node):  # noqa: N802 (viewflow's name)
        self._branches.append((node, None))
        return self

    def Next(self, *args, **kwargs):  # noqa: N802 (viewflow's name)
        raise TypeError("RoutedView routes with Case() and Default(), not Next()")

    def _resolve(self, instance):
        super()._resolve(instance)
        self._branches = [(this.resolve(instance, node), this.resolve(instance, condition))
                          for node, condition in self._branches]

    def _outgoing(self):
        for target, condition in self._branches:
            yield Edge(src=self, dst=target,
                       edge_class="cond_true" if condition else "default")
