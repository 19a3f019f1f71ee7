"""Workflow apps register here in their AppConfig.ready(); core never imports them."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class ProcessRegistration:
    kind: str
    label: str
    seed_demo: Callable[[], None] | None = None
    extra: dict = field(default_factory=dict)


_processes: dict[str, ProcessRegistration] = {}


def register(registration: ProcessRegistration) -> None:
    _processes[registration.kind] = registration


def processes() -> list[ProcessRegistration]:
    return list(_processes.values())


def get(kind: str) -> ProcessRegistration | None:
    return _processes.get(kind)
