"""Every action on a task or a request: lock, check, transition, audit, notify — one transaction.

Lock order is always the process row first (viewflow's select_for_update lock), then whatever
the process's own callbacks lock; state is re-read after the lock is held.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Process
from viewflow.workflow.status import PROCESS, STATUS

from core import compiled, registry
from core.audit import services as audit
from core.authority.models import LINE_MANAGER
from core.authority.services import (
    MANAGERIAL_ROLES,
    Decider,
    DecisionContext,
    ensure_can_decide,
    has_step_authority,
)
from core.exceptions import (
    ApprovalError,
    AuthorityLimitError,
    BusyError,
    InvalidInputError,
    NotFoundError,
    NotYourTaskError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.org import selectors as org
from core.org.models import Role, User
from core.registry import Transition

from . import engine, notify, outbox, quorum, stages
from .models import (
    OPEN_REQUEST_STATES,
    Candidate,
    Decision,
    Request,
    RequestStatus,
    WorkItem,
    WorkItemStatus,
)
from .segregation import prior_deciders


def _is_lock_timeout(exc: Exception) -> bool:
    cause = getattr(exc, "__cause__", None)
    return getattr(cause, "pgcode", None) == "55P03"  # lock_not_available


def _busy() -> BusyError:
    return BusyError()


def _process_of_task(task_id: int):
    return (Process.objects.filter(task__pk=task_id).order_by().select_for_update(of=("self",))
            .values_list("pk"))


@contextmanager
def _locked_item(task_id: int):
    """Yield the work item with its request and task, read after taking the process lock.

    One statement finds the task's process and locks its row (what every flow's lock_impl,
    core.inbox.locks.row_lock, does; only the process row: the task's is locked by whoever
    changes it, after the process); a second reads the item afresh once the lock is held.
    """
    with transaction.atomic(savepoint=False):
        try:
            task_id = int(task_id)
            if not -(2**63) <= task_id < 2**63:  # what the ORM would not send either
                raise WorkItem.DoesNotExist
            if not compiled.rows(("lock_process",), _process_of_task, task_id=task_id):
                raise WorkItem.DoesNotExist
            # The submitter is not joined: a decision needs only their id (a callback that
            # wants the person loads them). Both statements are compiled once (core.compiled):
            # Django took longer to build them than PostgreSQL to answer.
            item = compiled.loaded(("work_item",), WorkItem, ("request", "task", "task__process"),
                                   pk=task_id)
            if item is None:
                raise WorkItem.DoesNotExist
        except (WorkItem.DoesNotExist, ValueError, TypeError):
            # no such task, or a task that is not a work item (a gateway's)
            raise NotFoundError() from None
        except OperationalError as exc:
            if not _is_lock_timeout(exc):
                raise
            raise _busy() from None
        engine.bind(item.task.process, item.request)
        yield item


@contextmanager
def _locked_request(request_id: int):
    try:
        req = Request.objects.select_related("process").get(pk=request_id)
    except (Request.DoesNotExist, ValueError, TypeError):
        raise NotFoundError() from None
    if req.process is None:
        with transaction.atomic():
            yield Request.objects.select_for_update().get(pk=request_id)
        return
    flow_class = req.process.flow_class
    try:
        with flow_class.lock(req.process_id):
            req = Request.objects.select_related("submitter", "process").get(pk=request_id)
            engine.bind(req.process, req)
            yield req
    except (FlowLockFailed, OperationalError) as exc:
        if isinstance(exc, OperationalError) and not _is_lock_timeout(exc):
            raise
        raise _busy() from None


def _context(item: WorkItem) -> DecisionContext:
    candidates: frozenset[int] = frozenset()
    if item.assignee_id is None:
        candidates = frozenset(item.candidate_set.values_list("user_id", flat=True))
    return DecisionContext(
        kind=item.kind,
        submitter_id=item.submitter_id,
        assignee_id=item.assignee_id,
        candidate_ids=candidates,
        is_open=item.is_open and item.request.is_open,
        prior_ids=frozenset() if item.is_revision
        else prior_deciders(item.request_id, item.step_code, item.round, item.created),
    )


def decision_check(user: User, item: WorkItem) -> tuple[Decider | None, str]:
    """(whom the user would decide or claim this task for, "") when they may; else (None, why
    not when segregation of duties is the reason). The decision's own check, for pages that
    offer the actions."""
    try:
        return ensure_can_decide(user, _context(item)), ""
    except SegregationOfDutiesError as exc:
        return None, str(exc.message)
    except ApprovalError:
        return None, ""


def _ensure_open(item: WorkItem) -> None:
    if not item.is_open or item.task.status not in (STATUS.NEW, STATUS.ASSIGNED):
        raise StateConflictError(_("This task was already decided or cancelled."))
    if not item.request.is_open:
        raise StateConflictError(
            _("This request is %(status)s; there is nothing left to decide.")
            % {"status": item.request.get_status_display()}
        )


def _record(req: Request, *, actor, event: str, decider: Decider | None = None,
            transition: Transition | None = None, comment: str = "", data=None,
            from_state: str = "", to_state: str = "", changes: dict | None = None):
    t = transition or Transition()
    return audit.record(
        actor=actor,
        on_behalf_of=decider.principal if decider and decider.on_behalf else None,
        subject_kind=req.kind,
        subject_id=req.object_id,
        number=req.number,
        amount=req.amount,
        event=t.event or event,
        from_state=t.from_state or from_state,
        to_state=t.to_state or to_state,
        changes={**(changes or {}), **t.changes},
        comment=comment,
        data=data,
    )


def _finish_task(item: WorkItem, *, actor: User, holder: User | None = None) -> None:
    """Complete the viewflow task; the flow's gateways then create whatever comes next.

    A task still in its queue is assigned first, to `holder` (whom the decider acts for), so
    the claim and the decision are one transaction under the process lock."""
    task = item.task
    activation = task.flow_task.activation_class(task)
    if task.status == STATUS.NEW:
        task.owner = holder or actor
        activation.assign(holder or actor)
    activation.start(None)
    activation.execute()


def set_queue_open(item_ids, is_open: bool) -> None:
    """Candidates list a task in their queue only while it is open and unclaimed."""
    Candidate.objects.filter(work_item_id__in=item_ids).update(open=is_open)


def _close_item(item: WorkItem, *, decision: str, actor: User, decider: Decider | None,
                comment: str) -> None:
    item.status = WorkItemStatus.DONE
    item.decision = decision
    item.decided_by = actor
    item.acting_for = decider.principal if decider and decider.on_behalf else None
    item.decided_at = timezone.now()
    item.comment = comment
    if item.assignee_id is None:
        # Decided straight from the queue: claimed in the same transaction, for the person the
        # decider acts for (as task_claim would), and gone from every candidate's queue.
        item.assignee = decider.principal if decider else actor
        set_queue_open([item.pk], False)
    if item.taken_at is None:
        item.taken_at = item.decided_at
    item.save(update_fields=["status", "decision", "decided_by", "acting_for", "decided_at",
                             "comment", "assignee", "taken_at"])


def _callback(kind: str, name: str):
    reg = registry.get(kind)
    return getattr(reg, name, None) if reg else None


def _after_flow(req: Request, process) -> None:
    """Bring the request header in line with where the flow now stands: one UPDATE."""
    if process.status == PROCESS.DONE and req.status in OPEN_REQUEST_STATES:
        req.status = (
            RequestStatus.REJECTED if req.last_decision == Decision.REJECTED
            else RequestStatus.APPROVED
        )
    if req.status not in OPEN_REQUEST_STATES:
        engine.clear_waiting(req, save=False)
    req.save(update_fields=["status", "step_index", "last_decision", "return_to_step",
                            "resume_step", *engine.WAITING_FIELDS])


def resubmit_choices(kind: str) -> tuple[str, ...]:
    """Where a resubmission may go after a return to the submitter, the default first
    (ProcessSpec.resubmit_to)."""
    spec = registry.get(kind)
    return spec.resubmit_to if spec is not None else (registry.RESTART,)


def _resubmit_choice(kind: str, chosen: str | None) -> str:
    choices = resubmit_choices(kind)
    if not chosen:
        return choices[0]
    if chosen not in choices:
        raise InvalidInputError(
            _("This process does not let a resubmission go there."),
            fields={"resubmit_to": [_("Choose one of: %(choices)s.")
                                    % {"choices": ", ".join(choices)}]})
    return chosen


def _decide(task_id: int, *, actor: User, decision: str, comment: str, to_step=None,
            resubmit_to: str | None = None, via: str = "") -> WorkItem:
    with transaction.atomic(), _locked_item(task_id) as item, outbox.batched():
        _ensure_open(item)
        if item.is_revision:
            raise InvalidInputError(_("This task is the submitter's revision: resubmit instead."))
        # Who acts for the decider and for the submitter today, in one query for the whole step.
        org.preload_delegations(deputies=[actor], principals=[item.request.submitter_id])
        decider = ensure_can_decide(actor, _context(item))
        req = item.request
        count = None
        # 加签 on a stage outside the chain (core/inbox/stages.py): an approval that leaves
        # signers of the stage to come does not move the flow
        group = stages.find(req, item)
        if group is not None:
            verdict = stages.verdict(group, item, decision)
            if verdict != stages.DECIDES:
                return _stage_vote(item, req, group, actor=actor, decider=decider,
                                   comment=comment, advance=verdict == stages.NEXT, via=via)
        if quorum.is_cosigned_item(req, item):
            count = quorum.tally(req, item.step_index, vote_of=item.pk, vote=decision)
            decides = (decision == Decision.RETURNED
                       or (decision == Decision.APPROVED and count.reached)
                       or (decision == Decision.REJECTED and count.unreachable))
            if not decides:
                return _vote(item, req, actor=actor, decider=decider, decision=decision,
                             comment=comment, count=count, via=via)
        req.last_decision = decision
        req.return_to_step = None
        req.resume_step = ""
        resubmit = None
        if decision == Decision.APPROVED and item.step_index >= 0:
            req.step_index = item.step_index + 1
        elif decision == Decision.RETURNED:
            if to_step is not None:
                # From a chain step: back to an earlier one. From a stage outside the chain
                # (step_index -1): back to a chain step the request has already passed — all of
                # them after the chain (expense voucher review), none before it (the contract
                # reviews, whose "return to step 0" would skip the reviews into sign-off).
                limit = item.step_index if item.step_index >= 0 else min(req.step_index,
                                                                         len(req.chain))
                if not (0 <= to_step < limit):
                    raise InvalidInputError(
                        _("You can return the request only to an earlier approval step."),
                        fields={"to_step": [_("Choose an earlier step or the submitter.")]},
                    )
                req.step_index = to_step
                req.return_to_step = to_step
            else:
                req.status = RequestStatus.RETURNED
                # The returner chooses where the resubmission goes (the process's rule).
                resubmit = _resubmit_choice(req.kind, resubmit_to)
                if resubmit == registry.TO_RETURNER:
                    req.resume_step = item.step_code
        elif decision == Decision.REJECTED:
            req.status = RequestStatus.REJECTED
        # a signer of a stage decided it as its holder would: the stage's other tasks close
        # (before the process's callback, which may cancel its own parallel tasks)
        stage_cancelled = (stages.cancel_others(req, group, item)
                           if group is not None and decision != Decision.APPROVED else [])
        on_decision = _callback(req.kind, "on_decision")
        transition = on_decision(req, item, decision, decider, comment) if on_decision else None
        from_queue = item.assignee_id is None
        others = ([u for u in item.candidate_set.values_list("user_id", flat=True)
                   if u not in (actor.pk, decider.principal.pk)] if from_queue else [])
        _close_item(item, decision=decision, actor=actor, decider=decider, comment=comment)
        cancelled = quorum.cancel_siblings(
            req, item, reason="approved" if decision == Decision.APPROVED else "decided",
        ) if count is not None else []
        _finish_task(item, actor=actor, holder=decider.principal)
        _after_flow(req, item.task.process)
        final = req.status == RequestStatus.APPROVED
        events: dict[str, str] = {
            Decision.APPROVED: "approved" if final else "step_approved",
            Decision.REJECTED: "rejected",
            Decision.RETURNED: "returned",
        }
        event = events[decision]
        _record(
            req, actor=actor, decider=decider, transition=transition, comment=comment,
            event=f"{req.kind}.{event}",
            data={"task": item.pk, "step": item.step_code, "step_label": item.step_label,
                  "to_step": to_step, **({"resubmit_to": resubmit} if resubmit else {}),
                  **({"from_queue": True} if from_queue else {}),
                  **({"quorum": {**count.as_data(), "cancelled": cancelled}}
                     if count is not None else {}),
                  **({"stage": {"signers": len(stages.signers(group)),
                                "cancelled": stage_cancelled}} if group is not None else {}),
                  **({"via": via} if via else {})},
        )
        params = {"title": req.title, "step": item.step_code, "decision": decision,
                  "who": str(actor)}
        message = gettext_noop("%(title)s: %(step)s — %(decision)s by %(who)s")
        if decision in (Decision.REJECTED, Decision.RETURNED):
            # The submitter reads why in the notification itself, not only in the history.
            message = gettext_noop("%(title)s: %(step)s — %(decision)s by %(who)s. "
                                   "Reason: %(reason)s")
            params["reason"] = Truncator(comment).chars(300)
        notify.on_commit_many(
            [req.submitter_id],
            kind="returned" if decision == Decision.RETURNED else "decided",
            request=req,
            key=f"decided:{item.pk}",
            message=message,
            params=params,
            target=("inbox:request", {"request_id": req.pk}),
        )
        if others:
            # Decided straight from a shared queue (或签): the other candidates learn that the
            # task is gone and who decided it, so that nobody opens it for nothing.
            notify.on_commit_many(
                others, kind="decided", request=req, key=f"queue-decided:{item.pk}",
                message=gettext_noop("%(title)s: %(step)s was decided by %(who)s (%(decision)s); "
                                     "it has left your queue"),
                params={"title": req.title, "step": item.step_code, "who": str(actor),
                        "decision": decision},
                target=("inbox:request", {"request_id": req.pk}),
            )
        return item


def _vote(item: WorkItem, req: Request, *, actor: User, decider: Decider, decision: str,
          comment: str, count, via: str) -> WorkItem:
    """One signer's decision on a step several sign (core/inbox/quorum.py) that does not yet
    decide the step: their task closes, the flow waits for the others."""
    _close_item(item, decision=decision, actor=actor, decider=decider, comment=comment)
    with engine.vote_only(item.task.process):
        _finish_task(item, actor=actor, holder=decider.principal)
    engine.wait_on_open_items(req, since=req.since)
    _record(req, actor=actor, decider=decider, event=f"{req.kind}.countersigned",
            comment=comment,
            data={"task": item.pk, "step": item.step_code, "step_label": item.step_label,
                  "vote": decision, "quorum": count.as_data(),
                  **({"via": via} if via else {})})
    return item


def _stage_vote(item: WorkItem, req: Request, group: dict, *, actor: User, decider: Decider,
                comment: str, advance: bool, via: str) -> WorkItem:
    """An approval on a stage with added signers that does not complete it (core/inbox/
    stages.py): the task is done, the flow waits; when this was the step's last approval, the
    next signers' tasks open."""
    _close_item(item, decision=Decision.APPROVED, actor=actor, decider=decider, comment=comment)
    stages.complete_only(item, holder=decider.principal)
    count = quorum.tally_of(stages.current(group))
    opened = stages.advance(req, item, group) if advance else []
    req.save(update_fields=["stages"])
    stages.wait(req)
    _record(req, actor=actor, decider=decider, event=f"{req.kind}.countersigned",
            comment=comment,
            data={"task": item.pk, "step": item.step_code, "step_label": item.step_label,
                  "vote": Decision.APPROVED, "quorum": count.as_data(),
                  "stage": {"next": [o.assignee_id for o in opened],
                            "tasks": [o.pk for o in opened]},
                  **({"via": via} if via else {})})
    return item


