"""The everyday actions beside a decision (issue 19): 转交 transfer and 催办 urge.

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

from . import notify, services
from .models import Request, Urge, WorkItem
from .rules import add_working_hours
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
