"""The everyday actions beside a decision (issue 19): 转交 transfer, 催办 urge, 加签 add a
signer.

Each is one service in one transaction: the process row is locked first (the same lock every
decision takes, `services._locked_item`), the task is re-read, the actor's right is checked
(and, for a new holder, segregation of duties and the step's authority), one audit event is
written, and notifications leave through the outbox when the transaction commits.
"""

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.authority.services import ensure_can_decide
from core.exceptions import (
    InvalidInputError,
    NotYourTaskError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.org import selectors as org
from core.org.models import User

from . import engine, notify, quorum, services, stages
from .models import Decision, Request, Urge, WorkItem
from .rules import add_working_hours
from .segregation import prior_deciders
from .sla import holidays


class UrgeTooSoonError(StateConflictError):
    """A task was urged less than the interval ago. Final for now (no Retry-After): the message
    and `fields.next_urge_at` say when the next urge is allowed."""

    code = "urge_too_soon"


# --- 转交 transfer by the holder ----------------------------------------------------------


def holds(user: User, item: WorkItem) -> bool:
    """The user holds the open task, or acts today for the person holding it."""
    holder = item.assignee
    if holder is None:
        return False
    return holder.pk == user.pk or org.acts_for(user, holder, kind=item.kind)


def transfer_choices(item: WorkItem):
    """Whom the holder may hand the task to: the rule reassignment enforces (the step's eligible
    holders, someone above them, an administrator), less who may not hold it."""
    return services.reassign_choices(item)


def task_transfer(*, task_id: int, actor: User, assignee: User, reason: str) -> WorkItem:
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why you hand the task over."),
                                fields={"reason": [_("A reason is required.")]})
    with transaction.atomic(), services._locked_item(task_id) as item:
        services._ensure_open(item)
        if item.is_revision:
            raise InvalidInputError(
                _("The revision stays with the submitter: only they can resubmit the request."))
        if org.is_read_only(actor):
            raise ReadOnlyRoleError()
        if item.assignee_id is None:
            raise NotYourTaskError(_("This task is in a queue: claim it before handing it on."))
        if not holds(actor, item):
            raise NotYourTaskError(
                _("Only the person holding this task (or their deputy) can transfer it."))
        # Whoever submitted the request, or acts for its submitter, never picks its approver.
        if actor.pk == item.submitter_id or org.acts_for(actor, item.request.submitter,
                                                         kind=item.kind):
            raise SegregationOfDutiesError(
                _("You submitted this request or act for its submitter: you cannot pass its "
                  "task on."))
        if actor.pk != item.assignee_id:
            # A deputy passes the task on only where they could decide it for the holder
            # (not after deciding another step of the request: four eyes).
            ensure_can_decide(actor, services._context(item))
        if assignee.pk == item.assignee_id:
            raise InvalidInputError(_("The task is already with %(who)s.") % {"who": assignee},
                                    fields={"assignee": [_("Choose someone else.")]})
        # Segregation of duties and the step's authority, as for a manager's reassignment.
        services._check_new_holder(item, assignee)
        services.reassign_locked(item, new=assignee, actor=actor, reason=reason.strip(),
                                 event="task_transferred",
                                 data={"from": item.assignee_id, "to": assignee.pk})
        return item


# --- 催办 urge ----------------------------------------------------------------------------


def urge_interval() -> Decimal:
    try:
        hours = Decimal(str(getattr(settings, "URGE_INTERVAL_HOURS", "4")))
    except InvalidOperation:
        hours = Decimal("4")
    return hours if hours >= 0 else Decimal("4")


def next_urge_at(last: datetime | None) -> datetime | None:
    """When a task last urged at `last` may be urged again (working hours, Asia/Shanghai)."""
    if last is None:
        return None
    return add_working_hours(last, urge_interval(), holidays())


def holder_ids(item: WorkItem) -> list[int]:
    """Whom an urge reaches: the holder, or the queue's candidates, and whoever acts for
    them today (someone out of office is urged together with their deputy)."""
    holders = ([item.assignee_id] if item.assignee_id
               else list(item.candidate_set.values_list("user_id", flat=True)))
    ids = list(holders)
    for holder in holders:
        ids += [d.pk for d in org.deputies_of(holder, kind=item.kind)]
    return list(dict.fromkeys(ids))