def task_approve(*, task_id: int, actor: User, comment: str = "", via: str = "") -> WorkItem:
    """`via` names the channel of a signed action link (core.channels): the audit says so."""
    return _decide(task_id, actor=actor, decision=Decision.APPROVED, comment=comment, via=via)


def task_reject(*, task_id: int, actor: User, reason: str, via: str = "") -> WorkItem:
    if not (reason or "").strip():
        raise InvalidInputError(
            _("Give a reason for the rejection."), fields={"reason": [_("A reason is required.")]}
        )
    return _decide(task_id, actor=actor, decision=Decision.REJECTED, comment=reason.strip(),
                   via=via)


def task_return(*, task_id: int, actor: User, reason: str, to_step: int | None = None,
                resubmit_to: str | None = None, via: str = "") -> WorkItem:
    """Back to an earlier step (`to_step`) or to the submitter, whose resubmission then goes
    where `resubmit_to` says (registry.RESTART or TO_RETURNER; None: the process's default)."""
    if not (reason or "").strip():
        raise InvalidInputError(
            _("Say what needs revising."), fields={"reason": [_("A reason is required.")]}
        )
    return _decide(task_id, actor=actor, decision=Decision.RETURNED, comment=reason.strip(),
                   to_step=to_step, resubmit_to=resubmit_to, via=via)


