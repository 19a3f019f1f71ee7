"""Glue between viewflow flows and the generic request/task tables.

A governed process's flow uses these as node callbacks:

    start = flow.StartHandle(engine.start_process).Next(this.approve)
    approve = (RoutedView(engine.task_view).Assign(engine.chain_assignee)
               .onCreate(engine.chain_task_created)
               .Case(this.approve, engine.next_chain_step)
               .Case(this.revise, engine.returned_to_submitter)
               .Case(this.rejected, engine.was_rejected).Default(this.<after approvals>))
    revise = <the same, RoutedView(...).Assign(engine.submitter_of)
                 .onCreate(engine.revision_task_created)>
"""

import threading
from contextlib import contextmanager
from decimal import Decimal

from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import registry
from core.authority.services import approval_chain
from core.org.models import User
from core.txscope import TxScope

from . import notify, quorum, sla
from .models import Candidate, Decision, Request, RequestStatus, WorkItem, WorkItemStatus
from .segregation import prior_deciders

REVISION_STEP = "revise"
ADDED_STEP = "added_signer"  # 加签: a chain step a holder added (core/inbox/actions.py)


_bound = TxScope()


def bind(process, request: Request) -> None:
    """Make `request` the one object every activation of this process run reads and changes.

    viewflow sometimes reloads a task (a join's second arrival), and with it a fresh Process
    instance; the binding by process id keeps all of them on the same request object, so the
    header written at the end of the action includes every change made during the flow run.
    The binding lasts as long as the transaction it was made in (core.txscope).
    """
    process._cs_request = request
    _bound.open()[process.pk] = request


def _bound_request(process) -> Request | None:
    values = _bound.get()
    return values.get(process.pk) if values else None


def request_of(process) -> Request:
    cached = getattr(process, "_cs_request", None)
    if cached is None:
        cached = _bound_request(process)
    if cached is None:
        cached = Request.objects.select_related("submitter").get(process=process)
    process._cs_request = cached
    return cached


_votes = threading.local()


@contextmanager
def vote_only(process):
    """While this runs, completing a task of `process` moves the flow nowhere: a decision that
    is one signer's vote (quorum not reached, still reachable; core/inbox/quorum.py)."""
    held = getattr(_votes, "ids", set())
    _votes.ids = held | {process.pk}
    try:
        yield
    finally:
        _votes.ids = held


def step_still_open(process) -> bool:
    return process.pk in getattr(_votes, "ids", ())


def chain_for(request: Request) -> list[dict]:
    """The request's approval chain from the authority matrix, or from the process's own
    `chain` (template routing); empty for a process that routes by its own stages (its spec
    says routes_by_matrix=False)."""
    reg = registry.get(request.kind)
    if reg is not None and reg.chain is not None:
        return reg.chain(request)
    if reg is not None and not reg.routes_by_matrix:
        return []
    steps = approval_chain(
        request.kind,
        request.amount or Decimal(0),
        request.submitter,
        category=request.category or None,
        region=request.region_id,
        extra_steps=tuple(request.extra_steps or ()),
    )
    chain = [
        {
            "code": s.code,
            "label": s.label,
            "candidates": sorted(s.candidate_ids),
            "note": s.note,
            # n of the candidates sign at once (core/inbox/quorum.py)
            **({"quorum": s.quorum} if s.quorum else {}),
        }
        for s in steps
    ]
    return _narrowed(request, chain, reg.step_holders if reg is not None else {})


def _narrowed(request: Request, chain: list[dict], rules) -> list[dict]:
    """A step the process gives to particular holders (ProcessSpec.step_holders, e.g. the head
    of a department): only those of them the step already allows; else the role's queue."""
    for step in chain:
        rule = rules.get(step["code"])
        if rule is None or step.get("quorum"):
            continue
        holders, note = rule
        wanted = [pk for pk in (holders(request) or []) if pk in step["candidates"]]
        if wanted:
            step["candidates"] = sorted(set(wanted))
            step["note"] = step["note"] or note
    return chain


# --- node callbacks -------------------------------------------------------------------------


def start_process(activation, request: Request):
    """StartHandle body: bind the viewflow process to the request."""
    activation.process.save()
    bind(activation.process, request)
    request.process = activation.process
    request.save(update_fields=["process"])
    return activation.process


def task_view(request, **kwargs):
    """viewflow wants a view per human node; ours live in the inbox, so send people there."""
    return redirect("inbox:task", task_id=kwargs.get("task_pk"))