def above_holder(user: User, item: WorkItem) -> bool:
    """The user is a manager anywhere above the task's holder (or one of its candidates)."""
    holders = [item.assignee_id] if item.assignee_id else list(
        item.candidate_set.values_list("user_id", flat=True))
    return user.pk in org.managers_above(holders)


def may_urge(user: User, item: WorkItem) -> bool:
    """The submitter (or their deputy) and anyone above the holder may urge an open task."""
    if not item.is_open or item.is_revision or org.is_read_only(user):
        return False
    submitter = item.request.submitter
    return (user.pk == submitter.pk or org.acts_for(user, submitter, kind=item.kind)
            or above_holder(user, item))


def last_urge(item: WorkItem) -> Urge | None:
    return Urge.objects.filter(work_item=item).order_by("-created").first()


def urge_count(req: Request) -> int:
    return Urge.objects.filter(request=req).count()


def task_urge(*, task_id: int, actor: User, comment: str = "") -> Urge:
    comment = (comment or "").strip()
    if len(comment) > 500:
        raise InvalidInputError(_("Keep the note under 500 characters."),
                                fields={"comment": [_("At most 500 characters.")]})
    with transaction.atomic(), services._locked_item(task_id) as item:
        services._ensure_open(item)
        if item.is_revision:
            raise InvalidInputError(_("This task is the submitter's own revision."))
        if org.is_read_only(actor):
            raise ReadOnlyRoleError()
        if not may_urge(actor, item):
            raise PermissionDeniedError(
                _("Only the submitter or a manager above the holder can urge this task."))
        # Read after the process lock: of two urges at once the second sees the first.
        previous = last_urge(item)
        allowed = next_urge_at(previous.created) if previous else None
        now = timezone.now()
        if previous is not None and allowed is not None and now < allowed:
            when = date_format(timezone.localtime(allowed), "Y-m-d H:i")
            raise UrgeTooSoonError(
                _("This task was urged at %(last)s; it can be urged again from %(next)s.")
                % {"last": date_format(timezone.localtime(previous.created), "Y-m-d H:i"),
                   "next": when},
                fields={"next_urge_at": [allowed.isoformat()]})
        recipients = holder_ids(item)
        urge = Urge.objects.create(work_item=item, request=item.request, actor=actor,
                                   recipient_ids=recipients, comment=comment, created=now)
        req = item.request
        services._record(req, actor=actor, event=f"{req.kind}.urged", comment=comment,
                         data={"task": item.pk, "step": item.step_code,
                               "recipients": recipients})
        notify.on_commit_many(
            recipients, kind="urgent", request=req, key=f"urged:{item.pk}:{urge.pk}",
            message=gettext_noop("Urgent: %(who)s is waiting on you for %(title)s (%(step)s)"),
            params={"who": str(actor), "title": req.title, "step": item.step_code},
            target=("inbox:task", {"task_id": item.pk}),
        )
        return urge


# --- 加签 add a signer --------------------------------------------------------------------

BEFORE, AFTER, ALONGSIDE = "before", "after", "alongside"
POSITIONS = (BEFORE, AFTER, ALONGSIDE)
MAX_ADDED = 5


def may_add_signer(user: User, item: WorkItem) -> bool:
    """The person who may decide an open task (a chain step or a stage of the process's own)
    may add signers to it."""
    if not item.is_open or item.is_revision or item.assignee_id is None:
        return False
    return services.decision_check(user, item)[0] is not None


def signer_choices(item: WorkItem):
    """Whom the page offers: active people who are not the submitter, their deputies, an
    auditor or the holder (the service checks the rest and names who it refuses)."""
    from core.org.models import Role

    refused = {item.submitter_id, item.assignee_id} | {
        d.pk for d in org.deputies_of(item.submitter_id, kind=item.kind)}
    return (User.objects.filter(is_active=True).exclude(pk__in=[p for p in refused if p])
            .exclude(role_assignments__role=Role.AUDITOR).distinct().order_by("username"))