@dataclass
class BulkResult:
    task_id: int
    ok: bool
    code: str = ""
    detail: str = ""


NEEDS_REVIEW = "needs_review"


def bulk_warnings(task_ids) -> dict[int, list[str]]:
    """task id -> what its request's page warns about (a credit breach, over budget, over the
    standard) or why its step's approval asks for more than a click (panels.own_page_reason):
    such a task is opened and decided on its own, never approved in bulk."""
    from .panels import own_page_reason, warnings_for

    items = list(WorkItem.objects.filter(pk__in=list(task_ids)).select_related("request"))
    found = warnings_for([i.request for i in items])
    reasons = {i.pk: [*found.get(i.request_id, []),
                      *filter(None, [own_page_reason(i.kind, i.step_code)])] for i in items}
    return {pk: why for pk, why in reasons.items() if why}


def tasks_bulk_approve(*, task_ids: list[int], actor: User, comment: str = "") -> list[BulkResult]:
    """Each task in its own transaction, checked like a single approval; a task whose request
    carries a warning is left for its own page."""
    results = []
    warned = bulk_warnings(task_ids)
    for task_id in dict.fromkeys(task_ids):
        if task_id in warned:
            results.append(BulkResult(task_id, False, NEEDS_REVIEW, _(
                "Open it and decide it on its own page: %(warnings)s.")
                % {"warnings": ", ".join(warned[task_id])}))
            continue
        try:
            task_approve(task_id=task_id, actor=actor, comment=comment)
        except ApprovalError as exc:
            results.append(BulkResult(task_id, False, exc.code, str(exc.message)))
        else:
            results.append(BulkResult(task_id, True))
    return results


