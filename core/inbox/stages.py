"""加签 on a stage outside the approval chain: a flow node of the process's own (a contract's
legal or finance review, a claim's voucher review, a plan's regional confirmation, a risk's
approval), generic over processes.

A stage that got signers keeps a small chain of its own in `Request.stages`, keyed by the task
the flow opened for it:

    {"code", "label", "round", "at": i, "deferred": [task ids], "notes": {person: note},
     "steps": [{"people": [ids], "tasks": [ids], "quorum": n, "position": "holder" | "before"
                | "after", "alongside": [ids], "sla_hours": "4" | None}, ...]}

`steps[at]` signs now: each of its people has a task on the stage's own flow node (same node
and token, opened beside the flow's task by `quorum.open_sibling`), and all of them must
approve (`quorum.tally_of`). Their approvals are votes (`<kind>.countersigned`): the task is
done but the flow does not move. When the step's last approval comes, the next step's tasks
open; the node is completed, and the process's `on_decision` called, only by the approval that
completes the last step — as if the holder alone had approved. A rejection or return by any of
them decides the stage at once, as the holder's would: the stage's other open tasks are
cancelled and their holders told.

"Before me" defers the holder's task (closed as `deferred`, not a decision) and puts the added
steps, then the holder's again, in front; "after me" puts them after the holder's step;
"alongside me" adds people to the step signing now.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from viewflow.workflow.status import STATUS

from . import engine, quorum
from .models import Decision, Request, WorkItem, WorkItemStatus

HOLDER, BEFORE, AFTER = "holder", "before", "after"
VOTE, NEXT, DECIDES = "vote", "next", "decides"


def groups(req: Request) -> dict[str, dict]:
    """The stages of the request's current round that have added signers, by anchor task id."""
    return {k: g for k, g in (req.stages or {}).items() if g.get("round") == req.round}


def find(req: Request, item: WorkItem) -> dict | None:
    """The stage group `item` signs in, if its stage has added signers."""
    if item.is_revision or item.step_index >= 0:
        return None
    for group in (req.stages or {}).values():
        if group.get("round") == item.round and any(
                item.pk in s.get("tasks", []) for s in group["steps"]):
            return group
    return None


def current(group: dict) -> dict:
    return group["steps"][group["at"]]


def signers(group: dict) -> set[int]:
    """Everyone who signs the stage: done, signing now or still to come."""
    return {p for s in group["steps"] for p in s.get("people", [])}


def start(req: Request, item: WorkItem) -> dict:
    """The stage's group, made on its first added signer: the holder's task is its one step."""
    group = find(req, item)
    if group is None:
        group = {"code": item.step_code, "label": item.step_label, "kind": item.kind,
                 "round": item.round,
                 "at": 0, "deferred": [], "notes": {},
                 "steps": [{"people": [item.assignee_id], "tasks": [item.pk], "quorum": 1,
                            "position": HOLDER}]}
        req.stages = {**(req.stages or {}), str(item.pk): group}
    return group


def base_label(group: dict) -> str:
    """The stage's name in the reader's language when the process declares it (the stored
    label is in the language of whoever opened the stage); else as stored (a plan's
    "Regional confirmation: East")."""
    from django.utils import translation

    from core import registry

    spec = registry.get(group.get("kind", ""))
    declared = spec.steps.get(group["code"]) if spec is not None else None
    if declared is None:
        return group["label"]
    names = set()
    for lang in ("en", "zh-hans"):
        with translation.override(lang):
            names.add(str(declared))
    return str(declared) if group["label"] in names else group["label"]


def label_for(group: dict, step: dict, person: int) -> str:
    base = base_label(group)
    if step.get("position") == HOLDER and person not in step.get("alongside", []):
        return base
    if person in step.get("alongside", []):
        return _("%(step)s (co-signer)") % {"step": base}
    return _("%(step)s (added signer)") % {"step": base}


def open_tasks(req: Request, src: WorkItem, group: dict, people: list[int],
               sla_hours: str | None) -> list[WorkItem]:
    """Tasks for `people` on the stage's flow node, beside `src` (its own inbox row, deadline
    and notification each)."""
    step = current(group)
    return [quorum.open_sibling(src, user_id=p, step_index=-1, label=label_for(group, step, p),
                                step={"code": group["code"], "label": group["label"],
                                      "sla_hours": sla_hours})
            for p in people]


def open_current(req: Request, src: WorkItem, group: dict) -> list[WorkItem]:
    step = current(group)
    opened = open_tasks(req, src, group, step["people"], step.get("sla_hours"))
    step["tasks"] = [o.pk for o in opened]
    step["quorum"] = len(opened)
    return opened


def verdict(group: dict, item: WorkItem, decision: str) -> str:
    """What `decision` on `item` does to its stage: a vote (the step waits for its other
    signers), the next step (this step is complete, more follow), or the stage's decision."""
    if decision != Decision.APPROVED:
        return DECIDES
    count = quorum.tally_of(current(group), vote_of=item.pk, vote=decision)
    if not count.reached:
        return VOTE
    return NEXT if group["at"] + 1 < len(group["steps"]) else DECIDES


def complete_only(item: WorkItem, *, holder) -> None:
    """The task is done, and the flow does not move: viewflow's execute() without activating
    the next node, whatever the node's class (a plain View would go on to its Next)."""
    task = item.task
    activation = task.flow_task.activation_class(task)
    if task.status == STATUS.NEW:
        task.owner = holder
        activation.assign(holder)
    activation.start(None)
    activation.complete()


def advance(req: Request, item: WorkItem, group: dict) -> list[WorkItem]:
    """After the step's last approval: the next step's tasks open (the caller saves)."""
    group["at"] += 1
    return open_current(req, item, group)


def cancel_others(req: Request, group: dict, item: WorkItem) -> list[int]:
    """A signer decided the stage (rejected or returned it): the stage's other open tasks
    close and their holders are told."""
    ids = [t for s in group["steps"] for t in s.get("tasks", []) if t != item.pk]
    others = list(WorkItem.objects.select_related("task").filter(
        pk__in=ids, status=WorkItemStatus.OPEN))
    return quorum.cancel_items(req, item, others, reason="decided")


def sla_text(sla_hours: Decimal | None) -> str | None:
    return str(sla_hours) if sla_hours is not None else None


def later_chain_people(req: Request) -> set[int]:
    """The candidates of the chain steps still ahead of the request (a stage before the
    chain: all of them; after it: none)."""
    return {c for s in (req.chain or [])[req.step_index:] for c in s.get("candidates", [])}


def holders_elsewhere(req: Request, group_tasks: set[int]) -> set[int]:
    """Who holds or may claim another open task of the request (a parallel branch, another
    region's confirmation): they decide that one."""
    from .models import Candidate

    others = WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).exclude(
        pk__in=list(group_tasks))
    held = {a for a in others.values_list("assignee_id", flat=True) if a}
    held |= set(Candidate.objects.filter(work_item__in=others, open=True)
                .values_list("user_id", flat=True))
    return held


def wait(req: Request) -> None:
    engine.wait_on_open_items(req, since=req.since)