def _admins_instead(req: Request, barred: set[int]) -> list[int]:
    """Administrators for a step nobody else may decide (not the submitter, their deputies or
    anyone in `barred`)."""
    from core.exceptions import MatrixConfigurationError
    from core.org import selectors as org
    from core.org.models import Role

    excluded = barred | {req.submitter_id} | {
        d.pk for d in org.deputies_of(req.submitter_id, kind=req.kind)}
    admins = [pk for pk in org.holder_names(Role.ADMINISTRATOR) if pk not in excluded]
    if not admins:
        # The last resort: every administrator decided another step too. The request must not
        # be left without a holder, so they may decide this one as well (the chain says why).
        admins = [pk for pk in org.holder_names(Role.ADMINISTRATOR)
                  if pk not in excluded - barred]
    if not admins:
        raise MatrixConfigurationError(
            _("Nobody may decide this step of the request without deciding two of its steps."))
    return admins


def _current_step(req: Request) -> dict:
    """The chain step opening now, less whoever decided another step of this round (they, or
    a deputy for them): nobody decides two steps of one request. When that leaves nobody, the
    step goes to the administrators and the chain says why (saved at once)."""
    step = req.chain[req.step_index]
    prior = prior_deciders(req.pk, step["code"], req.round)
    if not prior.intersection(step["candidates"]):
        return step
    allowed = [pk for pk in step["candidates"] if pk not in prior]
    # whom the matrix named: the step's authority stays with them (chain_task_created)
    step.setdefault("named", list(step["candidates"]))
    if allowed:
        step["candidates"] = allowed
    else:
        step["candidates"] = _admins_instead(req, set(prior))
        step["note"] = gettext_noop(
            "Everyone who may approve this step decided another step of this request; "
            "routed to the administrators.")
    Request.objects.filter(pk=req.pk).update(chain=req.chain)
    return step


def chain_assignee(activation) -> User | None:
    """The single person for the current chain step, or None to put the task in a queue."""
    req = request_of(activation.process)
    step = _current_step(req)
    if len(step["candidates"]) == 1 or quorum.quorum_of(step):
        # a step several sign at once: the first signer's task; the others open beside it
        return User.objects.get(pk=step["candidates"][0])
    return None


def submitter_of(activation) -> User:
    return request_of(activation.process).submitter


def chain_task_created(activation) -> None:
    req = request_of(activation.process)
    # The step's authority stays with those the matrix named (and those above them) even when
    # they decided another step and the task goes to others: a reassignment may still go up
    # their line, as a role stage's may (role_task_created).
    step = _current_step(req)
    named = step.get("named", step["candidates"])
    item = open_work_item(
        activation,
        step_code=step["code"],
        step_label=step["label"],
        step_index=req.step_index,
        candidate_ids=step["candidates"],
        eligible_ids=named,
    )
    if step.get("sla_hours"):
        own_deadline(item, Decimal(step["sla_hours"]))
    if quorum.quorum_of(step):
        # 会签 / n-of-m: one task per signer, all open at once; the step keeps this opening's
        # tasks (core/inbox/quorum.py counts their votes)
        others = [quorum.open_sibling(activation.task, user_id=pk, step=step,
                                      step_index=req.step_index)
                  for pk in step["candidates"][1:]]
        step["tasks"] = [item.pk, *(o.pk for o in others)]
        step["quorum"] = quorum.quorum_of(step)
        Request.objects.filter(pk=req.pk).update(chain=req.chain)
        wait_on_open_items(req, since=item.created)


def own_deadline(item: WorkItem, hours: Decimal) -> None:
    """A step with an SLA of its own (an added signer's): its due and reminder times."""
    from .rules import DEFAULT_REMIND_BEFORE, add_working_hours, subtract_working_hours

    days_off = sla.holidays()
    item.due = add_working_hours(item.created, hours, days_off)
    item.remind_at = subtract_working_hours(item.due, min(DEFAULT_REMIND_BEFORE, hours), days_off)
    item.save(update_fields=["due", "remind_at"])
    Candidate.objects.filter(work_item=item).update(due=item.due)


def revision_task_created(activation) -> None:
    req = request_of(activation.process)
    open_work_item(
        activation,
        step_code=REVISION_STEP,
        step_label=_("Revise and resubmit"),
        step_index=-1,
        candidate_ids=[req.submitter_id],
        is_revision=True,
    )