def task_claim(*, task_id: int, actor: User) -> WorkItem:
    with transaction.atomic(), _locked_item(task_id) as item:
        _ensure_open(item)
        if item.assignee_id is not None:
            raise StateConflictError(_("This task was already claimed by %(who)s.")
                                     % {"who": item.assignee})
        decider = ensure_can_decide(actor, _context(item))
        # A deputy claims for the person they act for: the task is the principal's, so it stays
        # with them when the delegation ends and the decision records both names.
        holder = decider.principal
        activation = item.task.flow_task.activation_class(item.task)
        activation.assign(holder)
        item.assignee = holder
        item.taken_at = timezone.now()
        item.save(update_fields=["assignee", "taken_at"])
        set_queue_open([item.pk], False)
        req = item.request
        engine.wait_on_open_items(req, since=req.since)
        _record(req, actor=actor, decider=decider, event=f"{req.kind}.task_claimed",
                data={"task": item.pk, "step": item.step_code})
        others = [u for u in item.candidate_set.values_list("user_id", flat=True) if u != actor.pk]
        notify.on_commit_many(
            others, kind="claimed", request=req, key=f"claimed:{item.pk}:{actor.pk}",
            message=gettext_noop("%(who)s took %(step)s of %(title)s"),
            params={"who": str(actor), "step": item.step_code, "title": req.title},
            target=("inbox:task", {"task_id": item.pk}),
        )
        return item


