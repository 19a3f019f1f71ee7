"""A request's whole route, as its pages draw it (the timeline): every stop of the current round
in order — the process's stages before the authority chain, each chain step, the stages after
it (ProcessSpec.route_before / route_after) — with what happened there or who will be asked.

It is read from the engine's own rows (the round's work items, the resolved chain), never from a
hard-coded list of steps: a step the engine adds (an extra approver, a re-routed stage) appears
as it opens. Before submission (a draft) the chain is resolved from the authority matrix as it
would be now: a preview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import pgettext_lazy

from core import registry
from core.org import selectors as org
from core.org.models import User

from . import stages
from .models import Request, RequestStatus, WorkItem, WorkItemStatus

ROUTE_STATES = {
    "done": pgettext_lazy("route", "approved"),
    "current": pgettext_lazy("route", "waiting here"),
    "returned": pgettext_lazy("route", "returned"),
    "rejected": pgettext_lazy("route", "rejected"),
    "revised": pgettext_lazy("route", "resubmitted"),
    "upcoming": pgettext_lazy("route", "to come"),
    "not_reached": pgettext_lazy("route", "not reached"),
    # a signer of an n-of-m step whose signature the quorum no longer needed
    "not_needed": pgettext_lazy("route", "not needed"),
    # 加签 before the holder on a stage: the holder's turn comes after the added signers
    "waiting": pgettext_lazy("route", "waits for the added signers"),
}
# several people may decide, the first one decides for all (a queue: 或签); every branch of a
# group must approve (会签)
ANY, ALL, QUORUM, SIGNERS = "any", "all", "quorum", "signers"
MODES = {ANY: pgettext_lazy("route", "any one of them (或签)"),
         ALL: pgettext_lazy("route", "all must approve (会签)"),
         SIGNERS: pgettext_lazy("route", "with added signers (加签), all must approve")}


@dataclass
class RouteStep:
    """One stop on the route. `when` is the decision's time for a decided step and the time the
    task opened for the current one; a parallel group carries its stops in `branches`."""

    code: str
    label: str
    state: str  # a ROUTE_STATES key, or "" (a stage the process completes on its own)
    who: str = ""
    when: datetime | None = None
    note: str = ""
    comment: str = ""
    acting_for: str = ""
    due: datetime | None = None
    mode: str = ""
    deputies: list[str] = field(default_factory=list)
    branches: list[RouteStep] = field(default_factory=list)
    task_id: int | None = None
    own_label: bool = False  # the task's own label (a region's confirmation), not the step's
    # a step several sign at once (core/inbox/quorum.py): (needed, of, approved so far)
    quorum: tuple[int, int, int] | None = None
    stage_group: str = ""  # the stage with added signers it belongs to (core/inbox/stages.py)

    @property
    def state_label(self) -> str:
        return str(ROUTE_STATES.get(self.state, ""))

    @property
    def mode_label(self) -> str:
        if self.mode == QUORUM and self.quorum:
            n, m, done = self.quorum
            if n == m:
                return str(pgettext_lazy("route", "all %(m)d must approve (%(done)d so far)")
                           % {"m": m, "done": done})
            return str(pgettext_lazy("route", "%(n)d of %(m)d must approve (%(done)d so far)")
                       % {"n": n, "m": m, "done": done})
        return str(MODES.get(self.mode, ""))

    @property
    def overdue(self) -> bool:
        return self.state == "current" and self.due is not None and self.due < timezone.now()

    @property
    def is_group(self) -> bool:
        return bool(self.branches)


def _group_state(states: list[str]) -> str:
    for state in ("rejected", "returned", "current"):
        if state in states:
            return state
    if all(s == "done" for s in states):
        return "done"
    if "done" in states:  # one branch approved, the others not open (yet): still under way
        return "current"
    return states[0] if states else ""


class _Route:
    def __init__(self, req: Request, chain: list[dict] | None = None):
        self.req = req
        self.given_chain = chain
        self.spec = registry.get(req.kind)
        self.draft = req.status == RequestStatus.DRAFT
        # the tasks of steps several sign at once: one stop per signer, cancelled ones too
        self.signed_at = {pk: i for i, s in enumerate(req.chain or [])
                          if s.get("quorum") for pk in s.get("tasks", [])}
        # stages with added signers: their tasks are drawn together, from the stage's own chain
        self.groups = {} if self.draft else stages.groups(req)
        self.grouped = {pk: anchor for anchor, g in self.groups.items()
                        for pk in [*g.get("deferred", []),
                                   *(t for s in g["steps"] for t in s.get("tasks", []))]}
        every = [] if self.draft else list(
            WorkItem.objects.filter(request=req, round=req.round)
            .select_related("decided_by", "acting_for", "assignee").order_by("pk"))
        self.by_pk = {i.pk: i for i in every}
        items = [i for i in every if i.status != WorkItemStatus.CANCELLED
                 or i.pk in self.signed_at or i.pk in self.grouped]
        # the submitter's open revision goes after the step that returned the request; closed
        # revisions (a resubmission that resumed this round) are in the history
        self.revision = next((i for i in items if i.is_revision and i.is_open), None)
        self.latest: dict[tuple, WorkItem] = {}
        for item in items:
            if item.is_revision:
                continue
            group = self.groups.get(self.grouped.get(item.pk, ""))
            key = (("chain", item.step_index, item.pk) if item.pk in self.signed_at
                   else ("chain", item.step_index) if item.step_index >= 0
                   else ("stage", group["code"], group["label"]) if group is not None
                   else ("stage", item.step_code, item.step_label))
            self.latest.pop(key, None)  # re-insert: the dict keeps the order the tasks opened
            self.latest[key] = item
        self.chain = self._chain()
        candidate_ids = {c for s in self.chain for c in s.get("candidates", [])}
        self.stage_people = {code: org.holder_names(role, req.region_id)
                             for code, role in (self.spec.stage_roles.items() if self.spec
                                                else ())}
        for names in self.stage_people.values():
            names.pop(req.submitter_id, None)  # never asked to decide their own request
        candidate_ids |= {pk for names in self.stage_people.values() for pk in names}
        candidate_ids |= {pk for g in self.groups.values() for pk in stages.signers(g)}
        self.people = {u.pk: str(u) for u in User.objects.filter(pk__in=candidate_ids)}
        self.deputies = {pk: [str(d) for d in ds] for pk, ds in org.deputies_by_principal(
            candidate_ids, kind=req.kind).items()}

    def _chain(self) -> list[dict]:
        if self.given_chain is not None:
            return list(self.given_chain)
        if not self.draft:
            return list(self.req.chain or [])
        from .engine import chain_for  # a preview: the matrix as it stands today

        try:
            return chain_for(self.req)
        except Exception:  # noqa: BLE001 - a matrix that cannot route yet: show the stages only
            return []

    def _future(self, code, label, note, candidates, quorum=None) -> RouteStep:
        finished = self.req.status in (RequestStatus.DONE, RequestStatus.APPROVED)
        open_or_draft = self.req.is_open or self.draft
        state = "upcoming" if open_or_draft else "" if finished else "not_reached"
        who = [c for c in candidates if c in self.people]
        deputies = [f"{self.people[c]} → {d}" for c in who for d in self.deputies.get(c, [])]
        n = min(int(quorum), len(who)) if quorum and len(who) > 1 else None
        return RouteStep(code, label, state, who=", ".join(self.people[c] for c in who),
                         note=note, mode=QUORUM if n else ANY if len(who) > 1 else "",
                         quorum=(n, len(who), 0) if n else None,
                         deputies=deputies if open_or_draft else [])

    def _seen(self, item: WorkItem, code, label, note) -> RouteStep:
        if item.status == WorkItemStatus.CANCELLED:  # an n-of-m signer the quorum did without
            return RouteStep(code, label, "not_needed", who=str(item.assignee or ""),
                             task_id=item.pk)
        if item.is_open:
            people: list[User] = ([item.assignee] if item.assignee is not None
                                  else list(item.candidates.all()))
            return RouteStep(code, label, "current", who=", ".join(str(u) for u in people),
                             when=item.created, note=note, due=item.due, task_id=item.pk,
                             mode=ANY if len(people) > 1 else "",
                             deputies=[f"{u} → {d}" for u in people
                                       for d in self.deputies.get(u.pk, [])])
        state = {"approved": "done", "returned": "returned",
                 "rejected": "rejected"}.get(item.decision, "done")
        return RouteStep(code, label, state, who=str(item.decided_by or ""),
                         when=item.decided_at, note=note, comment=item.comment,
                         acting_for=str(item.acting_for or ""), task_id=item.pk)

    def stops(self) -> list[tuple[tuple, RouteStep, WorkItem | None]]:
        """(key, stop, its task) in route order, before grouping."""
        out: list[tuple[tuple, RouteStep, WorkItem | None]] = []
        spec = self.spec

        def stage_label(code):
            return str(spec.step_label(code)) if spec else code

        declared: list[tuple[tuple, str, str, str, list]] = []
        for code in (spec.route_before if spec else ()):
            declared.append((("stage", code), code, stage_label(code), "",
                             list(self.stage_people.get(code, {}))))
        for i, s in enumerate(self.chain):
            declared.append((("chain", i), s.get("code", ""), s.get("label", ""),
                             s.get("note", ""), s.get("candidates", [])))
        for code in (spec.route_after if spec else ()):
            declared.append((("stage", code), code, stage_label(code), "",
                             list(self.stage_people.get(code, {}))))
        # a stage's tasks are keyed by code and label: one plan confirmation per region
        by_stage: dict[str, list[tuple]] = {}
        for key in self.latest:
            if key[0] == "stage":
                by_stage.setdefault(key[1], []).append(key)
        placed = set()
        for key, code, label, note, candidates in declared:
            keys = by_stage.get(code, []) if key[0] == "stage" else [
                k for k in self.latest if k[:2] == key]
            if not keys:
                quorum = self.chain[key[1]].get("quorum") if key[0] == "chain" else None
                out.append((key, self._future(code, label, note, candidates, quorum), None))
            for k in keys:
                item = self.latest[k]
                if item.pk in self.grouped:
                    out += self._group_stops(k, self.grouped[item.pk])
                    placed.add(k)
                    continue
                stop = self._seen(item, code, item.step_label if len(keys) > 1 else label, note)
                stop.own_label = len(keys) > 1
                out.append((k, stop, item))
                placed.add(k)
        # what the round holds beyond the declared route (a process's own stage, an added step)
        for k, item in self.latest.items():
            if k in placed:
                continue
            if item.pk in self.grouped:
                out += self._group_stops(k, self.grouped[item.pk])
                continue
            out.append((k, self._seen(item, item.step_code, item.step_label, ""), item))
        return self._supersede(out)

    def _group_stops(self, key: tuple, anchor: str) -> list[tuple]:
        """A stage with added signers, signer by signer in the stage's order: who signed, who
        signs now, who is still to come (the holder, after signers added before them, waits)."""
        group = self.groups[anchor]
        notes = group.get("notes", {})
        out: list[tuple[tuple, RouteStep, WorkItem | None]] = []
        for n, step in enumerate(group["steps"]):
            for m, person in enumerate(step.get("people", [])):
                tasks = step.get("tasks", [])
                item = self.by_pk.get(tasks[m]) if m < len(tasks) else None
                label = stages.label_for(group, step, person)
                note = notes.get(str(person), "")
                if item is not None:  # named in the reader's language, not as stored
                    stop = self._seen(item, group["code"], label, note)
                else:
                    holder = step.get("position") == stages.HOLDER and n > group["at"]
                    stop = self._future(group["code"], label, note, [person])
                    if stop.state == "upcoming" and holder:
                        stop.state = "waiting"
                stop.own_label, stop.stage_group = True, anchor
                out.append(((*key, anchor, n, m), stop, item))
        return out

    def _supersede(self, out):
        """A return to an earlier step re-opens it: the later decisions of this round no longer
        stand, and those stops are to come again."""
        open_at = [n for n, (_k, stop, _i) in enumerate(out) if stop.state == "current"]
        if not open_at:
            return out
        first = min(open_at)
        newest_open = max(out[n][2].pk for n in open_at if out[n][2] is not None)
        parallel = {c for group in (self.spec.parallel if self.spec else ()) for c in group}
        for n in range(first + 1, len(out)):
            key, stop, item = out[n]
            if item is None or item.is_open or item.pk > newest_open:
                continue
            if stop.code in parallel and out[first][1].code in parallel:
                continue  # a branch decided beside the one still open
            if key[0] == "stage" and key[1] == out[first][1].code:
                continue  # another region's confirmation
            if _signer(key) and key[:2] == out[first][0][:2]:
                continue  # another signer of the same n-of-m step
            candidates = (self.chain[key[1]].get("candidates", []) if key[0] == "chain"
                          else list(self.stage_people.get(stop.code, {})))
            out[n] = (key, self._future(stop.code, stop.label, stop.note, candidates), None)
        return out

    def build(self) -> list[RouteStep]:
        stops = self.stops()
        if self.revision is not None:
            revision = self._seen(self.revision, self.revision.step_code,
                                  self.revision.step_label, "")
            at = max((n for n, (_k, s, _i) in enumerate(stops) if s.state == "returned"),
                     default=len(stops) - 1)
            stops.insert(at + 1, (("revision",), revision, self.revision))
        groups = [set(g) for g in (self.spec.parallel if self.spec else ())]
        route: list[RouteStep] = []
        n = 0
        while n < len(stops):
            key, stop, _item = stops[n]
            group = next((g for g in groups if stop.code in g), None)
            width = 1
            while n + width < len(stops) and _joins(stops[n + width], key, stop, group):
                width += 1
            if _signer(key):  # the signers of one n-of-m step
                while n + width < len(stops) and stops[n + width][0][:2] == key[:2]:
                    width += 1
                route.append(self._signed_together(key[1], stops[n:n + width]))
                n += width
                continue
            if width > 1:
                branches = [s for _k, s, _i in stops[n:n + width]]
                anchors = {b.stage_group for b in branches}
                one_stage = group is None and len(anchors) == 1 and "" not in anchors
                route.append(RouteStep(
                    "+".join(dict.fromkeys(b.code for b in branches)),
                    stages.base_label(self.groups[anchors.pop()]) if one_stage
                    else str(pgettext_lazy("route", "In parallel")),
                    _group_state([b.state for b in branches]),
                    mode=SIGNERS if one_stage else ALL, branches=branches))
            else:
                route.append(stop)
            n += width
        return route


    def _signed_together(self, index: int, stops) -> RouteStep:
        step = self.chain[index]
        branches = [s for _k, s, _i in stops]
        for b in branches:
            b.label, b.own_label = b.who, True  # each signer's stop is named after them
        done = sum(b.state == "done" for b in branches)
        states = [b.state for b in branches if b.state != "not_needed"]
        needed = int(step.get("quorum") or 1)
        state = ("done" if done >= needed else "rejected" if "rejected" in states
                 and "current" not in states else _group_state(states))
        return RouteStep(step.get("code", ""), step.get("label", ""), state, mode=QUORUM,
                         quorum=(needed, len(branches), done), branches=branches,
                         note=step.get("note", ""))


def _signer(key: tuple) -> bool:
    """A key of one signer's task on an n-of-m chain step: ("chain", index, task id)."""
    return key[0] == "chain" and len(key) == 3


