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


def own_page_reason(kind: str, step_code: str) -> str:
    """Why a task of this step is opened and decided on its own page, never approved from a
    list row or in bulk (ProcessSpec.decided_on_page); "" when a plain approval will do. The
    one rule for the inbox's checkboxes and row buttons, the bulk approval and its API. No
    query: the list asks it of every row."""
    spec = registry.get(kind)
    reason = spec.own_page_reason(step_code) if spec is not None else None
    return str(reason) if reason else ""


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