def _check_signer(item: WorkItem, signer: User, *, holder_id: int) -> None:
    """Only someone who may legally decide: never the submitter or their deputy, an auditor,
    someone who decided another step of this round, or someone already on the rest of the
    route (nobody signs one request twice)."""
    req = item.request
    field = {"signers": [_("%(who)s cannot sign this request.") % {"who": signer}]}
    if not signer.is_active:
        raise InvalidInputError(_("%(who)s is not an active user.") % {"who": signer},
                                fields=field)
    if signer.pk == item.submitter_id or any(
            p.pk == item.submitter_id for p in org.principals_for(signer, kind=item.kind)):
        raise SegregationOfDutiesError(
            _("%(who)s submitted this request or acts for its submitter.") % {"who": signer},
            fields=field)
    if org.is_read_only(signer):
        raise ReadOnlyRoleError(_("An auditor cannot sign a request."), fields=field)
    if signer.pk == holder_id:
        raise InvalidInputError(_("%(who)s holds this step already.") % {"who": signer},
                                fields=field)
    # "" is no step code: every decision of the round counts
    if signer.pk in prior_deciders(req.pk, "", req.round):
        raise SegregationOfDutiesError(
            _("%(who)s decided another step of this request.") % {"who": signer}, fields=field)
    if item.step_index < 0:
        _check_stage_signer(item, signer, field)
        return
    step = req.chain[item.step_index]
    if quorum.is_cosigned_item(req, item) and signer.pk in step.get("candidates", []):
        raise InvalidInputError(
            _("%(who)s signs this step already.") % {"who": signer}, fields=field)
    later = [c for step in req.chain[item.step_index + 1:] for c in step.get("candidates", [])]
    if signer.pk in later:
        raise InvalidInputError(
            _("%(who)s already signs a later step of this request.") % {"who": signer},
            fields=field)


def _check_stage_signer(item: WorkItem, signer: User, field: dict) -> None:
    """On a stage outside the chain: not someone signing the stage already, holding another
    open task of the request (a parallel branch they decide), or asked on the chain ahead."""
    req = item.request
    group = stages.find(req, item)
    if group is not None and signer.pk in stages.signers(group):
        raise InvalidInputError(
            _("%(who)s signs this step already.") % {"who": signer}, fields=field)
    tasks = {t for s in group["steps"] for t in s.get("tasks", [])} if group else {item.pk}
    if signer.pk in stages.holders_elsewhere(req, tasks):
        raise InvalidInputError(
            _("%(who)s holds another open task of this request.") % {"who": signer},
            fields=field)
    if signer.pk in stages.later_chain_people(req):
        raise InvalidInputError(
            _("%(who)s already signs a later step of this request.") % {"who": signer},
            fields=field)