def task_release(*, task_id: int, actor: User) -> WorkItem:
    with transaction.atomic(), _locked_item(task_id) as item:
        _ensure_open(item)
        if item.assignee_id is None:
            raise StateConflictError(_("This task is in the queue already: nobody holds it."))
        if item.assignee_id != actor.pk and not org.acts_for(
            actor, item.assignee, kind=item.kind
        ):
            raise NotYourTaskError(_("Only the person holding this task can release it."))
        candidates = list(item.candidate_set.values_list("user_id", flat=True))
        if not candidates:
            raise InvalidInputError(
                _("This task was assigned to you directly; ask a manager to reassign it.")
            )
        activation = item.task.flow_task.activation_class(item.task)
        activation.unassign()
        item.assignee = None
        item.taken_at = None  # waiting again (analytics: waiting runs to the final take)
        item.save(update_fields=["assignee", "taken_at"])
        Candidate.objects.filter(work_item=item).update(open=True, due=item.due)
        req = item.request
        engine.wait_on_open_items(req, since=req.since)
        _record(req, actor=actor, event=f"{req.kind}.task_released",
                data={"task": item.pk, "step": item.step_code})
        return item


def can_reassign(actor: User, item: WorkItem) -> bool:
    if org.has_role(actor, Role.ADMINISTRATOR):
        return True
    holder_ids = [item.assignee_id] if item.assignee_id else list(
        item.candidate_set.values_list("user_id", flat=True)
    )
    # A manager anywhere above the current holder may move the task.
    for holder in User.objects.filter(pk__in=holder_ids).select_related("manager"):
        boss, seen = holder.manager, set()
        while boss is not None and boss.pk not in seen:
            if boss.pk == actor.pk:
                return True
            seen.add(boss.pk)
            boss = boss.manager
    return False


