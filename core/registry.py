"""Workflow apps register here in their AppConfig.ready(); core never imports them.

A registration tells the task engine how to move the process's own domain object when a task is
decided, withdrawn or resubmitted, and where its pages are. Every callback runs inside the
engine's transaction, under the process lock, and returns the domain transition it made
(`Transition`) so that the engine records one audit event per action.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Transition:
    from_state: str = ""
    to_state: str = ""
    changes: dict = field(default_factory=dict)
    event: str | None = None  # overrides the engine's default event name


@dataclass
class ProcessRegistration:
    kind: str
    label: str
    flow_class: type | None = None
    # (request, work_item, decision, decider, comment) -> Transition | None
    on_decision: Callable | None = None
    # (request, actor, reason) -> Transition | None
    on_withdraw: Callable | None = None
    # (request, actor) -> Transition | None
    on_resubmit: Callable | None = None
    # (request) -> str: the request's own page
    detail_url: Callable | None = None
    seed_demo: Callable[[], None] | None = None
    # (now) -> int: the process's own timed work (overdue collections, measures, reviews), run
    # by the periodic sweep after the task engine's; must be idempotent and safe to run twice.
    sweep: Callable | None = None
    extra: dict = field(default_factory=dict)


_processes: dict[str, ProcessRegistration] = {}


def register(registration: ProcessRegistration) -> None:
    _processes[registration.kind] = registration


def processes() -> list[ProcessRegistration]:
    return list(_processes.values())


def get(kind: str) -> ProcessRegistration | None:
    return _processes.get(kind)
