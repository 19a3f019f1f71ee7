"""The reference model the state machines hold the product to, and the machinery they share.

The model is deliberately plain: per governed object its state, the chain it was routed on,
the tasks open on it (step, holder or queue) and the audit events every action must leave.
After every step the database must agree with it, and the invariants below must hold whatever
the model says (no self-approval, no decision beyond authority, the audit chain verifies).

The org (who manages whom, who holds which role) is the demo company, `core.org.demo.PEOPLE`.
Which chain a request is routed on is read from core.authority.approval_chain at the moment the
product reads it (delegations change it); who may decide a step is then judged from roles and
the line of management alone (`Org.authorized`), independently of whom the product assigned the
task to. Refusals are predicted exactly: the domain exception's class, in the order the services
check. Each example runs in a savepoint of the test's transaction and is rolled back.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from hypothesis import event as observe
from hypothesis import note
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from core.api.rows import Viewer, available_actions, with_row_facts
from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.authority.services import approval_chain
from core.exceptions import (
    ApprovalError,
    AuthorityLimitError,
    InvalidInputError,
    NotFoundError,
    NotYourTaskError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.inbox import actions, copies, selectors, timers
from core.inbox import services as inbox
from core.inbox.models import Candidate, Request, WorkItem, WorkItemStatus
from core.org import out_of_office as ooo
from core.org.demo import PEOPLE
from core.org.models import Delegation, Role, User

ADMIN = str(Role.ADMINISTRATOR)
MANAGERIAL = {str(Role.REGIONAL_MANAGER), str(Role.SALES_GM), str(Role.CEO)}
REGIONAL = {str(Role.REGIONAL_MANAGER), str(Role.SALESPERSON)}
# The role whose holders decide each step code that is not the line manager's.
STEP_ROLE = {
    "sales_gm": str(Role.SALES_GM),
    "ceo": str(Role.CEO),
    "finance_review": str(Role.FINANCE),
    "credit_review": str(Role.FINANCE),
    "legal_review": str(Role.LEGAL),
    "regional_review": str(Role.REGIONAL_MANAGER),
    # steps of a band named by the role itself (the demo machine's n-of-m band)
    "regional_manager": str(Role.REGIONAL_MANAGER),
    "legal": str(Role.LEGAL),
    "finance": str(Role.FINANCE),
}
USERNAMES = [p[0] for p in PEOPLE]
OPEN_STATUSES = ("in_review", "returned")
ADDED = "added_signer"
FLOW_STATUS = {"open": {"NEW", "ASSIGNED"}, "done": {"DONE"}, "cancelled": {"CANCELED"}}
DECISIONS = ("approved", "rejected", "returned")


class Org:
    """The demo company as plain data, keyed by username."""

    def __init__(self, personas):
        self.users = personas
        self.pk = {name: user.pk for name, user in personas.items()}
        self.name_of = {pk: name for name, pk in self.pk.items()}
        self.manager = {p[0]: p[4] for p in PEOPLE}
        self.region = {p[0]: p[3] for p in PEOPLE}
        self.roles = {p[0]: {str(r) for r in p[5]} for p in PEOPLE}
        self.everyone = sorted(USERNAMES, key=self.pk.__getitem__)
        # Role values are the stored codes ("admin"), not the labels.
        self.admin_ids = {self.pk[n] for n, roles in self.roles.items()
                          if str(Role.ADMINISTRATOR) in roles}

    def by_pk(self, names) -> list[str]:
        return sorted(names, key=self.pk.__getitem__)

    def holders(self, role: str, region: str | None = None) -> list[str]:
        return [u for u in self.everyone if role in self.roles[u]
                and (role not in REGIONAL or region is None or self.region[u] == region)]

    def ancestors(self, name: str) -> list[str]:
        chain, boss = [], self.manager[name]
        while boss is not None and boss not in chain:
            chain.append(boss)
            boss = self.manager[boss]
        return chain

    def read_only(self, name: str) -> bool:
        return self.roles[name] == {str(Role.AUDITOR)}

    def authorized(self, who: str, step: str, submitter: str, region: str | None) -> bool:
        """May `who` decide this step, by their roles and place in the line of management?

        The line manager's step: anyone above the submitter, or any manager. A role's step:
        its holders (for the request's region when the role is regional) and anyone above
        one of them (escalation goes one level up). Administrators decide anything.
        """
        if ADMIN in self.roles[who]:
            return True
        if step == "line_manager":
            return who in self.ancestors(submitter) or bool(self.roles[who] & MANAGERIAL)
        role = STEP_ROLE[step]
        holders = self.holders(role, region if role in REGIONAL else None)
        return who in holders or any(who in self.ancestors(h) for h in holders)


@dataclass
class Deleg:
    principal: str
    deputy: str
    starts_on: date
    ends_on: date
    kinds: list
    pk: int | None = None

    def active(self, on: date, kind: str) -> bool:
        return self.starts_on <= on <= self.ends_on and (not self.kinds or kind in self.kinds)


@dataclass
class Task:
    step: str
    index: int  # position in the chain; -1 for a stage outside it and for the revision
    holder: str | None  # the assignee; None while it waits in a queue
    candidates: tuple = ()
    revision: bool = False
    pk: int | None = None
    eligible: tuple = ()  # an added signer's or co-signer's task: whose authority it is
    key: str = ""  # its key in Obj.tasks: the step code, "<code>#<n>" for a co-signer's task
    group: "Group | None" = field(default=None, repr=False, compare=False)
    seen: int = 0  # how many votes its group had when it opened (a co-signer added later)

    def people(self) -> list[str]:
        return [self.holder] if self.holder else list(self.candidates)


@dataclass
class Group:
    """One opening of a chain step several people sign at once (n-of-m from the matrix's
    `quorums`, or a step with co-signers added alongside its holder): core/inbox/quorum.py."""

    n: int
    candidates: list  # who signs it (the product's chain[i]["candidates"])
    tasks: list = field(default_factory=list, repr=False)  # every task of this opening
    votes: list = field(default_factory=list)  # [(by, for, decision)] of its closed tasks

    def needed(self) -> int:
        return max(1, min(self.n, len(self.tasks)))

    def decides(self, decision: str) -> bool:
        """Does this decision decide the step (else it is a vote: `<kind>.countersigned`)?"""
        approved = sum(d == "approved" for _b, _f, d in self.votes)
        rejected = sum(d == "rejected" for _b, _f, d in self.votes)
        if decision == "returned":
            return True
        if decision == "approved":
            return approved + 1 >= self.needed()
        return len(self.tasks) - (rejected + 1) < self.needed()

    def signers(self, since: int = 0) -> set:
        """Who voted (and for whom) since the `since`-th vote: the product counts the
        decisions on the step from when the task opened (segregation.prior_decisions)."""
        return {p for by, acting, _d in self.votes[since:] for p in (by, acting) if p}


@dataclass
class Obj:
    """One governed object as the model sees it."""

    pk: int
    submitter: str
    amount: object
    state: str
    region: str | None
    extra: dict = field(default_factory=dict)
    chain: list = field(default_factory=list)  # [(code, (usernames...), n or None)]
    step_index: int = 0
    tasks: dict = field(default_factory=dict)  # Task.key -> Task
    events: list = field(default_factory=list)  # [(event, from_state, to_state)]
    decided: dict = field(default_factory=dict)  # work item pk -> (by, for, decision)
    cancelled: set = field(default_factory=set)
    req_pk: int | None = None
    # This round's decisions [(step, by, for)]: a resubmission starts a new round.
    round: list = field(default_factory=list)
    groups: list = field(default_factory=list)  # every Group opened, for the invariant

    def prior(self, step: str) -> set:
        """Who decided another step this round, and whom they decided for."""
        return {p for s, by, acting in self.round if s != step for p in (by, acting) if p}


def refused(exc_class, action):
    """Run `action`, which must raise exactly this domain exception and write nothing."""
    before = AuditEvent.objects.count()
    with pytest.raises(ApprovalError) as info:
        action()
    assert type(info.value) is exc_class, (
        f"expected {exc_class.__name__}, got {type(info.value).__name__}: {info.value}")
    assert AuditEvent.objects.count() == before, "a refused action wrote an audit event"
    return info.value


def build(machine: type, personas, **attrs) -> type:
    """The machine class for one test: the org, and what the test set up before the run."""
    return type(machine.__name__, (machine,), {
        "org": Org(personas), "baseline_events": AuditEvent.objects.count(), **attrs})


class ProcessMachine(RuleBasedStateMachine):
    """Shared rules for every process on the task engine; a subclass adds submission and what
    each decision does to its own object (`decided`), and sets these:"""

    kind: str = ""
    model = None  # the domain model class
    request_status: dict = {}  # domain state -> Request status
    system_states: frozenset = frozenset()  # open states that wait on the system, not a person
    org: Org = None  # set by `build`
    baseline_events: int = 0
    quorums: dict = {}  # step code -> "all" or n: the n-of-m steps the test's matrix configures

    def __init__(self):
        super().__init__()
        # Each example runs in a savepoint of the test's transaction, rolled back in teardown:
        # the next example starts from the same org, budgets and customers.
        # (hypothesis.extra.django's TestCase isolates @given examples only, not the examples of
        # a state machine run from a test: tried, the rows of one example reached the next.)
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        assert not self.model.objects.exists(), "an earlier example's rows leaked into this one"
        assert AuditEvent.objects.count() == self.baseline_events, "audit events leaked"
        self.objects: dict[int, Obj] = {}
        self.delegations: list[Deleg] = []
        self.today = timezone.localdate()
        self.clock = timezone.now() + timedelta(days=30)
        self.stale: list[int] = []

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # --- the model's reading of the org and delegations ----------------------------------

    def principals_for(self, deputy: str, on: date | None = None) -> set[str]:
        on = on or self.today
        return {d.principal for d in self.delegations
                if d.deputy == deputy and d.active(on, self.kind)}

    def deputies_of(self, principal: str, on: date | None = None) -> set[str]:
        on = on or self.today
        return {d.deputy for d in self.delegations
                if d.principal == principal and d.active(on, self.kind)}

    def user(self, name: str):
        return self.org.users[name]

    def chain_for(self, submitter: str, amount, *, category=None, region=None,
                  extra_steps=()) -> list:
        """The product's routing (core.authority), read at the moment the product reads it;
        raises MatrixConfigurationError when nobody may approve a step."""
        steps = approval_chain(self.kind, amount, self.user(submitter), category=category,
                               region=region, extra_steps=tuple(extra_steps))
        chain = [(s.code, tuple(self.org.by_pk(self.org.name_of[u.pk] for u in s.candidates)),
                  s.quorum) for s in steps]
        for code, people, n in chain:
            # n of m (AuthorityBand.quorums): "all" is m, n is capped at m, one person is none
            wanted, m = self.quorums.get(code), len(people)
            expected = None if not wanted or m < 2 else m if wanted == "all" else min(wanted, m)
            assert n == expected, f"{code} of {people}: quorum {n}, configured {wanted}"
        return chain

    def role_candidates(self, obj: Obj, role: str, region: str | None = None) -> list[str]:
        excluded = {obj.submitter} | self.deputies_of(obj.submitter)
        people = [u for u in self.org.holders(role, region) if u not in excluded]
        return people or [u for u in self.org.holders(ADMIN) if u not in excluded]

    # --- tasks in the model ------------------------------------------------------------------

    def allowed(self, obj: Obj, step: str, people) -> tuple:
        # Nobody decides two steps of one request: whoever decided another one this round is
        # not asked again; when nobody is left, the administrators are.
        prior = obj.prior(step)
        allowed = [p for p in people if p not in prior]
        if people and not allowed:
            excluded = prior | {obj.submitter} | self.deputies_of(obj.submitter)
            allowed = [u for u in self.org.holders(ADMIN) if u not in excluded]
            if not allowed:
                # The last resort (core.inbox.engine._admins_instead): every administrator
                # decided another step too; they may decide this one as well.
                allowed = [u for u in self.org.holders(ADMIN) if u not in excluded - prior]
        return tuple(self.org.by_pk(allowed))

    def open_task(self, obj: Obj, step: str, index: int, people) -> Task:
        people = self.allowed(obj, step, people)
        task = Task(step=step, index=index, holder=people[0] if len(people) == 1 else None,
                    candidates=people, eligible=people if step == ADDED else (), key=step)
        obj.tasks[step] = task
        return task

    def open_chain_step(self, obj: Obj, index: int) -> Task:
        obj.step_index = index
        code, people, n = obj.chain[index]
        allowed = self.allowed(obj, code, people)
        if allowed != tuple(people):
            # the product keeps the step's candidates without this round's other deciders
            obj.chain[index] = (code, allowed, n)
        if not n or len(allowed) < 2:
            return self.open_task(obj, code, index, people)
        # n of m: a task for each signer at once (the first signer's holds the whole step's
        # eligible people); n capped at the signers there are today
        n = max(1, min(n, len(allowed)))
        obj.chain[index] = (code, allowed, n)
        group = Group(n=n, candidates=list(allowed))
        obj.groups.append(group)
        observe(f"n-of-m step opened ({n} of {len(allowed)})")
        for j, person in enumerate(allowed):
            key = code if j == 0 else f"{code}#{j}"
            task = Task(step=code, index=index, holder=person, candidates=(person,),
                        eligible=allowed if j == 0 else (person,), key=key, group=group)
            group.tasks.append(task)
            obj.tasks[key] = task
        return group.tasks[0]

    def co_signer_key(self, obj: Obj, step: str) -> str:
        j = 1
        while f"{step}#{j}" in obj.tasks:
            j += 1
        return f"{step}#{j}"

    def open_revision(self, obj: Obj) -> Task:
        task = Task(step="revise", index=-1, holder=obj.submitter, candidates=(obj.submitter,),
                    revision=True, key="revise")
        obj.tasks["revise"] = task
        return task

    def close(self, obj: Obj, task: Task, *, by: str, acting_for: str | None, decision: str):
        obj.tasks.pop(task.key)
        obj.decided[task.pk] = (by, acting_for, decision)
        if decision == "revised":
            obj.round.clear()
        else:
            obj.round.append((task.step, by, acting_for))
        self.stale.append(task.pk)

    def cancel(self, obj: Obj, task: Task):
        obj.tasks.pop(task.key)
        obj.cancelled.add(task.pk)
        self.stale.append(task.pk)

    def expect(self, obj: Obj, event: str, from_state: str = "", to_state: str = ""):
        obj.events.append((f"{self.kind}.{event}" if "." not in event else event,
                           from_state, to_state))

    def move(self, obj: Obj, event: str, to_state: str):
        self.expect(obj, event, obj.state, to_state)
        obj.state = to_state

    def status_of(self, obj: Obj) -> str:
        return self.request_status[obj.state]

    def sync_pks(self):
        """Learn the ids of the work items the last action opened (the model names them by
        step, and a co-signer's by step and holder; the database must have exactly the open
        items the model expects, checked below)."""
        missing = [(o, t) for o in self.objects.values() for t in o.tasks.values() if t.pk is None]
        if not missing:
            return
        rows = WorkItem.objects.filter(
            kind=self.kind, status="open",
            request__object_id__in=[o.pk for o, _t in missing],
        ).order_by("pk").values_list("request__object_id", "step_code", "assignee_id", "pk")
        known = {t.pk for o in self.objects.values() for t in o.tasks.values()}
        free = [(oid, step, self.org.name_of.get(a), pk) for oid, step, a, pk in rows
                if pk not in known]
        for obj, task in missing:
            mine = [r for r in free if r[:2] == (obj.pk, task.step)]
            if len(mine) > 1:
                mine = [r for r in mine if r[2] == task.holder]
            assert mine, (
                f"{self.kind} {obj.pk}: the model expects an open task {task.step} "
                f"({task.holder}), the database has {[r[1:3] for r in free if r[0] == obj.pk]}")
            task.pk = mine[0][3]
            free.remove(mine[0])

    def step_authorized(self, obj: Obj, who: str, step: str, eligible=()) -> bool:
        """Org.authorized, and for a task whose authority is its own people (an added
        signer's, a co-signer's): them, anyone above them, an administrator, and on the line
        manager's step any manager or anyone above the submitter
        (core.authority.services.has_step_authority over its eligible_ids)."""
        if step == ADDED or eligible:
            starts = [*eligible, *([obj.submitter] if step == "line_manager" else [])]
            return (ADMIN in self.org.roles[who] or who in eligible
                    or (step == "line_manager" and bool(self.org.roles[who] & MANAGERIAL))
                    or any(who in self.org.ancestors(e) for e in starts))
        return self.org.authorized(who, step, obj.submitter, obj.region)

    # --- strategies ------------------------------------------------------------------------------

    def open_tasks(self) -> list[tuple[Obj, Task]]:
        return [(o, t) for o in self.objects.values() for t in
                sorted(o.tasks.values(), key=lambda t: t.pk or 0)]

    def all_requests(self) -> list[Obj]:
        return [o for o in self.objects.values() if o.req_pk is not None]

    def actors_for(self, obj: Obj, task: Task | None):
        """Two times in three someone the action is for (the task's holder or candidates, or
        their deputies; the submitter for a request), else anyone at all: refusals included."""
        if task is None:
            primary = [obj.submitter]
        else:
            primary = set(task.people())
            primary |= {d.deputy for d in self.delegations if d.principal in primary}
            primary = self.org.by_pk(primary)
        return st.one_of(st.sampled_from(primary), st.sampled_from(primary),
                         st.sampled_from(self.org.everyone))

    def pick_task(self, data, tasks=None) -> tuple[Obj, Task]:
        """Draw one open task; drawn as (object id, step) so that a failure reads short."""
        tasks = tasks if tasks is not None else self.open_tasks()
        oid, key = data.draw(st.sampled_from([(o.pk, t.key) for o, t in tasks]),
                             label=f"{self.kind} task")
        return self.objects[oid], self.objects[oid].tasks[key]

    def pick_request(self, data, likely) -> Obj:
        """Two times in three one of the `likely` requests, else any."""
        ids = [o.pk for o in self.all_requests()]
        likely = [o.pk for o in likely] or ids
        oid = data.draw(st.one_of(st.sampled_from(likely), st.sampled_from(likely),
                                  st.sampled_from(ids)), label=f"{self.kind} request")
        return self.objects[oid]

    # --- the generic decision rules ------------------------------------------------------------

    def decision_refusal(self, obj: Obj, task: Task, actor: str, decision: str, reason: str,
                         to_step):
        """What a decision must meet: a process adds its own refusals here."""
        return self.may_decide(obj, task, actor, decision, reason, to_step)

    def may_decide(self, obj: Obj, task: Task, actor: str, decision: str, reason: str,
                   to_step):
        """The exception the product must raise, or (None, principal), following the order of
        the checks in core.inbox.services._decide and core.authority.ensure_can_decide."""
        if decision != "approved" and not reason.strip():
            return InvalidInputError, None
        if self.status_of(obj) not in OPEN_STATUSES:
            return StateConflictError, None
        if task.revision:
            return InvalidInputError, None
        if self.org.read_only(actor):
            return ReadOnlyRoleError, None
        if actor == obj.submitter:
            return SegregationOfDutiesError, None
        principals = self.principals_for(actor)
        if obj.submitter in principals:
            return SegregationOfDutiesError, None
        prior = obj.prior(task.step)
        if task.group is not None:  # one person, one signature on a step several sign
            prior = prior | task.group.signers(task.seen)
        if task.holder:
            if actor == task.holder:
                principal = actor
            elif task.holder in principals:
                principal = task.holder
            else:
                return NotYourTaskError, None
        elif actor in task.candidates:
            principal = actor
        else:
            held = [c for c in task.candidates if c in principals]
            principal = next((c for c in held if c not in prior), held[0] if held else None)
            if principal is None:
                return NotYourTaskError, None
        if actor in prior or principal in prior:
            return SegregationOfDutiesError, None
        if decision == "returned" and to_step is not None:
            limit = task.index if task.index >= 0 else len(obj.chain)
            if not 0 <= to_step < limit:
                return InvalidInputError, None
        return None, principal

    def run_decision(self, obj: Obj, task: Task, actor: str, decision: str, reason: str,
                     to_step=None):
        exc, principal = self.decision_refusal(obj, task, actor, decision, reason, to_step)
        user = self.user(actor)
        call = {
            "approved": lambda: inbox.task_approve(task_id=task.pk, actor=user, comment=reason),
            "rejected": lambda: inbox.task_reject(task_id=task.pk, actor=user, reason=reason),
            "returned": lambda: inbox.task_return(task_id=task.pk, actor=user, reason=reason,
                                                  to_step=to_step),
        }[decision]
        note(f"{decision} {self.kind} {obj.pk} step {task.step} by {actor}"
             + (f" to step {to_step}" if to_step is not None else "")
             + f" (reason {reason!r}): expect {exc.__name__ if exc else 'success'}")
        group = task.group
        if exc is SegregationOfDutiesError and group is not None and (
                {actor, principal} & group.signers(task.seen)):
            observe("a second signature on one step refused")
        if exc is not None:
            refused(exc, call)
            return
        call()
        on_behalf = principal if principal != actor else None
        self.close(obj, task, by=actor, acting_for=on_behalf, decision=decision)
        if group is not None:
            decides = group.decides(decision)
            group.votes.append((actor, on_behalf, decision))
            observe(f"co-signed step: {decision}, {'decides' if decides else 'a vote'}")
            if not decides:
                # a vote: the task closes, the flow waits for the step's other signers
                self.expect(obj, "countersigned")
                return
            # the step is decided: the other signers' open tasks are cancelled (and told)
            for other in group.tasks:
                if obj.tasks.get(other.key) is other:
                    self.cancel(obj, other)
        self.decided(obj, task, decision, to_step)

    def decided(self, obj: Obj, task: Task, decision: str, to_step) -> None:
        raise NotImplementedError

    @precondition(lambda self: self.open_tasks())
    @rule(data=st.data())
    def approve(self, data):
        obj, task = self.pick_task(data)
        actor = data.draw(self.actors_for(obj, task), label="actor")
        self.run_decision(obj, task, actor, "approved", "")

    @precondition(lambda self: any(not t.revision for _o, t in self.open_tasks()))
    @rule(data=st.data())
    def approve_as_holder(self, data):
        """The holder (or a candidate of a queue, or someone acting for them) approves: the
        common case, drawn often enough that runs reach the end of their processes."""
        obj, task = self.pick_task(data, [(o, t) for o, t in self.open_tasks()
                                          if not t.revision])
        primary = set(task.people())
        primary |= {d.deputy for d in self.delegations if d.principal in primary}
        actor = data.draw(st.sampled_from(self.org.by_pk(primary)), label="actor")
        self.run_decision(obj, task, actor, "approved", "")

    @precondition(lambda self: self.open_tasks())
    @rule(data=st.data())
    def reject(self, data):
        obj, task = self.pick_task(data)
        actor = data.draw(self.actors_for(obj, task), label="actor")
        reason = data.draw(st.sampled_from(["不符合规定", "", "  ", "超出标准"]), label="reason")
        self.run_decision(obj, task, actor, "rejected", reason)

    def return_targets(self, obj: Obj, task: Task):
        """To the submitter (None), to an earlier step, or to any number at all."""
        limit = task.index if task.index >= 0 else len(obj.chain)
        earlier = [st.integers(0, limit - 1)] if limit > 0 else []
        return st.one_of(st.none(), *earlier, st.integers(-1, len(obj.chain)))

    @precondition(lambda self: self.open_tasks())
    @rule(data=st.data())
    def return_(self, data):
        obj, task = self.pick_task(data)
        actor = data.draw(self.actors_for(obj, task), label="actor")
        reason = data.draw(st.sampled_from(["请补充材料", "", "补充发票"]), label="reason")
        to_step = data.draw(self.return_targets(obj, task), label="to_step")
        self.run_decision(obj, task, actor, "returned", reason, to_step)

    @precondition(lambda self: self.stale)
    @rule(data=st.data())
    def act_on_decided_task(self, data):
        """A task already decided or cancelled: always a clean conflict, never a change."""
        pk = data.draw(st.sampled_from(self.stale), label="stale task")
        obj = next(o for o in self.objects.values() if pk in o.decided or pk in o.cancelled)
        actor = data.draw(self.actors_for(obj, None), label="actor")
        note(f"approve decided/cancelled task {pk} of {self.kind} {obj.pk} by {actor}")
        refused(StateConflictError,
                lambda: inbox.task_approve(task_id=pk, actor=self.user(actor)))

    @precondition(lambda self: any(t.holder is None for _o, t in self.open_tasks()))
    @rule(data=st.data())
    def claim(self, data):
        obj, task = self.pick_task(data, [(o, t) for o, t in self.open_tasks()
                                          if t.holder is None])
        actor = data.draw(self.actors_for(obj, task), label="actor")
        exc, principal = self.may_decide(obj, task, actor, "approved", "x", None)
        note(f"claim {self.kind} {obj.pk} step {task.step} by {actor}: expect "
             f"{exc.__name__ if exc else 'success'}")
        call = lambda: inbox.task_claim(task_id=task.pk, actor=self.user(actor))  # noqa: E731
        if exc is not None:
            refused(exc, call)
            return
        call()
        task.holder = principal
        self.expect(obj, "task_claimed")

    # --- withdraw and resubmit ------------------------------------------------------------------

    def withdraw_refusal(self, obj: Obj):
        return None

    def withdrawn(self, obj: Obj) -> None:
        raise NotImplementedError

    @precondition(lambda self: self.all_requests())
    @rule(data=st.data())
    def withdraw(self, data):
        obj = self.pick_request(data, [o for o in self.all_requests()
                                       if self.status_of(o) in OPEN_STATUSES])
        actor = data.draw(self.actors_for(obj, None), label="actor")
        if actor != obj.submitter:
            exc = PermissionDeniedError
        elif self.status_of(obj) not in OPEN_STATUSES:
            exc = StateConflictError
        else:
            exc = self.withdraw_refusal(obj)
        note(f"withdraw {self.kind} {obj.pk} by {actor}: expect "
             f"{exc.__name__ if exc else 'success'}")
        call = lambda: inbox.request_withdraw(  # noqa: E731
            request_id=obj.req_pk, actor=self.user(actor), reason="撤回")
        if exc is not None:
            refused(exc, call)
            return
        call()
        for task in list(obj.tasks.values()):
            self.cancel(obj, task)
        self.withdrawn(obj)

    def resubmit_refusal(self, obj: Obj):
        return None

    def resubmitted(self, obj: Obj) -> None:
        raise NotImplementedError

    @precondition(lambda self: self.all_requests())
    @rule(data=st.data())
    def resubmit(self, data):
        obj = self.pick_request(data, [o for o in self.all_requests()
                                       if self.status_of(o) == "returned"])
        actor = data.draw(self.actors_for(obj, None), label="actor")
        if actor != obj.submitter:
            exc = PermissionDeniedError
        elif self.status_of(obj) != "returned":
            exc = StateConflictError
        else:
            exc = self.resubmit_refusal(obj)
        note(f"resubmit {self.kind} {obj.pk} by {actor}: expect "
             f"{exc.__name__ if exc else 'success'}")
        call = lambda: inbox.request_resubmit(  # noqa: E731
            request_id=obj.req_pk, actor=self.user(actor), comment="已修改")
        if exc is not None:
            refused(exc, call)
            return
        call()
        self.close(obj, obj.tasks["revise"], by=actor, acting_for=None, decision="revised")
        self.resubmitted(obj)

    # --- reassign, delegate, escalate --------------------------------------------------------

    def can_reassign(self, actor: str, task: Task) -> bool:
        if ADMIN in self.org.roles[actor]:
            return True
        return any(actor in self.org.ancestors(h) for h in task.people())

    @precondition(lambda self: bool(self.open_tasks()))
    @rule(data=st.data())
    def reassign(self, data):
        # Any open task, the submitter's revision included (which must stay with them), to
        # anyone: the product must refuse whoever does not hold the step's authority.
        obj, task = self.pick_task(data, self.open_tasks())
        bosses = self.org.by_pk({b for p in task.people() for b in self.org.ancestors(p)}
                                | set(self.org.holders(ADMIN)))
        actor = data.draw(st.one_of(st.sampled_from(bosses), st.sampled_from(self.org.everyone)),
                          label="actor")
        new = data.draw(st.sampled_from(self.org.everyone), label="new holder")
        reason = data.draw(st.sampled_from(["休假", ""]), label="reason")
        if not reason.strip():
            exc = InvalidInputError
        elif self.status_of(obj) not in OPEN_STATUSES:
            exc = StateConflictError
        elif task.revision:
            exc = InvalidInputError
        elif self.org.read_only(actor):
            exc = ReadOnlyRoleError
        elif not self.can_reassign(actor, task):
            exc = PermissionDeniedError
        elif new == task.holder:
            exc = InvalidInputError
        elif new == obj.submitter or obj.submitter in self.principals_for(new):
            exc = SegregationOfDutiesError
        elif self.org.read_only(new):
            exc = ReadOnlyRoleError
        elif self.signs_step_already(obj, task, new) or new in obj.prior(task.step):
            exc = SegregationOfDutiesError
        elif not self.step_authorized(obj, new, task.step, task.eligible):
            exc = AuthorityLimitError
        else:
            exc = None
        note(f"reassign {self.kind} {obj.pk} step {task.step} by {actor} to {new}: expect "
             f"{exc.__name__ if exc else 'success'}")
        call = lambda: inbox.task_reassign(  # noqa: E731
            task_id=task.pk, actor=self.user(actor), assignee=self.user(new), reason=reason)
        if exc is not None:
            refused(exc, call)
            return
        call()
        task.holder = new
        self.expect(obj, "task_reassigned")

    # --- transfer and urge (issue 19) -----------------------------------------------------

    def transfer_refusal(self, obj: Obj, task: Task, actor: str, new: str, reason: str):
        """In the order of core.inbox.actions.task_transfer."""
        if not reason.strip():
            return InvalidInputError
        if self.status_of(obj) not in OPEN_STATUSES:
            return StateConflictError
        if task.revision:
            return InvalidInputError
        if self.org.read_only(actor):
            return ReadOnlyRoleError
        principals = self.principals_for(actor)
        if task.holder is None or (actor != task.holder and task.holder not in principals):
            return NotYourTaskError
        if actor == obj.submitter or obj.submitter in principals:
            return SegregationOfDutiesError
        if actor != task.holder:
            exc, _principal = self.may_decide(obj, task, actor, "approved", "", None)
            if exc is not None:
                return exc
        if new == task.holder:
            return InvalidInputError
        if new == obj.submitter or obj.submitter in self.principals_for(new):
            return SegregationOfDutiesError
        if self.org.read_only(new):
            return ReadOnlyRoleError
        if self.signs_step_already(obj, task, new) or new in obj.prior(task.step):
            return SegregationOfDutiesError
        if not self.step_authorized(obj, new, task.step, task.eligible):
            return AuthorityLimitError
        return None

    @staticmethod
    def signs_step_already(obj: Obj, task: Task, new: str) -> bool:
        """services._check_new_holder: one person, one signature on a step several sign — the
        new holder holds another open task of the step, or voted on it since this one opened."""
        if any(t is not task and t.step == task.step and t.holder == new
               for t in obj.tasks.values()):
            return True
        return task.group is not None and new in task.group.signers(task.seen)

    @precondition(lambda self: bool(self.open_tasks()))
    @rule(data=st.data())
    def transfer(self, data):
        obj, task = self.pick_task(data)
        actor = data.draw(self.actors_for(obj, task), label="actor")
        new = data.draw(st.sampled_from(self.org.everyone), label="new holder")
        reason = data.draw(st.sampled_from(["出差", ""]), label="reason")
        exc = self.transfer_refusal(obj, task, actor, new, reason)
        note(f"transfer {self.kind} {obj.pk} step {task.step} by {actor} to {new}: expect "
             f"{exc.__name__ if exc else 'success'}")
        call = lambda: actions.task_transfer(  # noqa: E731
            task_id=task.pk, actor=self.user(actor), assignee=self.user(new), reason=reason)
        if exc is not None:
            refused(exc, call)
            return
        call()
        task.holder = new
        self.expect(obj, "task_transferred")

    @precondition(lambda self: bool(self.open_tasks()))
    @rule(data=st.data())
    def urge(self, data):
        obj, task = self.pick_task(data)
        actor = data.draw(st.one_of(st.just(obj.submitter),
                                    st.sampled_from(self.org.everyone)), label="actor")
        above = {b for p in task.people() for b in self.org.ancestors(p)}
        urged = obj.extra.setdefault("urged", set())
        if self.status_of(obj) not in OPEN_STATUSES:
            exc = StateConflictError
        elif task.revision:
            exc = InvalidInputError
        elif self.org.read_only(actor):
            exc = ReadOnlyRoleError
        elif not (actor == obj.submitter or obj.submitter in self.principals_for(actor)
                  or actor in above):
            exc = PermissionDeniedError
        elif task.pk in urged:  # a run never lasts 4 working hours
            exc = actions.UrgeTooSoonError
        else:
            exc = None
        note(f"urge {self.kind} {obj.pk} step {task.step} by {actor}: expect "
             f"{exc.__name__ if exc else 'success'}")
        call = lambda: actions.task_urge(task_id=task.pk, actor=self.user(actor))  # noqa: E731
        if exc is not None:
            refused(exc, call)
            return
        urge = call()
        urged.add(task.pk)
        self.expect(obj, "urged")
        # 催办 reaches the holder (or the queue) and whoever acts for them today
        reached = {self.org.name_of[u] for u in urge.recipient_ids}
        expected = {d for p in task.people() for d in (p, *self.deputies_of(p))}
        assert reached == expected, f"urge reached {sorted(reached)}, model {sorted(expected)}"

    # --- 加签 add a signer (issue 19): drawn on the chain steps of every process (a stage
    # outside the chain takes signers too: tests/workflows/*/test_*__add_signer.py) ----------

    def chain_tasks(self) -> list[tuple[Obj, Task]]:
        return [(o, t) for o, t in self.open_tasks() if t.revision or t.index >= 0]

    @precondition(lambda self: bool(self.chain_tasks()))
    @rule(data=st.data())
    def add_signer(self, data):
        obj, task = self.pick_task(data, self.chain_tasks())
        actor = data.draw(self.actors_for(obj, task), label="actor")
        signer = data.draw(st.sampled_from(self.org.everyone), label="signer")
        position = data.draw(st.sampled_from(["before", "after", "alongside"]),
                             label="position")
        exc = self.add_signer_refusal(obj, task, actor, signer, position)
        note(f"add signer {signer} {position} {self.kind} {obj.pk} step {task.step} by {actor}:"
             f" expect {exc.__name__ if exc else 'success'}")
        call = lambda: actions.task_add_signer(  # noqa: E731
            task_id=task.pk, actor=self.user(actor), signers=[self.user(signer)],
            position=position, reason="请法务确认")
        if exc is not None:
            refused(exc, call)
            return
        call()
        self.expect(obj, "signer_added")
        i = task.index
        if position == "after":
            obj.chain[i + 1:i + 1] = [(ADDED, (signer,), None)]
            return
        observe(f"signer added {position}")
        if position == "alongside":
            self.add_alongside(obj, task, signer)
            return
        obj.chain[i:i + 1] = [(ADDED, (signer,), None),
                              (task.step, (task.holder,), obj.chain[i][2])]
        _ex, principal = self.may_decide(obj, task, actor, "approved", "", None)
        obj.tasks.pop(task.key)
        obj.decided[task.pk] = (actor, principal if principal != actor else None, "deferred")
        # a deferral is the holder's act on the step: no other step of the round for them
        obj.round.append((task.step, actor, principal if principal != actor else None))
        self.stale.append(task.pk)
        self.open_chain_step(obj, i)

    def add_alongside(self, obj: Obj, task: Task, signer: str):
        """并行加签: the signer co-signs the holder's step, whose every signer must now approve
        (the step becomes an all-of-them step of the holder's and the co-signers' tasks)."""
        group = task.group
        if group is None:
            group = Group(n=1, candidates=[task.holder], tasks=[task])
            obj.groups.append(group)
            task.group = group
        co = Task(step=task.step, index=task.index, holder=signer, candidates=(signer,),
                  eligible=(signer,), key=self.co_signer_key(obj, task.step), group=group,
                  seen=len(group.votes))
        obj.tasks[co.key] = co
        group.tasks.append(co)
        group.candidates.append(signer)
        group.n = len(group.tasks)
        obj.chain[task.index] = (task.step, tuple(group.candidates), group.n)

    def add_signer_refusal(self, obj, task, actor, signer, position="after"):
        """In the order of core.inbox.actions.task_add_signer."""
        if self.status_of(obj) not in OPEN_STATUSES:
            return StateConflictError
        if task.revision:
            return InvalidInputError
        if self.org.read_only(actor):
            return ReadOnlyRoleError
        if task.holder is None:
            return NotYourTaskError
        exc, _principal = self.may_decide(obj, task, actor, "approved", "", None)
        if exc is not None:
            return exc
        if signer == obj.submitter or obj.submitter in self.principals_for(signer):
            return SegregationOfDutiesError
        if self.org.read_only(signer):
            return ReadOnlyRoleError
        if signer == task.holder:
            return InvalidInputError
        if signer in {p for _s, by, acting in obj.round for p in (by, acting) if p}:
            return SegregationOfDutiesError
        group = task.group
        if group is not None and signer in group.candidates:
            return InvalidInputError  # signs this step already
        if signer in {p for _c, people, _n in obj.chain[task.index + 1:] for p in people}:
            return InvalidInputError
        if group is not None and position == "before":
            return InvalidInputError  # several sign this step: alongside or after only
        if group is not None and position == "alongside" and group.needed() < len(group.tasks):
            return InvalidInputError  # an n-of-m step that needs fewer than all: after only
        return None

    # --- 抄送 copy to (issue 19) ----------------------------------------------------------------

    def copied(self, obj: Obj) -> set:
        return obj.extra.setdefault("copied", set())

    @precondition(lambda self: bool(self.all_requests()))
    @rule(data=st.data())
    def copy(self, data):
        """The submitter or the holder of an open task copies someone (both see the request:
        who cannot see it gets a 404, which the model leaves to tests/core/inbox)."""
        obj = self.pick_request(data, [o for o in self.all_requests() if o.tasks])
        holders = [t.holder for t in obj.tasks.values() if t.holder and not t.revision]
        actor = data.draw(st.sampled_from([obj.submitter, *holders]), label="actor")
        person = data.draw(st.sampled_from(self.org.everyone), label="copied person")
        copied = self.copied(obj)
        if self.org.read_only(actor):
            exc = ReadOnlyRoleError
        elif obj.state == "draft":
            exc = PermissionDeniedError
        elif person in (actor, obj.submitter) or person in copied:
            exc = InvalidInputError
        else:
            exc = None
        note(f"copy {person} on {self.kind} {obj.pk} by {actor}: expect "
             f"{exc.__name__ if exc else 'success'}")
        call = lambda: copies.request_copy(  # noqa: E731
            request_id=obj.req_pk, actor=self.user(actor), people=[self.user(person)])
        if exc is not None:
            refused(exc, call)
            return
        call()
        copied.add(person)
        self.expect(obj, "copied")

    @precondition(lambda self: any(self.copied(o) and not t.revision
                                   for o, t in self.open_tasks()))
    @rule(data=st.data())
    def copied_person_decides(self, data):
        """Someone copied on the request tries to decide its task: the copy gives them
        nothing, so the outcome is what it would be without it (a refusal unless they hold,
        may claim, or act for whoever holds the task)."""
        obj, task = self.pick_task(data, [(o, t) for o, t in self.open_tasks()
                                          if self.copied(o) and not t.revision])
        actor = data.draw(st.sampled_from(self.org.by_pk(self.copied(obj))), label="copied")
        decision = data.draw(st.sampled_from(["approved", "rejected", "returned"]),
                             label="decision")
        self.run_decision(obj, task, actor, decision, "" if decision == "approved" else "抄送人")

    @rule(data=st.data())
    def delegate(self, data):
        principal = data.draw(st.sampled_from(self.org.everyone), label="principal")
        deputy = data.draw(st.sampled_from(self.org.everyone), label="deputy")
        start = self.today + timedelta(days=data.draw(st.integers(-2, 2), label="from day"))
        end = start + timedelta(days=data.draw(st.integers(0, 3), label="days"))
        kinds = data.draw(st.sampled_from([[], [self.kind], ["plan"]]), label="kinds")
        overlap = self.overlaps_or_circles(principal, deputy, start, end, kinds)
        note(f"delegate {principal} -> {deputy} {start}..{end} {kinds}: expect "
             f"{'refused' if principal == deputy or overlap else 'saved'}")
        row = Delegation(principal=self.user(principal), deputy=self.user(deputy),
                         starts_on=start, ends_on=end, kinds=kinds, reason="出差")
        if principal == deputy or overlap:
            with pytest.raises(ValidationError):
                row.full_clean()
            return
        row.full_clean()
        row.save()
        self.delegations.append(Deleg(principal, deputy, start, end, kinds, row.pk))

    def overlaps_or_circles(self, principal, deputy, start, end, kinds) -> bool:
        """Delegation.clean's refusals besides "not to oneself": another period of the same
        principal overlapping this one for the same processes, or a circle."""
        mine = set(kinds)
        overlap = any(d.principal == principal and d.starts_on <= end and d.ends_on >= start
                      and (not mine or not d.kinds or mine & set(d.kinds))
                      for d in self.delegations)
        # A delegation may not close a circle: the deputy, or anyone they delegate to (and
        # so on) in a range overlapping this one, whatever the kinds, delegating back.
        seen, frontier = {deputy}, {deputy}
        while frontier and principal != deputy:
            nxt = {d.deputy for d in self.delegations if d.principal in frontier
                   and d.starts_on <= end and d.ends_on >= start}
            if principal in nxt:
                return True
            frontier = nxt - seen
            seen |= nxt
        return overlap

    # --- 自助代理 self-service out-of-office (issue 19) ----------------------------------------

    def likely_people(self) -> list[str]:
        """The people of the open tasks and their submitters: whose absence changes something."""
        people = {p for o, t in self.open_tasks() for p in (o.submitter, *t.people())}
        return self.org.by_pk(people) or self.org.everyone

    @rule(data=st.data())
    def out_of_office(self, data):
        """Someone sets their own out-of-office (core.org.out_of_office): the admin's
        validations, plus a deputy who may act for others and a last day not past."""
        likely = st.sampled_from(self.likely_people())
        principal = data.draw(st.one_of(likely, st.sampled_from(self.org.everyone)),
                              label="away")
        deputy = data.draw(st.one_of(likely, st.sampled_from(self.org.everyone)),
                           label="deputy")
        start = self.today + timedelta(days=data.draw(st.integers(-2, 1), label="from day"))
        end = start + timedelta(days=data.draw(st.integers(0, 3), label="days"))
        kinds = data.draw(st.sampled_from([[], [self.kind], ["plan"]]), label="kinds")
        bad = (principal == deputy or self.org.read_only(deputy) or end < self.today
               or self.overlaps_or_circles(principal, deputy, start, end, kinds))
        note(f"out of office {principal} -> {deputy} {start}..{end} {kinds}: expect "
             f"{'refused' if bad else 'saved'}")
        call = lambda: ooo.set_out_of_office(  # noqa: E731
            self.user(principal), ooo.OutOfOffice(
                deputy=self.user(deputy), starts_on=start, ends_on=end, kinds=kinds,
                reason="年假"))
        events = AuditEvent.objects.count()
        if bad:
            with pytest.raises(ValidationError):
                call()
            assert AuditEvent.objects.count() == events, "a refused out-of-office was audited"
            return
        row = call()
        observe("out of office set")
        assert AuditEvent.objects.filter(subject_kind="org.delegation",
                                         subject_id=str(row.pk)).count() >= 1
        self.delegations.append(Deleg(principal, deputy, start, end, sorted(set(kinds)),
                                      row.pk))

    @precondition(lambda self: any(d.ends_on >= self.today for d in self.delegations))
    @rule(data=st.data())
    def out_of_office_cancelled(self, data):
        """Someone cancels one of their out-of-office periods (one not begun is removed, one
        under way ends yesterday); anyone else's is not found."""
        row = data.draw(st.sampled_from([d for d in self.delegations
                                         if d.ends_on >= self.today]), label="period")
        actor = data.draw(st.one_of(st.just(row.principal), st.just(row.principal),
                                    st.sampled_from(self.org.everyone)), label="actor")
        note(f"cancel out of office {row.principal} -> {row.deputy} by {actor}")
        call = lambda: ooo.cancel_out_of_office(  # noqa: E731
            self.user(actor), row.pk)
        if actor != row.principal:
            refused(NotFoundError, call)
            return
        call()
        if row.starts_on >= self.today:
            self.delegations.remove(row)
        else:
            row.ends_on = self.today - timedelta(days=1)

    def escalation_target(self, obj: Obj, task: Task, on: date) -> str | None:
        excluded = {obj.submitter} | self.deputies_of(obj.submitter, on) | obj.prior(task.step)
        # one person, one signature: not who signed this step since the task opened, nor who
        # holds another of its tasks (core.inbox.timers.escalation_target)
        if task.group is not None:
            excluded |= task.group.signers(task.seen)
        excluded |= {t.holder for t in obj.tasks.values()
                     if t is not task and t.step == task.step and t.holder}
        for person in task.people():
            for boss in self.org.ancestors(person):
                if boss not in excluded and boss != task.holder and not self.org.read_only(boss):
                    return boss
        for admin in self.org.holders(ADMIN):
            if admin not in excluded and admin != task.holder:
                return admin
        return None

    def escalate_in_model(self, obj: Obj, task: Task, on: date) -> bool:
        target = self.escalation_target(obj, task, on)
        if target is None:
            return False
        task.holder = target
        self.expect(obj, "task_escalated")
        return True

    def before_sweep(self) -> None:
        """What the sweep's outbox relay does first (expenses: pending payments run)."""

    def sweep_after_deadlines(self):
        """The periodic sweep, run with the clock moved past every deadline: each open task
        (not a revision) moves one level up."""
        now = self.clock
        self.clock += timedelta(days=30)
        on = timezone.localdate(now)
        note(f"escalate: sweep at {now:%Y-%m-%d}")
        self.before_sweep()
        # The sweep takes the overdue tasks by due time, then id (core.inbox.timers.sweep), and
        # each escalation changes whom the next may climb to (one person, one signature on a
        # co-signed step): the model visits them in that order, read from the database, since
        # it keeps no deadlines of its own.
        order = {pk: i for i, pk in enumerate(WorkItem.objects.filter(
            status=WorkItemStatus.OPEN).order_by("due", "pk").values_list("pk", flat=True))}
        due = sorted(((o, t) for o, t in self.open_tasks() if not t.revision),
                     key=lambda pair: order.get(pair[1].pk, len(order)))
        expected = sum(self.escalate_in_model(o, t, on) for o, t in due)
        with time_machine.travel(now, tick=False):
            result = timers.sweep(now=now)
        assert result["escalated"] == expected, (result, expected)

    def escalate_one(self, obj: Obj, task: Task):
        now: datetime = self.clock
        self.clock += timedelta(days=30)
        note(f"escalate: escalate_one {self.kind} {obj.pk} step {task.step} at {now:%Y-%m-%d}")
        expected = self.escalate_in_model(obj, task, self.today)
        process_id = WorkItem.objects.filter(pk=task.pk).values_list("task__process_id",
                                                                     flat=True).get()
        assert timers.escalate_one(task.pk, process_id, now) is expected

    @precondition(lambda self: self.objects)
    @rule(data=st.data())
    def escalate(self, data):
        """Deadlines pass: the periodic sweep (clock moved past every deadline), or one task's
        escalation (timers.escalate_one) as the sweep would run it."""
        due = [(o, t) for o, t in self.open_tasks() if not t.revision]
        if due and data.draw(st.booleans(), label="one task only"):
            self.escalate_one(*self.pick_task(data, due))
        else:
            self.sweep_after_deadlines()

    # --- invariants -------------------------------------------------------------------------------

    @invariant()
    def database_agrees_with_the_model(self):
        self.sync_pks()
        if not self.objects:
            return
        ids = list(self.objects)
        states = dict(self.model.objects.filter(pk__in=ids).values_list("pk", "state"))
        requests = {oid: (status, waiting) for oid, status, waiting in Request.objects.filter(
            kind=self.kind, object_id__in=ids).values_list("object_id", "status",
                                                           "waiting_on_ids")}
        items = list(WorkItem.objects.filter(kind=self.kind, request__object_id__in=ids)
                     .values_list("pk", "request__object_id", "step_code", "status",
                                  "assignee_id", "decided_by_id", "acting_for_id", "decision",
                                  "task__status"))
        queued = {}
        for item_id, user_id in Candidate.objects.filter(
                work_item__kind=self.kind, work_item__request__object_id__in=ids,
                work_item__status="open", work_item__assignee__isnull=True).values_list(
                "work_item_id", "user_id"):
            queued.setdefault(item_id, set()).add(self.org.name_of[user_id])
        name = self.org.name_of.get
        for obj in self.objects.values():
            where = f"{self.kind} {obj.pk}"
            assert states[obj.pk] == obj.state, f"{where}: state {states[obj.pk]}, " \
                                                f"model {obj.state}"
            status, waiting = requests[obj.pk]
            assert status == self.status_of(obj), f"{where}: request {status}, model " \
                                                  f"{self.status_of(obj)}"
            mine = [i for i in items if i[1] == obj.pk]
            for pk, _oid, step, item_status, _a, _d, _f, _dec, flow_status in mine:
                assert flow_status in FLOW_STATUS[item_status], (
                    f"{where}: work item {pk} ({step}) is {item_status}, its flow task "
                    f"{flow_status}")
            open_now = sorted((step, pk, name(assignee), sorted(queued.get(pk, set())))
                              for pk, _o, step, s, assignee, *_rest in mine if s == "open")
            expected_open = sorted((t.step, t.pk, t.holder,
                                    [] if t.holder else sorted(t.candidates))
                                   for t in obj.tasks.values())
            assert open_now == expected_open, f"{where}: open tasks {open_now}, " \
                                              f"model {expected_open}"
            done = {pk: (name(by), name(acting), decision)
                    for pk, _o, _s, s, _a, by, acting, decision, _f in mine if s == "done"}
            assert done == obj.decided, f"{where}: decided {done}, model {obj.decided}"
            cancelled = {pk for pk, _o, _s, s, *_rest in mine if s == "cancelled"}
            assert cancelled == obj.cancelled, f"{where}: cancelled {cancelled}, " \
                                               f"model {obj.cancelled}"
            if obj.tasks:
                # Every open task's people, parallel reviews included.
                people = {p for t in obj.tasks.values() for p in t.people()}
                shown = {name(u) for u in waiting}
                assert shown == people, (f"{where}: the request waits on {sorted(shown)}, its "
                                         f"open tasks are held by {sorted(people)}")
            elif status not in OPEN_STATUSES:
                assert waiting == [], f"{where}: a {status} request still waits on {waiting}"

    @invariant()
    def nobody_decides_their_own_request_or_beyond_their_authority(self):
        rows = WorkItem.objects.filter(
            kind=self.kind, status="done", decision__in=["approved", "rejected", "returned"],
            request__object_id__in=list(self.objects),
        ).values_list("request__object_id", "step_code", "submitter_id", "decided_by_id",
                      "acting_for_id", "eligible_ids", "pk")
        cosigned = {t.pk for o in self.objects.values() for g in o.groups for t in g.tasks}
        for oid, step, submitter, by, acting, eligible, pk in rows:
            assert submitter not in (by, acting), f"{self.kind} {oid}: {step} decided by its " \
                                                  "submitter or for them"
            principal = self.org.name_of[acting or by]
            obj = self.objects[oid]
            added = ([self.org.name_of[u] for u in eligible]
                     if step == ADDED or pk in cosigned else ())
            assert self.step_authorized(obj, principal, step, added), (
                f"{self.kind} {oid}: {principal} decided {step} without its authority")

    @invariant()
    def nobody_decides_two_steps_of_a_request_in_a_round(self):
        """Four eyes: within a round (up to a resubmission), nobody decided two steps, neither
        themselves nor through a deputy acting for them."""
        rows = WorkItem.objects.filter(
            kind=self.kind, status="done", request__object_id__in=list(self.objects),
        ).order_by("request_id", "decided_at", "pk").values_list(
            "request__object_id", "step_code", "decided_by_id", "acting_for_id", "decision")
        steps_of: dict = {}
        for oid, step, by, acting, decision in rows:
            if decision == "revised":
                steps_of = {k: v for k, v in steps_of.items() if k[0] != oid}
                continue
            for person in {by, acting} - {None}:
                if person in self.org.admin_ids:
                    continue  # administrators are the route's last resort (issue 17)
                steps = steps_of.setdefault((oid, person), set())
                steps.add(step)
                assert len(steps) == 1, (
                    f"{self.kind} {oid}: {self.org.name_of[person]} decided {sorted(steps)}")

    @invariant()
    def nobody_signs_a_step_twice(self):
        """A step several sign at once (n-of-m, alongside): nobody, themselves or through a
        deputy, signs two of its tasks, and the database holds exactly the model's signatures
        (each vote once, one decision that decides the step, the rest cancelled)."""
        for obj in self.objects.values():
            for group in obj.groups:
                pks = [t.pk for t in group.tasks if t.pk is not None]
                rows = list(WorkItem.objects.filter(pk__in=pks, status="done",
                                                    decision__in=DECISIONS)
                            .values_list("decided_by_id", "acting_for_id"))
                people = [p for row in rows for p in set(row) - {None}]
                assert len(people) == len(set(people)), (
                    f"{self.kind} {obj.pk}: one step signed twice by "
                    f"{[self.org.name_of[p] for p in people if people.count(p) > 1]}")
                assert len(rows) == len(group.votes), (
                    f"{self.kind} {obj.pk}: {len(rows)} signatures, model {group.votes}")

    @invariant()
    def an_open_request_always_waits_on_someone(self):
        """While a request is in review or returned, it waits on a person (an open task with a
        holder, or a queue with candidates) unless its process is at a step the system does
        (`system_states`: the payment after an expense's voucher review)."""
        open_requests = dict(Request.objects.filter(
            kind=self.kind, object_id__in=list(self.objects), status__in=OPEN_STATUSES,
        ).values_list("pk", "object_id"))
        if not open_requests:
            return
        someone: dict[int, list] = {}
        for req_pk, step, assignee, queued in WorkItem.objects.filter(
                request_id__in=list(open_requests), status="open").annotate(
                queued=Exists(Candidate.objects.filter(work_item=OuterRef("pk")))
        ).values_list("request_id", "step_code", "assignee_id", "queued"):
            someone.setdefault(req_pk, []).append((step, bool(assignee or queued)))
        for req_pk, oid in open_requests.items():
            if self.objects[oid].state in self.system_states:
                continue
            items = someone.get(req_pk, [])
            assert items, f"{self.kind} {oid}: open with no open task"
            for step, held in items:
                assert held, f"{self.kind} {oid}: open, and nobody holds or may claim {step}"

    @invariant()
    def lists_and_offers_follow_the_decision_rule(self):
        """Whoever may decide (or claim) an open task finds it in their inbox (or queue), with
        the action offered; nobody else does: one rule for the decision, the lists and the
        API (segregation of duties included)."""
        tasks = [(o, t) for o, t in self.open_tasks() if not t.revision and t.pk]
        if not tasks:
            return
        people = {o.submitter for o, _t in tasks} | {p for _o, t in tasks for p in t.people()}
        # 抄送: whoever is copied is held to the same rule (the copy never lets them decide)
        people |= {p for o, _t in tasks for p in self.copied(o)}
        people |= {d.deputy for d in self.delegations if d.principal in people}
        people |= {d.principal for d in self.delegations if d.deputy in people}
        for name in self.org.by_pk(people):
            user = User.objects.get(pk=self.user(name).pk)  # no per-request caches
            inbox_ids = set(selectors.tasks_for(user, selectors.INBOX).values_list("pk",
                                                                                   flat=True))
            queue_ids = set(selectors.tasks_for(user, selectors.QUEUE).values_list("pk",
                                                                                   flat=True))
            viewer = Viewer.of(user)
            offered = {row.pk: available_actions(row, viewer) for row in with_row_facts(
                WorkItem.objects.filter(pk__in=[t.pk for _o, t in tasks]), viewer)}
            for obj, task in tasks:
                exc, _principal = self.may_decide(obj, task, name, "approved", "", None)
                may = exc is None
                listed = task.pk in (inbox_ids if task.holder else queue_ids)
                action = "approve" if task.holder else "claim"
                where = f"{self.kind} {obj.pk} step {task.step} for {name}"
                assert listed == may, f"{where}: listed {listed}, may decide {may} ({exc})"
                assert (action in offered[task.pk]) == may, (
                    f"{where}: offered {offered[task.pk]}, may decide {may} ({exc})")

    @invariant()
    def one_audit_event_per_state_change_and_the_chain_verifies(self):
        if not self.objects:
            return
        rows = AuditEvent.objects.filter(
            subject_kind=self.kind, subject_id__in=[str(pk) for pk in self.objects]
        ).order_by("subject_id", "subject_seq").values_list("subject_id", "event", "from_state",
                                                            "to_state")
        found: dict[int, list] = {}
        for sid, event, before, after in rows:
            found.setdefault(int(sid), []).append((event, before, after))
        for obj in self.objects.values():
            events = found.get(obj.pk, [])
            assert events == obj.events, (
                f"{self.kind} {obj.pk}: audit events {events}, model {obj.events}")
            # The state changes replay, link by link, to the object's state.
            changes = [(b, a) for _e, b, a in events if a]
            for (_b1, a1), (b2, _a2) in zip(changes, changes[1:], strict=False):
                assert b2 == a1, f"{self.kind} {obj.pk}: state changes do not chain: {changes}"
            assert changes and changes[-1][1] == obj.state
        result = verify_all(save=False)
        assert result.ok, result.first_broken