def task_add_signer(*, task_id: int, actor: User, signers: list[User], position: str,
                    reason: str, sla_hours: Decimal | None = None) -> WorkItem:
    """加签: the holder adds signers before their step (they decide first, then the step comes
    back to the holder), after it (extra chain steps) or alongside it (co-signers of the same
    step, each of whose approval is required: core/inbox/quorum.py). Each added signer has
    their own task, SLA and route entry, and the same approve, reject and return. On a stage
    outside the chain (a process's own flow node) the stage gets its own small chain of
    signers instead (core/inbox/stages.py)."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInputError(_("Say why the signer is added."),
                                fields={"reason": [_("A reason is required.")]})
    if position not in POSITIONS:
        raise InvalidInputError(_("Choose before, after or alongside your step."),
                                fields={"position": [_("Choose before, after or alongside.")]})
    people = list(dict.fromkeys(signers))
    if not people or len(people) > MAX_ADDED:
        raise InvalidInputError(
            _("Add between one and %(n)d signers.") % {"n": MAX_ADDED},
            fields={"signers": [_("Choose one to %(n)d people.") % {"n": MAX_ADDED}]})
    if sla_hours is not None and not (Decimal("0.5") <= sla_hours <= Decimal("240")):
        raise InvalidInputError(_("The deadline must be between 0.5 and 240 working hours."),
                                fields={"sla_hours": [_("From 0.5 to 240.")]})
    with transaction.atomic(), services._locked_item(task_id) as item:
        services._ensure_open(item)
        if item.is_revision:
            raise InvalidInputError(
                _("This task is the submitter's revision: only they resubmit it, and nobody "
                  "can be added to it."))
        if org.is_read_only(actor):
            raise ReadOnlyRoleError()
        if item.assignee_id is None:
            raise NotYourTaskError(_("This task is in a queue: claim it before adding signers."))
        # Whoever may decide the step (the holder or their deputy; segregation of duties).
        decider = ensure_can_decide(actor, services._context(item))
        holder_id = item.assignee_id
        for signer in people:
            _check_signer(item, signer, holder_id=holder_id)
        req = item.request
        if item.step_index < 0:  # a stage of the process's own, outside the chain
            return _add_to_stage(item, req, actor=actor, decider=decider, people=people,
                                 position=position, reason=reason, sla_hours=sla_hours)
        i = item.step_index
        cosigned = quorum.is_cosigned_item(req, item)
        co_tasks: list[int] = []
        if cosigned and position == BEFORE:
            raise InvalidInputError(
                _("Several people sign this step at once: add signers alongside or after it."),
                fields={"position": [_("Choose alongside or after.")]})
        if position == ALONGSIDE:
            step = req.chain[i]
            if cosigned and quorum.tally(req, i).needed < len(step.get("tasks", [])):
                raise InvalidInputError(
                    _("This step needs only some of its signers (%(n)d of %(m)d): add signers "
                      "after it instead.") % {"n": quorum.tally(req, i).needed,
                                               "m": len(step["tasks"])},
                    fields={"position": [_("Choose after.")]})
            co_tasks = _add_alongside(item, req, people, sla_hours=sla_hours, cosigned=cosigned)
        note = f"{actor}: {Truncator(reason).chars(120)}"
        added = [{"code": engine.ADDED_STEP, "label": str(_("Added signer")),
                  "candidates": [s.pk], "note": note, "added_by": actor.pk,
                  "sla_hours": str(sla_hours) if sla_hours is not None else None}
                 for s in people]
        if position == AFTER:
            req.chain[i + 1:i + 1] = added
            req.save(update_fields=["chain"])
        elif position == BEFORE:
            mine = {**req.chain[i], "candidates": [holder_id], "note": ""}
            req.chain[i:i + 1] = [*added, mine]
            req.step_index = i
            req.last_decision = Decision.DEFERRED
            req.return_to_step = None
            req.save(update_fields=["chain"])
            # The holder's task closes (deferred, not decided); the flow opens the first added
            # signer's step, and the holder's own step comes after the added ones.
            services._close_item(item, decision=Decision.DEFERRED, actor=actor, decider=decider,
                                 comment=reason)
            services._finish_task(item, actor=actor)
            services._after_flow(req, item.task.process)
        services._record(
            req, actor=actor, decider=decider, event=f"{req.kind}.signer_added", comment=reason,
            data={"task": item.pk, "step": item.step_code, "step_label": item.step_label,
                  "position": position, "signers": [s.pk for s in people],
                  "signer_names": [str(s) for s in people],
                  "sla_hours": str(sla_hours) if sla_hours is not None else None,
                  **({"tasks": co_tasks} if co_tasks else {})})
        if position == AFTER:
            notify.on_commit_many(
                [s.pk for s in people], kind="assigned", request=req,
                key=f"signer_added:{item.pk}:{position}",
                message=gettext_noop("%(who)s added you as a signer of %(title)s after "
                                     "%(step)s"),
                params={"who": str(actor), "title": req.title, "step": item.step_code},
                target=("inbox:request", {"request_id": req.pk}))
        return item


def _add_alongside(item: WorkItem, req: Request, people: list[User], *,
                   sla_hours: Decimal | None, cosigned: bool) -> list[int]:
    """The holder's step becomes one that all of its signers sign at once (会签): a task for
    each added co-signer beside the holder's, opened now (core/inbox/quorum.py decides the
    step when every one of them approved, or at the first rejection or return)."""
    i = item.step_index
    step = req.chain[i]
    if not cosigned:
        step["tasks"] = [item.pk]
        step["candidates"] = [item.assignee_id]
    opened = [quorum.open_sibling(item, user_id=s.pk, step={**step, "sla_hours": (
        str(sla_hours) if sla_hours is not None else None)}, step_index=i) for s in people]
    step["tasks"] = [*step["tasks"], *(o.pk for o in opened)]
    step["candidates"] = [*step["candidates"], *(s.pk for s in people)]
    step["quorum"] = len(step["tasks"])
    step["alongside"] = [*step.get("alongside", []), *(s.pk for s in people)]
    req.save(update_fields=["chain"])
    engine.wait_on_open_items(req, since=req.since)
    return [o.pk for o in opened]


def _add_to_stage(item: WorkItem, req: Request, *, actor: User, decider, people: list[User],
                  position: str, reason: str, sla_hours: Decimal | None) -> WorkItem:
    """加签 on a stage outside the chain (core/inbox/stages.py): the stage gets a small chain of
    its own; the flow's node is completed only when its last signer approved."""
    group = stages.start(req, item)
    step = stages.current(group)
    if item.pk not in step["tasks"]:  # an earlier step's task is closed: _ensure_open said so
        raise StateConflictError(_("This task was already decided or cancelled."))
    if position == BEFORE and len(step["tasks"]) > 1:
        raise InvalidInputError(
            _("Several people sign this step at once: add signers alongside or after it."),
            fields={"position": [_("Choose alongside or after.")]})
    note = f"{actor}: {Truncator(reason).chars(120)}"
    sla = stages.sla_text(sla_hours)
    ids = [s.pk for s in people]
    group["notes"] = {**group.get("notes", {}), **{str(pk): note for pk in ids}}
    added = [{"people": [pk], "tasks": [], "quorum": 1, "position": position,
              "added_by": actor.pk, "sla_hours": sla} for pk in ids]
    opened: list[WorkItem] = []
    at = group["at"]
    if position == AFTER:
        group["steps"][at + 1:at + 1] = added
    elif position == BEFORE:
        # The holder's task closes (deferred, not a decision) and comes back to them, as a new
        # task, once the added signers approved; the flow's node stays where it is.
        mine = {**step, "people": [item.assignee_id], "tasks": [], "quorum": 1}
        group["steps"][at:at + 1] = [*added, mine]
        group["deferred"] = [*group.get("deferred", []), item.pk]
        services._close_item(item, decision=Decision.DEFERRED, actor=actor, decider=decider,
                             comment=reason)
        stages.complete_only(item, holder=decider.principal)
        opened = stages.open_current(req, item, group)
    else:  # alongside: co-signers of the step signing now
        step["alongside"] = [*step.get("alongside", []), *ids]
        opened = stages.open_tasks(req, item, group, ids, sla)
        step["people"] = [*step["people"], *ids]
        step["tasks"] = [*step["tasks"], *(o.pk for o in opened)]
        step["quorum"] = len(step["tasks"])
    req.save(update_fields=["stages"])
    stages.wait(req)
    services._record(
        req, actor=actor, decider=decider, event=f"{req.kind}.signer_added", comment=reason,
        data={"task": item.pk, "step": item.step_code, "step_label": item.step_label,
              "position": position, "signers": ids, "signer_names": [str(s) for s in people],
              "sla_hours": sla, "stage": True,
              **({"tasks": [o.pk for o in opened]} if opened else {})})
    if position == AFTER:
        notify.on_commit_many(
            ids, kind="assigned", request=req,
            key=f"signer_added:{item.pk}:{position}:{'-'.join(map(str, ids))}",
            message=gettext_noop("%(who)s added you as a signer of %(title)s after "
                                 "%(step)s"),
            params={"who": str(actor), "title": req.title, "step": item.step_code},
            target=("inbox:request", {"request_id": req.pk}))
    return item