def _check_new_holder(item: WorkItem, user: User, *, authority: bool = True) -> None:
    if not user.is_active:
        raise InvalidInputError(_("%(who)s is not an active user.") % {"who": user},
                                fields={"assignee": [_("Choose an active user.")]})
    if user.pk == item.submitter_id or any(
        p.pk == item.submitter_id for p in org.principals_for(user, kind=item.kind)
    ):
        raise SegregationOfDutiesError(
            _("%(who)s submitted this request or acts for its submitter.") % {"who": user}
        )
    if org.is_read_only(user):
        raise ReadOnlyRoleError(_("An auditor cannot hold a task."))
    if not item.is_revision and WorkItem.objects.filter(
            request_id=item.request_id, step_code=item.step_code, status=WorkItemStatus.OPEN,
            assignee=user).exclude(pk=item.pk).exists():
        # A step several people sign at once (n-of-m, co-signers): one person, one signature.
        raise SegregationOfDutiesError(
            _("%(who)s signs this step already.") % {"who": user},
            fields={"assignee": [_("Choose someone who does not sign this step.")]})
    if not item.is_revision and user.pk in prior_deciders(item.request_id, item.step_code,
                                                          item.round, item.created):
        raise SegregationOfDutiesError(
            _("%(who)s decided another step of this request.") % {"who": user},
            fields={"assignee": [_("Choose someone who has not decided this request.")]})
    if authority and not has_step_authority(user, step_code=item.step_code,
                                            eligible_ids=_eligible(item),
                                            submitter_id=item.submitter_id):
        raise AuthorityLimitError(
            _("%(who)s does not hold the authority of this step (%(step)s).")
            % {"who": user, "step": item.step_label},
            fields={"assignee": [_("Choose someone who may decide this step.")]},
        )


def _eligible(item: WorkItem) -> list[int]:
    return item.eligible_ids or [
        *([item.assignee_id] if item.assignee_id else []),
        *item.candidate_set.values_list("user_id", flat=True),
    ]


def reassign_choices(item: WorkItem):
    """Whom a manager may hand this task to: the step's authority, less who may not hold it."""
    eligible = _eligible(item)
    ids = set(eligible) | org.managers_above(
        set(eligible) | ({item.submitter_id} if item.step_code == LINE_MANAGER else set()))
    roles = [Role.ADMINISTRATOR, *(MANAGERIAL_ROLES if item.step_code == LINE_MANAGER else ())]
    refused = {item.submitter_id, item.assignee_id} | {
        d.pk for d in org.deputies_of(item.submitter, kind=item.kind)}
    if not item.is_revision:
        refused |= prior_deciders(item.request_id, item.step_code, item.round, item.created)
    return (User.objects.filter(is_active=True)
            .filter(Q(pk__in=ids) | Q(role_assignments__role__in=roles))
            .exclude(pk__in=[pk for pk in refused if pk])
            .exclude(role_assignments__role=Role.AUDITOR)
            .distinct().order_by("username"))


def reassign_locked(item: WorkItem, *, new: User, actor: User | None, reason: str,
                    event: str = "task_reassigned", data=None,
                    eligible_ids: list[int] | None = None) -> None:
    """Move an open task to `new` (the caller holds the process lock and has checked rights).

    A manual reassignment must stay within the step's authority. The system's own routing
    (an escalation one level up, a risk re-routed to a higher role) is not checked; a re-route
    passes the new `eligible_ids`, so later reassignments are held to the new authority.
    """
    if eligible_ids is not None:
        item.eligible_ids = sorted(set(eligible_ids))
        item.save(update_fields=["eligible_ids"])
    _check_new_holder(item, new, authority=event == "task_reassigned" and eligible_ids is None)
    old_id = item.assignee_id
    task = item.task
    activation = task.flow_task.activation_class(task)
    if task.status == STATUS.NEW:
        activation.assign(new)
        set_queue_open([item.pk], False)
    else:
        activation.reassign(new)
    item.assignee = new
    item.taken_at = item.taken_at or timezone.now()
    item.save(update_fields=["assignee", "taken_at"])
    req = item.request
    engine.wait_on_open_items(req)
    handover = _record(req, actor=actor, event=f"{req.kind}.{event}", comment=reason,
                       changes={"assignee": [old_id, new.pk]},
                       data={"task": item.pk, "step": item.step_code, **(data or {})})
    notify.on_commit_many(
        [new.pk], kind="escalated" if event == "task_escalated" else "assigned", request=req,
        key=f"{event}:{item.pk}:{new.pk}:{handover.seq}",
        message=gettext_noop("%(step)s: %(title)s was passed to you"),
        params={"step": item.step_code, "title": req.title},
        target=("inbox:task", {"task_id": item.pk}),
    )
    if old_id:
        notify.on_commit_many(
            [old_id], kind="escalated" if event == "task_escalated" else "assigned", request=req,
            key=f"{event}-from:{item.pk}:{old_id}:{handover.seq}",
            message=gettext_noop("%(step)s: %(title)s was passed to %(who)s"),
            params={"step": item.step_code, "title": req.title, "who": str(new)},
            target=("inbox:request", {"request_id": req.pk}),
        )