def _joins(other, key, stop: RouteStep, group: set | None) -> bool:
    """Whether the stop `other` runs beside `stop`: a declared parallel group, or one task per
    region of one stage (a plan's confirmations)."""
    if group is not None:
        return other[1].code in group
    return key[0] == "stage" and other[0][0] == "stage" and other[1].code == stop.code


def request_route(req: Request) -> list[RouteStep]:
    """The route of the request's current round, stop by stop (see the module's docstring)."""
    return _Route(req).build()


def preview(*, kind: str, submitter: User, title: str = "", amount=None, category: str = "",
            region=None, extra_steps: tuple[str, ...] = (),
            chain: list[dict] | None = None) -> list[RouteStep]:
    """The route a submission with these header values would take, before anything is saved:
    the header built as `engine.submit_request` builds it (the submitter's region unless the
    process names one), left a draft, so that its chain comes from `engine.chain_for` — the
    function the submission itself calls — and every stop is still to come. A process that
    routes by its own rules outside any chain (a risk: by its level) passes the steps it will
    open as `chain` (`{"code", "label", "candidates", "note"}`)."""
    req = Request(kind=kind, submitter=submitter, title=title, amount=amount,
                  category=category or "", status=RequestStatus.DRAFT,
                  extra_steps=list(extra_steps))
    req.region = region if region is not None else submitter.region
    return _Route(req, chain).build()
