"""What the task page shows of the object a step decides on, and the warnings a request's page
carries, asked of each process through its spec (ProcessSpec.task_panel, .warnings)."""

from collections import defaultdict

from core import registry

from .models import Request


def task_panel(req: Request, user) -> tuple[str, dict] | None:
    spec = registry.get(req.kind)
    if spec is None or spec.task_panel is None:
        return None
    return spec.task_panel(req, user)


def warnings_for(requests: list[Request]) -> dict[int, list[str]]:
    """request id -> its warnings (empty lists left out); one call per process kind."""
    by_kind: dict[str, list[Request]] = defaultdict(list)
    for req in requests:
        by_kind[req.kind].append(req)
    found: dict[int, list[str]] = {}
    for kind, reqs in by_kind.items():
        spec = registry.get(kind)
        if spec is not None and spec.warnings is not None:
            found.update({pk: w for pk, w in spec.warnings(reqs).items() if w})
    return found