def task_reassign(*, task_id: int, actor: User, assignee: User, reason: str) -> WorkItem:
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the task moves."),
                                fields={"reason": [_("A reason is required.")]})
    with transaction.atomic(), _locked_item(task_id) as item:
        _ensure_open(item)
        if item.is_revision:
            raise InvalidInputError(
                _("The revision stays with the submitter: only they can resubmit the request."))
        if org.is_read_only(actor):
            raise ReadOnlyRoleError()
        if not can_reassign(actor, item):
            raise PermissionDeniedError(
                _("Only the holder's managers or an administrator can reassign this task.")
            )
        if assignee.pk == item.assignee_id:
            raise InvalidInputError(_("The task is already with %(who)s.") % {"who": assignee},
                                    fields={"assignee": [_("Choose someone else.")]})
        reassign_locked(item, new=assignee, actor=actor, reason=reason.strip())
        return item


def request_comment(*, request_id: int, actor: User, comment: str) -> Request:
    if not (comment or "").strip():
        raise InvalidInputError(_("The comment is empty."),
                                fields={"comment": [_("Write something.")]})
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    from .selectors import visible_requests

    with transaction.atomic():
        req = Request.objects.select_for_update().filter(pk=request_id).first()
        if req is None or not visible_requests(actor).filter(pk=req.pk).exists():
            raise NotFoundError()
        # "@username" notifies that person; someone who cannot see the request refuses it
        from .copies import notify_mentions, resolve_mentions

        people = resolve_mentions(req, comment)
        event = _record(req, actor=actor, event=f"{req.kind}.commented", comment=comment.strip(),
                        data={"mentions": [p.pk for p in people]} if people else None)
        if people:
            notify_mentions(req, actor, people, key=str(getattr(event, "pk", "") or req.pk))
        return req


def _cancel_open_tasks(req: Request) -> list[int]:
    waiting = []
    items = list(
        WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).select_related("task")
    )
    for item in items:
        task = item.task
        task.process = req.process
        activation = task.flow_task.activation_class(task)
        activation.cancel()
        waiting.append(item.assignee_id)
    WorkItem.objects.filter(pk__in=[i.pk for i in items]).update(
        status=WorkItemStatus.CANCELLED
    )
    set_queue_open([i.pk for i in items], False)
    process = req.process
    if process is None:  # an open request always runs in a flow
        raise RuntimeError(f"request {req.pk} is open but has no process")
    process.status = PROCESS.CANCELED
    process.finished = timezone.now()
    process.save(update_fields=["status", "finished"])
    return [w for w in waiting if w]


def request_withdraw(*, request_id: int, actor: User, reason: str = "") -> Request:
    with transaction.atomic(), _locked_request(request_id) as req:
        if req.submitter_id != actor.pk:
            raise PermissionDeniedError(_("Only the submitter can withdraw a request."))
        if req.status not in OPEN_REQUEST_STATES:
            raise StateConflictError(
                _("This request is %(status)s and can no longer be withdrawn.")
                % {"status": req.get_status_display()}
            )
        waiting = _cancel_open_tasks(req)
        on_withdraw = _callback(req.kind, "on_withdraw")
        transition = on_withdraw(req, actor, reason) if on_withdraw else None
        from_status = req.status
        req.status = RequestStatus.WITHDRAWN
        req.save(update_fields=["status"])
        engine.clear_waiting(req)
        _record(req, actor=actor, event=f"{req.kind}.withdrawn", transition=transition,
                comment=reason, from_state=from_status, to_state=RequestStatus.WITHDRAWN)
        notify.on_commit_many(
            waiting, kind="withdrawn", request=req, key=f"withdrawn:{req.pk}",
            message=gettext_noop("%(title)s was withdrawn by its submitter"),
            params={"title": req.title},
            target=("inbox:request", {"request_id": req.pk}),
        )
        return req


