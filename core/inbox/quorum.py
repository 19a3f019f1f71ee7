"""会签 / 或签 / n-of-m: a chain step that several people sign at once.

A chain step with `"quorum": n` and more than one candidate opens one task per candidate (all
at once, beside each other); the step is decided when

- n of them approved: approved — the others' tasks are cancelled and they are told;
- so many rejected that n approvals can no longer come (m − rejections < n): rejected;
- any of them returned it: returned, like any step.

Until then each decision is a vote (audit `<kind>.countersigned`) and the flow does not move.
n = m is 会签 (all must approve), n = 1 is 或签 (anyone; a queue does the same with one task).
The step remembers the tasks of its current opening in `"tasks"` (a return to the step opens
new ones); "alongside me" (加签, core/inbox/actions.py) adds tasks to a step this way too.

Races: every vote takes the process row lock first (services._locked_item), so of two votes
at once the second sees the first, and exactly one of them moves the flow.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop
from viewflow.workflow.status import STATUS

from .models import Decision, Request, WorkItem, WorkItemStatus


def quorum_of(step: dict) -> int | None:
    """n for a step signed by several people at once, or None for an ordinary step."""
    n = step.get("quorum")
    if not n or len(step.get("candidates", [])) < 2:
        return None
    return max(1, min(int(n), len(step["candidates"])))


def is_cosigned_item(req: Request, item: WorkItem) -> bool:
    if item.is_revision or not (0 <= item.step_index < len(req.chain)):
        return False
    step = req.chain[item.step_index]
    return bool(step.get("quorum")) and item.pk in step.get("tasks", [])


@dataclass(frozen=True)
class Tally:
    needed: int
    of: int
    approved: int
    rejected: int

    @property
    def reached(self) -> bool:
        return self.approved >= self.needed

    @property
    def unreachable(self) -> bool:
        return self.of - self.rejected < self.needed

    def as_data(self) -> dict:
        return {"needed": self.needed, "of": self.of, "approved": self.approved,
                "rejected": self.rejected}


def tally(req: Request, step_index: int, *, vote_of: int | None = None,
          vote: str = "") -> Tally:
    """The step's count, with `vote` (a decision being taken on task `vote_of`) included."""
    return tally_of(req.chain[step_index], vote_of=vote_of, vote=vote)


def tally_of(step: dict, *, vote_of: int | None = None, vote: str = "") -> Tally:
    """The count of any group of tasks signed together: a chain step's, or a stage's
    (core/inbox/stages.py), `{"tasks": [ids], "quorum": n}`."""
    tasks = list(step.get("tasks", []))
    decided = dict(WorkItem.objects.filter(pk__in=tasks, status=WorkItemStatus.DONE)
                   .values_list("pk", "decision"))
    if vote_of is not None:
        decided[vote_of] = vote
    votes = list(decided.values())
    return Tally(needed=max(1, min(int(step.get("quorum") or 1), len(tasks) or 1)),
                 of=len(tasks), approved=votes.count(Decision.APPROVED),
                 rejected=votes.count(Decision.REJECTED))


def siblings_open(req: Request, item: WorkItem) -> list[WorkItem]:
    tasks = req.chain[item.step_index].get("tasks", [])
    return list(WorkItem.objects.select_related("task").filter(
        pk__in=[t for t in tasks if t != item.pk], status=WorkItemStatus.OPEN))


def cancel_siblings(req: Request, item: WorkItem, *, reason: str) -> list[int]:
    """Close the step's other open tasks (quorum reached, or the step decided otherwise) and
    tell their holders. Returns the cancelled task ids."""
    return cancel_items(req, item, siblings_open(req, item), reason=reason)


def cancel_items(req: Request, item: WorkItem, others: list[WorkItem], *, reason: str) -> list[int]:
    """Cancel `others` (open tasks beside `item` that its decision made needless), their
    viewflow tasks with them, and tell their holders."""
    from . import notify, services

    if not others:
        return []
    for other in others:
        task = other.task
        task.process = req.process
        task.flow_task.activation_class(task).cancel()
    # as a withdrawal cancels tasks: no decision, no decided_at (analytics count decisions)
    WorkItem.objects.filter(pk__in=[o.pk for o in others]).update(
        status=WorkItemStatus.CANCELLED)
    services.set_queue_open([o.pk for o in others], False)
    messages = {
        "approved": gettext_noop("%(title)s: %(step)s has the approvals it needs; your "
                                 "signature is no longer needed"),
        "decided": gettext_noop("%(title)s: %(step)s was decided by another signer; your "
                                "task is closed"),
    }
    notify.on_commit_many(
        [o.assignee_id for o in others if o.assignee_id], kind="decided", request=req,
        key=f"quorum_closed:{item.pk}", message=messages[reason],
        params={"title": req.title, "step": item.step_code},
        target=("inbox:request", {"request_id": req.pk}))
    return [o.pk for o in others]


def open_sibling(item_or_task, *, user_id: int, step: dict, step_index: int,
                 label: str | None = None) -> WorkItem:
    """One more task beside `item_or_task`'s on the same chain step (same flow node and token),
    assigned to `user_id`, with its inbox row, SLA and notification."""
    from . import engine

    src = getattr(item_or_task, "task", item_or_task)
    flow_class = src.flow_task.flow_class
    task = flow_class.task_class(process=src.process, flow_task=src.flow_task, token=src.token,
                                 owner_id=user_id, status=STATUS.ASSIGNED)
    task.data = dict(src.data or {})  # what the node's own task carries (a plan's region)
    task.save()
    task.previous.set(list(src.previous.all()))
    activation = src.flow_task.activation_class(task)
    item = engine.open_work_item(activation, step_code=step["code"],
                                 step_label=label or step["label"], step_index=step_index,
                                 candidate_ids=[user_id], parallel=True)
    if step.get("sla_hours"):
        from decimal import Decimal

        engine.own_deadline(item, Decimal(str(step["sla_hours"])))
    return item