def role_task_created(activation, *, step_code: str, step_label, role: str,
                      by_region: bool = False, parallel: bool = False) -> None:
    """A stage outside the chain done by a role (e.g. finance): queued for its holders, or
    assigned when only one may act. The submitter and their deputies are never candidates."""
    from core.org import selectors as org

    req = request_of(activation.process)
    # Nor anyone who decided another step of the request this round (core.inbox.segregation).
    excluded = {req.submitter_id} | {d.pk for d in org.deputies_of(req.submitter_id,
                                                                   kind=req.kind)}
    excluded |= prior_deciders(req.pk, step_code, req.round)
    region_id = req.region_id if by_region else None
    names = org.holder_names(role, region_id)
    everyone = list(names)
    holders = [pk for pk in everyone if pk not in excluded]
    if not holders:
        names = {pk: n for pk, n in org.holder_names("admin").items() if pk not in excluded}
        holders = list(names)
    task = activation.task
    if len(holders) == 1:
        task.owner_id = holders[0]
        task.status = "ASSIGNED"
        task.save(update_fields=["owner", "status"])
    # The role's authority stays with all its holders (and those above them) even when the
    # submitter is one of them: a reassignment may go up their line, not only to the admins.
    open_work_item(activation, step_code=step_code, step_label=step_label, step_index=-1,
                   candidate_ids=holders, parallel=parallel, eligible_ids=everyone,
                   names=names)


def next_chain_step(activation) -> bool:
    req = request_of(activation.process)
    if req.last_decision == Decision.RETURNED:
        return req.return_to_step is not None
    if req.last_decision in (Decision.APPROVED, Decision.REVISED, Decision.DEFERRED):
        return req.step_index < len(req.chain)
    return False


def returned_to_submitter(activation) -> bool:
    req = request_of(activation.process)
    return req.last_decision == Decision.RETURNED and req.return_to_step is None


def resumes_at(*codes: str):
    """A flow condition after the submitter's revision: the resubmission goes straight back to
    one of these stages, as the approver who returned it asked (Request.resume_step)."""

    def condition(activation, *_args) -> bool:
        req = request_of(activation.process)
        return req.last_decision == Decision.REVISED and req.resume_step in codes

    return condition


def resumes_in_chain(activation, *_args) -> bool:
    """The resubmission goes straight back to the chain step that returned it (the steps before
    it stand): the flow goes to the chain, at req.step_index, past its own earlier stages."""
    req = request_of(activation.process)
    return (req.last_decision == Decision.REVISED and bool(req.resume_step)
            and req.step_index < len(req.chain)
            and req.chain[req.step_index].get("code") == req.resume_step)


def said_no(activation, *_args) -> bool:
    """A parallel branch rejected or returned: the join need not wait for the other."""
    return request_of(activation.process).last_decision in (Decision.REJECTED, Decision.RETURNED)


def was_rejected(activation) -> bool:
    return request_of(activation.process).last_decision == Decision.REJECTED


# --- work items -----------------------------------------------------------------------------


def open_work_item(
    activation,
    *,
    step_code: str,
    step_label: str,
    candidate_ids,
    step_index: int = -1,
    is_revision: bool = False,
    parallel: bool = False,
    eligible_ids=(),
    names: dict[int, str] | None = None,
) -> WorkItem:
    """Create the inbox row for a human task just created by viewflow, and tell its people."""
    req = request_of(activation.process)
    task = activation.task
    now = timezone.now()
    due, remind_at = (None, None) if is_revision else sla.deadlines(req.kind, step_code, now)
    candidate_ids = list(candidate_ids)
    item = WorkItem.objects.create(
        task=task,
        request=req,
        kind=req.kind,
        step_code=step_code,
        step_label=str(step_label),
        step_index=step_index,
        is_revision=is_revision,
        round=req.round,
        eligible_ids=sorted({*candidate_ids, *eligible_ids,
                             *([task.owner_id] if task.owner_id else [])}),
        number=req.number,
        title=req.title,
        search_text=req.search_text,
        amount=req.amount,
        submitter_id=req.submitter_id,
        assignee_id=task.owner_id,
        created=now,
        taken_at=now if task.owner_id else None,
        due=due,
        remind_at=remind_at,
    )
    if task.owner_id is None:
        Candidate.objects.bulk_create(
            [Candidate(work_item=item, user_id=uid, due=due, created=now, request=req,
                       step_code=step_code, round=item.round, is_revision=is_revision,
                       submitter_id=req.submitter_id)
             for uid in candidate_ids]
        )
    waiting = [task.owner_id] if task.owner_id else candidate_ids
    set_waiting(req, step=step_code, user_ids=waiting, since=now, save=False, add=parallel,
                names=names)
    notify.on_commit_many(
        waiting,
        kind="assigned",
        request=req,
        key=f"assigned:{task.pk}",
        message=gettext_noop("%(step)s: %(title)s is waiting for you"),
        params={"step": step_code, "title": req.title},
        target=("inbox:task", {"task_id": task.pk}),
    )
    return item