def request_resubmit(*, request_id: int, actor: User, comment: str = "") -> Request:
    with transaction.atomic(), _locked_request(request_id) as req:
        if req.submitter_id != actor.pk:
            raise PermissionDeniedError(_("Only the submitter can resubmit a request."))
        if req.status != RequestStatus.RETURNED:
            raise StateConflictError(_("Only a request returned for revision can be resubmitted."))
        item = (
            WorkItem.objects.select_related("task")
            .filter(request=req, status=WorkItemStatus.OPEN, is_revision=True)
            .first()
        )
        if item is None:
            raise StateConflictError(_("There is no open revision for this request."))
        item.request = req
        item.task.process = req.process
        # what the returner saw: the amount their task opened with (the edit page may have
        # changed the header since), the chain and where the request stood in it
        returned = (WorkItem.objects.filter(request=req, status=WorkItemStatus.DONE,
                                            decision=Decision.RETURNED)
                    .order_by("-decided_at", "-pk").first())
        before = {"chain": list(req.chain), "step_index": req.step_index,
                  "amount": returned.amount if returned is not None else req.amount}
        on_resubmit = _callback(req.kind, "on_resubmit")
        transition = on_resubmit(req, actor) if on_resubmit else None
        req.chain = engine.chain_for(req)  # the amount or category may have changed
        route, why = _resubmission_route(req, before)
        if route == registry.TO_RETURNER:
            # Straight back to the step that returned it: the steps before it stand, and so
            # does the round (their deciders still may not decide another step of it).
            req.step_index = before["step_index"]
            on_resume = _callback(req.kind, "on_resume")
            resumed = on_resume(req, req.resume_step) if on_resume else None
            if transition is not None and resumed is not None:
                transition = Transition(transition.from_state, resumed.to_state,
                                        {**transition.changes, **resumed.changes})
        else:
            req.resume_step = ""
            req.step_index = 0
            req.round += 1  # a new round: the first round's deciders decide again
        req.last_decision = Decision.REVISED
        req.status = RequestStatus.IN_REVIEW
        req.save(update_fields=["chain", "step_index", "last_decision", "status", "amount",
                                "title", "extra_steps", "category", "round", "resume_step"])
        WorkItem.objects.filter(pk=item.pk).update(number=req.number)
        _close_item(item, decision=Decision.REVISED, actor=actor, decider=None, comment=comment)
        if route == registry.TO_RETURNER:
            engine.clear_waiting(req, save=False)  # the resumed step (or branches) say anew
        _finish_task(item, actor=actor)
        resumed_at = req.resume_step
        if route == registry.TO_RETURNER:
            _back_to_returner(req)
        req.resume_step = ""
        _after_flow(req, item.task.process)
        _record(req, actor=actor, event=f"{req.kind}.resubmitted", transition=transition,
                comment=comment, from_state=RequestStatus.RETURNED,
                to_state=RequestStatus.IN_REVIEW,
                data={"route": route, **({"resumed_at": resumed_at} if resumed_at else {}),
                      **({"restarted_because": why} if why else {})})
        from .copies import apply_cc_rules  # copies imports this module

        apply_cc_rules(req, actor=actor)  # the revision may now meet a rule (a larger value)
        return req


def _same_steps(a: list[dict], b: list[dict]) -> bool:
    return [(s.get("code"), sorted(s.get("candidates", []))) for s in a] == [
        (s.get("code"), sorted(s.get("candidates", []))) for s in b]


def _resubmission_route(req: Request, before: dict) -> tuple[str, str]:
    """(where the resubmission goes, why it restarts against the returner's choice). Straight
    back only when the revision left the amount and the skipped part of the route as they were:
    approvals given to other figures, or a route that now needs other approvers, do not stand."""
    if not req.resume_step:
        return registry.RESTART, ""
    if req.amount != before["amount"]:
        return registry.RESTART, "amount_changed"
    old, new, at = before["chain"], req.chain, before["step_index"]
    if at < len(old) and old[at].get("code") == req.resume_step:  # a chain step
        same = (_same_steps(old[:at], new[:at]) and len(new) > at
                and new[at].get("code") == old[at].get("code"))
    elif at >= len(old):  # a stage after the chain: the whole chain is skipped
        same = _same_steps(old, new)
    else:  # a stage before the chain: none of it is skipped
        same = True
    if not same:
        return registry.RESTART, "route_changed"
    return registry.TO_RETURNER, ""


def _back_to_returner(req: Request) -> None:
    """The resumed step opened as a queue (several may take it): it goes to whoever returned
    the request (for whom a deputy returned it), as they asked, while they may still take it."""
    returned = (WorkItem.objects.filter(request=req, status=WorkItemStatus.DONE,
                                        decision=Decision.RETURNED, step_code=req.resume_step)
                .order_by("-decided_at", "-pk").first())
    holder_id = returned and (returned.acting_for_id or returned.decided_by_id)
    if not holder_id:
        return
    for item in (WorkItem.objects.select_related("task")
                 .filter(request=req, status=WorkItemStatus.OPEN, step_code=req.resume_step,
                         assignee__isnull=True, candidate__user_id=holder_id)):
        holder = User.objects.get(pk=holder_id)
        item.task.flow_task.activation_class(item.task).assign(holder)
        item.assignee = holder
        item.save(update_fields=["assignee"])
        set_queue_open([item.pk], False)
    engine.wait_on_open_items(req, since=req.since)
