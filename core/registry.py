"""The one door between the engine and its processes: each process declares itself once, in a
typed `ProcessSpec` (its `workflows/<process>/process.py`), and registers it from its
`AppConfig.ready()`. Core derives from the specs what it would otherwise list by hand: the
process kinds, the URLconf, the menu, step and state labels, audit sentences, the demo seed,
the authority-matrix seed and the timed sweep. Core never imports a process.

Every callback runs inside the engine's transaction, under the process lock, and returns the
domain transition it made (`Transition`) so that the engine records one audit event per action.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # for the Protocols' signatures only; importing them here would be a cycle
    from core.inbox.models import Request, WorkItem
    from core.org.models import User


class AlreadyRegistered(Exception):
    """A second spec for a kind that is registered already (two apps claiming one kind)."""


@dataclass(frozen=True)
class Transition:
    from_state: str = ""
    to_state: str = ""
    changes: dict = field(default_factory=dict)
    event: str | None = None  # overrides the engine's default event name


# --- the callbacks a process gives the engine -----------------------------------------------


class OnDecision(Protocol):
    """A task of the process was decided (approve, reject, return, revise): move the domain
    object if the decision ends a stage; None if nothing of the object changed."""

    def __call__(self, request: Request, item: WorkItem, decision: str, decider: Any,
                 comment: str) -> Transition | None: ...


class OnWithdraw(Protocol):
    def __call__(self, request: Request, actor: User, reason: str) -> Transition | None: ...


class OnResubmit(Protocol):
    def __call__(self, request: Request, actor: User) -> Transition | None: ...


class OnResume(Protocol):
    """A resubmission goes straight back to `step_code` (the step that returned it), past the
    steps that stand: move the object to where that step expects it (an expense claim resumed
    at finance's voucher review is approved again); None if nothing changed. Runs after
    `on_resubmit`, in the same transaction."""

    def __call__(self, request: Request, step_code: str) -> Transition | None: ...


class DetailUrl(Protocol):
    """The domain object's own page for a request of this process."""

    def __call__(self, request: Request) -> str: ...


class Sweep(Protocol):
    """The process's own timed work (overdue collections, measures, reviews), run by the
    periodic sweep after the task engine's; idempotent, safe to run twice. Returns a count."""

    def __call__(self, now: datetime) -> int: ...


class ChainFor(Protocol):
    """The approval chain of a request of a process that routes by its own rules (a template's
    routing): steps as `{"code", "label", "candidates", "note"}`, read on submit, resubmit and
    when steps are added, like the matrix chain."""

    def __call__(self, request: Request) -> list[dict]: ...


class StepHolders(Protocol):
    """Who holds a chain step of this request by the process's own rule (the head of the
    marketing department rather than every holder of the `marketing` role): user ids, or None
    or [] to leave the step to its role's holders. The engine keeps only people the step's
    role already allows (segregation of duties applied); when none is left, the role's queue
    stays."""

    def __call__(self, request: Request) -> list[int] | None: ...


class CcRules(Protocol):
    """抄送 by rule: whom the process copies on a request when it is submitted or resubmitted
    (finance on a large contract, the region's manager on a risk), as `(rule, people)` pairs
    where `rule` is an untranslated sentence (gettext_noop) saying why, shown with the copy.
    Runs inside the submission's transaction; the engine skips the submitter, inactive people
    and anyone copied already."""

    def __call__(self, request: Request) -> list[tuple[str, list[User]]]: ...


class SeedDemo(Protocol):
    """Demo objects in every state, made by the process's own services; idempotent."""

    def __call__(self) -> None: ...


class TaskPanel(Protocol):
    """What a task of the process decides on, shown on the task page: the template to include
    and its context (claim lines with standards, the credit check, the plan's figures, the
    risk's measures), or None. Called only for someone who may see the request."""

    def __call__(self, request: Request, user: User) -> tuple[str, dict] | None: ...


class Warnings(Protocol):
    """What the pages of these requests warn about (a credit breach, over budget, over the
    standard), by request id, in a constant number of queries. A task whose request carries a
    warning is opened and decided on its own, never approved in bulk."""

    def __call__(self, requests: list[Request]) -> dict[int, list[str]]: ...


class Visible(Protocol):
    def __call__(self, user: User) -> bool: ...


# --- what a process declares ----------------------------------------------------------------


@dataclass(frozen=True)
class UrlMount:
    """A URL module of the process, mounted at `prefix` (e.g. "expenses/" or "api/expenses/").
    The module names its `app_name`, which is the namespace its URLs reverse under."""

    prefix: str
    module: str


# The top menu's drop-downs (MenuEntry.group): what one reads about the work, and what one
# configures. A person who sees one entry of a group sees it as a plain link.
MENU_REPORTS, MENU_ADMIN = "reports", "admin"


@dataclass(frozen=True)
class MenuEntry:
    """One link in the top menu. `visible` decides who sees it (everyone logged in when None);
    the link is marked active on any path under `active_prefix`; `group` puts it in one of the
    menu's drop-downs (MENU_REPORTS, MENU_ADMIN) instead of the line itself."""

    label: Any  # a lazy translation
    url_name: str
    active_prefix: str = ""
    visible: Visible | None = None
    order: int = 100
    group: str = ""


@dataclass(frozen=True)
class MatrixSeed:
    """A demo authority matrix for the process: bands `(from, to or None, steps)` where a step
    is "line_manager" or a role code; `category` narrows it (blank: every category)."""

    bands: tuple[tuple[str, str | None, tuple[str, ...]], ...]
    category: str = ""


@dataclass(frozen=True)
class AccessFamily:
    """For the security matrix: a route under one of the process's mounts that names one object
    of a family (`pattern` is the route's text after the mount prefix, e.g. "claims/<int:pk>/")."""

    pattern: str
    family: str


class Configured(Protocol):
    def __call__(self) -> bool: ...


@dataclass(frozen=True)
class SetupStep:
    """Something an administrator configures before people use the process, listed on the
    getting-started page with a tick once `configured()` says it is done."""

    label: Any  # a lazy translation
    url_name: str
    configured: Configured
    hint: Any = ""
    order: int = 100


# every step of a process (ProcessSpec.decided_on_page)
ALL_STEPS = "*"

# where a resubmission goes (ProcessSpec.resubmit_to)
RESTART, TO_RETURNER = "restart", "returner"
RESUBMIT_CHOICES = (RESTART, TO_RETURNER)


def _frozen(mapping: Mapping | None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class ProcessSpec:
    kind: str
    label: Any  # a lazy translation
    flow: type
    on_decision: OnDecision
    on_withdraw: OnWithdraw
    on_resubmit: OnResubmit
    # step code -> label: the one source the flow, services, pages and API read
    steps: Mapping[str, Any] = field(default_factory=dict)
    # Stages outside the authority chain, by step code, in the order they come before and after
    # it (the contract reviews before the sign-off chain; the expense voucher review and
    # payment after it): the "approval chain" pages show the whole route.
    route_before: tuple[str, ...] = ()
    route_after: tuple[str, ...] = ()
    # Stages of those that run side by side, each group all required (会签): the route shows
    # them as branches with their own status (the contract's legal and finance reviews).
    parallel: tuple[tuple[str, ...], ...] = ()
    # stage code -> the role whose holders it goes to (a regional role: the request's region),
    # so the route names who will be asked before the stage opens
    stage_roles: Mapping[str, str] = field(default_factory=dict)
    # Where a resubmission goes after a return to the submitter: the first is the default, the
    # others what the approver who returned it may choose instead. RESTART: the whole route
    # again; TO_RETURNER: straight back to the step that returned it (the steps before it
    # stand) — unless the revision changed the amount or the route, which restarts it.
    resubmit_to: tuple[str, ...] = (RESTART, TO_RETURNER)
    on_resume: OnResume | None = None
    # state code -> label of the process's own object
    states: Mapping[str, Any] = field(default_factory=dict)
    # full event name ("contract.milestone_done") -> sentence with %(actor)s (gettext_noop)
    events: Mapping[str, str] = field(default_factory=dict)
    urls: tuple[UrlMount, ...] = ()
    menu: tuple[MenuEntry, ...] = ()
    detail_url: DetailUrl | None = None
    # where the submitter revises a returned request (its edit page); None: the request page,
    # which resubmits it as it stands
    revise_url: DetailUrl | None = None
    # roles that read every request of the process (finance reads every claim, policy 7.2)
    visible_to_roles: tuple[str, ...] = ()
    # False: the approvers come from the process's own rules, not the authority matrix
    routes_by_matrix: bool = True
    # the chain of a process that routes by its own rules, step by step (None: the matrix's)
    chain: ChainFor | None = None
    # step code -> the rule narrowing the matrix's step to particular holders (see StepHolders),
    # with the sentence the route shows beside it (gettext_noop)
    step_holders: Mapping[str, tuple[StepHolders, str]] = field(default_factory=dict)
    # False: a task can return the request but never end it (a plan is pushed back)
    can_reject: bool = True
    # False: a task is never returned either (a follow-up task: done, or it stays open)
    can_return: bool = True
    # the approve button's words where approving means something else ("Mark done"):
    # (label, label when the next task opens after it); empty: "Approve"
    approve_labels: tuple = ()
    # Steps whose approval asks for more than a click (a note of what was done, a form to send,
    # a response plan to read through), by step code or ALL_STEPS, with the sentence saying so
    # (a lazy translation): decided on the task page only, never from a list row or in bulk
    # (core.inbox.panels.own_page_reason)
    decided_on_page: Mapping[str, Any] = field(default_factory=dict)
    seed_demo: SeedDemo | None = None
    matrix: tuple[MatrixSeed, ...] = ()
    sweep: Sweep | None = None
    access: tuple[AccessFamily, ...] = ()
    # the rule for a default SLA row of the demo ("*" step, working hours)
    sla_hours: Decimal | None = None
    # what an administrator configures first (the getting-started page)
    setup: tuple[SetupStep, ...] = ()
    # the task page's panel of what is decided on, and the warnings that keep a task out of
    # bulk approval (see TaskPanel, Warnings)
    task_panel: TaskPanel | None = None
    warnings: Warnings | None = None
    # whom the process copies on every submission by rule (see CcRules)
    cc_rules: CcRules | None = None

    def __post_init__(self):
        if not self.kind or not self.kind.replace("_", "").isalnum() or len(self.kind) > 32:
            raise ValueError(f"a process kind is a short code of letters, digits and _: "
                             f"{self.kind!r}")
        if not self.resubmit_to or set(self.resubmit_to) - set(RESUBMIT_CHOICES):
            raise ValueError(f"resubmit_to names {RESUBMIT_CHOICES}: {self.resubmit_to!r}")
        for name in ("steps", "states", "events", "stage_roles", "step_holders",
                     "decided_on_page"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))

    def step_label(self, code: str) -> Any:
        return self.steps.get(code, code)

    def own_page_reason(self, step_code: str) -> Any | None:
        """Why a task of this step is decided on its page only (decided_on_page); None."""
        return self.decided_on_page.get(step_code, self.decided_on_page.get(ALL_STEPS))


_processes: dict[str, ProcessSpec] = {}


def register(spec: ProcessSpec) -> ProcessSpec:
    """Add a process; refuses a kind that is taken (like the admin's AlreadyRegistered)."""
    if not isinstance(spec, ProcessSpec):
        raise TypeError(f"register() takes a ProcessSpec, not {type(spec).__name__}")
    if _processes.get(spec.kind) is spec:  # the app registry ran ready() again (tests)
        return spec
    if spec.kind in _processes:
        raise AlreadyRegistered(f"process kind {spec.kind!r} is registered already "
                                f"(by {_processes[spec.kind].flow.__module__})")
    _processes[spec.kind] = spec
    return spec


def unregister(kind: str) -> None:
    _processes.pop(kind, None)


def processes() -> list[ProcessSpec]:
    return list(_processes.values())


def get(kind: str) -> ProcessSpec | None:
    return _processes.get(kind)


def kinds() -> list[str]:
    return list(_processes)


def flow_of(kind: str) -> Any:  # a viewflow Flow class
    spec = _processes.get(kind)
    if spec is None:
        raise LookupError(f"no process of kind {kind!r} is registered")
    return spec.flow


# Menu entries of pages that are no process (the monthly reports): their app registers them in
# its ready(), as a process declares its own in its spec.
_pages: dict[str, MenuEntry] = {}


def register_page(entry: MenuEntry) -> MenuEntry:
    """Add the menu entry of a page that is no process (one per URL name; ready() may run
    again in tests)."""
    _pages[entry.url_name] = entry
    return entry


def menu(user) -> list[tuple[MenuEntry, ProcessSpec | None]]:
    """The menu entries this user sees, in order (a page's entry has no spec)."""
    entries: list[tuple[MenuEntry, ProcessSpec | None]] = [
        (entry, spec) for spec in _processes.values() for entry in spec.menu
        if entry.visible is None or entry.visible(user)]
    entries += [(entry, None) for entry in _pages.values()
                if entry.visible is None or entry.visible(user)]
    return sorted(entries, key=lambda pair: pair[0].order)


def all_steps() -> dict[str, Any]:
    steps: dict[str, Any] = {}
    for spec in _processes.values():
        steps.update(spec.steps)
    return steps


def all_events() -> dict[str, str]:
    events: dict[str, str] = {}
    for spec in _processes.values():
        events.update(spec.events)
    return events


def setup_steps() -> list[SetupStep]:
    return sorted((step for spec in _processes.values() for step in spec.setup),
                  key=lambda step: step.order)


def url_mounts() -> list[UrlMount]:
    """Every process's URL modules, the longer prefixes first so that a more specific mount
    ("contracts/statistics/") is tried before a shorter one ("contracts/")."""
    mounts = [m for spec in _processes.values() for m in spec.urls]
    return sorted(mounts, key=lambda m: -len(m.prefix))