WAITING_FIELDS = ["current_step", "waiting_on_ids", "waiting_on_names", "since"]


def set_waiting(req: Request, *, step: str, user_ids, since=None, save: bool = True,
                add: bool = False, names: dict[int, str] | None = None) -> None:
    """Record where the request waits: the step's code (pages translate it) and on whom.

    `add` joins a parallel step to those already open ("legal_review+credit_review").
    Inside a flow run the caller saves the request once at the end (save=False here).
    """
    if add and req.current_step:
        step = f"{req.current_step}+{step}"
        user_ids = [*(req.waiting_on_ids or []), *user_ids]
    known = names or {}
    if all(pk in known for pk in user_ids):  # the caller has their names already
        people = [(pk, known[pk]) for pk in sorted(set(user_ids))]
    else:
        people = [(pk, User.name_from(*rest)) for pk, *rest in
                  User.objects.filter(pk__in=user_ids).order_by("pk")
                  .values_list("pk", *User.NAME_FIELDS)]
    req.current_step = step
    req.waiting_on_ids = [pk for pk, _name in people]
    req.waiting_on_names = ", ".join(name for _pk, name in people)[:300]
    req.since = since or timezone.now()
    if save:
        req.save(update_fields=WAITING_FIELDS)


def wait_on_open_items(req: Request, *, since=None) -> None:
    """Recompute where the request waits from all its open tasks (parallel steps included:
    moving one confirmation or review must not hide the others' holders)."""
    items = list(WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN)
                 .order_by("created", "pk").values_list("pk", "step_code", "assignee_id"))
    steps, user_ids, queued = [], [], []
    for pk, step, assignee_id in items:
        if step not in steps:
            steps.append(step)
        if assignee_id:
            user_ids.append(assignee_id)
        else:
            queued.append(pk)
    if queued:
        user_ids += list(Candidate.objects.filter(work_item_id__in=queued, open=True)
                         .values_list("user_id", flat=True))
    set_waiting(req, step="+".join(steps), user_ids=list(dict.fromkeys(user_ids)), since=since)


def clear_waiting(req: Request, *, save: bool = True) -> None:
    req.current_step = ""
    req.waiting_on_ids = []
    req.waiting_on_names = ""
    req.since = timezone.now()
    if save:
        req.save(update_fields=WAITING_FIELDS)


@transaction.atomic
def submit_request(
    *,
    kind: str,
    obj,
    submitter: User,
    title: str,
    amount=None,
    number: str = "",
    category: str = "",
    region=None,
    flow_class,
    extra_steps: tuple[str, ...] = (),
    party: str = "",
    cc=(),
) -> Request:
    """Create the request header for a domain object and start its flow at the first step.

    Called by a process's own `*_submit` service, which has already locked and moved its object.
    `cc`: the people the submitter copies (抄送); the process's CC rules apply as well.
    """
    from .copies import clean_cc, copy_on_submit  # copies -> services -> engine

    cc = clean_cc(cc, submitter=submitter)  # refused before anything moves
    req, _created = Request.objects.get_or_create(
        kind=kind,
        object_id=obj.pk,
        defaults={"title": title, "submitter": submitter},
    )
    req.title = title
    req.party = party or req.party
    req.amount = amount
    req.number = number
    req.category = category
    req.region = region if region is not None else submitter.region
    req.submitter = submitter
    req.status = RequestStatus.IN_REVIEW
    req.round += 1
    req.step_index = 0
    req.last_decision = ""
    req.return_to_step = None
    req.resume_step = ""
    req.submitted_at = timezone.now()
    req.extra_steps = list(extra_steps)
    req.chain = chain_for(req)
    req.save()
    flow_class.start.run(request=req)
    req.save(update_fields=WAITING_FIELDS)  # where the first task left it
    copy_on_submit(req, actor=submitter, people=cc)
    return req
