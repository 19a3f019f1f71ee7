"""The periodic sweep: reminders before deadlines, and escalation one level up after them.

Run by Celery beat every minute (and by `manage.py sweep --loop` without a broker). Any number
of sweepers may run at once: each process row is taken with SELECT ... FOR UPDATE SKIP LOCKED,
so a request being decided or escalated elsewhere is simply left for the next round, and the
unique (task, level) Escalation row makes each escalation happen exactly once.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Process

from core import registry
from core.exceptions import ApprovalError
from core.org import selectors as org
from core.org.models import ApiToken, Role, User

from . import engine, notify, outbox, sla
from .models import Escalation, IdempotencyRecord, WorkItem, WorkItemStatus, idempotency_key_age
from .segregation import prior_deciders
from .services import reassign_locked

log = logging.getLogger(__name__)


def escalation_target(item: WorkItem) -> User | None:
    """The current holder's line manager (climbing past anyone who may not decide)."""
    excluded = {item.submitter_id} | {
        d.pk for d in org.deputies_of(item.submitter, kind=item.kind)
    }
    if not item.is_revision:
        # nor anyone who decided another step of the request this round, or signed this one
        # since the task opened, or holds another of its tasks (one person, one signature on a
        # step several sign at once: services._check_new_holder)
        excluded |= prior_deciders(item.request_id, item.step_code, item.round, item.created)
        excluded |= set(WorkItem.objects.filter(
            request_id=item.request_id, step_code=item.step_code, status=WorkItemStatus.OPEN,
            assignee__isnull=False).exclude(pk=item.pk).values_list("assignee_id", flat=True))
    holder_ids = [item.assignee_id] if item.assignee_id else list(
        item.candidate_set.values_list("user_id", flat=True)
    )
    for holder in User.objects.filter(pk__in=holder_ids).order_by("pk"):
        boss, seen = holder.manager, set()
        while boss is not None and boss.pk not in seen:
            seen.add(boss.pk)
            if (boss.is_active and boss.pk not in excluded and boss.pk != item.assignee_id
                    and not org.is_read_only(boss)):
                return boss
            boss = boss.manager
    for admin in org.holders_of(Role.ADMINISTRATOR):
        if admin.pk in excluded or admin.pk == item.assignee_id or org.is_read_only(admin):
            continue
        return admin
    return None


def _lock_process(process_id: int) -> bool:
    return Process.objects.select_for_update(skip_locked=True).filter(pk=process_id).exists()


def escalate_one(item_id: int, process_id: int, now) -> bool:
    with transaction.atomic():
        if not _lock_process(process_id):
            return False
        item = WorkItem.objects.select_related("request", "submitter", "task", "task__process").get(
            pk=item_id
        )
        if item.status != WorkItemStatus.OPEN or item.due is None or item.due > now:
            return False
        target = escalation_target(item)
        if target is None:
            log.warning("task %s is overdue and has nobody to escalate to", item_id)
            return False
        level = item.escalation_level + 1
        try:
            with transaction.atomic():
                Escalation.objects.create(
                    work_item=item, level=level, from_user_id=item.assignee_id, to_user=target
                )
        except IntegrityError:
            return False  # another sweeper (or a redelivered message) got here first
        item.escalation_level = level
        item.due, item.remind_at = sla.deadlines(item.kind, item.step_code, now)
        item.reminded = False
        item.save(update_fields=["escalation_level", "due", "remind_at", "reminded"])
        engine.bind(item.task.process, item.request)
        reassign_locked(
            item, new=target, actor=None,
            reason=_("Deadline passed; escalated one level up."),
            event="task_escalated", data={"level": level},
        )
        # The submitter learns it too: the climb may pass over them (a plan's regional
        # confirmation goes from the regional manager past its author, the sales GM, to the CEO).
        req = item.request
        notify.on_commit_many(
            [req.submitter_id], kind="escalated", request=req,
            key=f"task_escalated-submitter:{item.pk}:{level}",
            message=gettext_noop("%(step)s of %(title)s passed its deadline and went to "
                                 "%(who)s"),
            params={"step": item.step_code, "title": req.title, "who": str(target)},
            target=("inbox:request", {"request_id": req.pk}),
        )
        return True


def remind_one(item_id: int) -> bool:
    with transaction.atomic():
        claimed = WorkItem.objects.filter(
            pk=item_id, status=WorkItemStatus.OPEN, reminded=False
        ).update(reminded=True, reminders=F("reminders") + 1)
        if not claimed:
            return False
        item = WorkItem.objects.select_related("request").get(pk=item_id)
        people = [item.assignee_id] if item.assignee_id else list(
            item.candidate_set.values_list("user_id", flat=True)
        )
        notify.on_commit_many(
            people, kind="reminder", request=item.request,
            key=f"reminder:{item.pk}:{item.escalation_level}",
            message=gettext_noop("%(step)s: %(title)s is due %(due)s"),
            params={"step": item.step_code, "title": item.title,
                    "due": timezone.localtime(item.due).strftime("%Y-%m-%d %H:%M")},
            target=("inbox:task", {"task_id": item.pk}),
        )
        return True


def _isolated(fn, *args) -> bool:
    """One task that cannot be escalated or reminded must not stop the sweep for the others."""
    try:
        return fn(*args)
    except (ApprovalError, FlowLockFailed):
        log.exception("sweep skipped task %s", args[0])
        return False


def expire_idempotency_keys(*, now, batch: int) -> int:
    """Forget Idempotency-Keys older than IDEMPOTENCY_KEY_AGE (24 h): a retry comes within
    minutes, and the table must not grow for ever. Oldest first, `batch` at a time."""
    cutoff = now - idempotency_key_age()
    old = list(IdempotencyRecord.objects.filter(created__lt=cutoff).order_by("created")
               .values_list("pk", flat=True)[:batch])
    return IdempotencyRecord.objects.filter(pk__in=old).delete()[0] if old else 0


def expire_tokens(*, now, batch: int) -> int:
    """Delete API tokens past their expiry (they are refused already; this keeps no dead rows)."""
    old = list(ApiToken.objects.filter(expiry__lte=now).values_list("pk", flat=True)[:batch])
    return ApiToken.objects.filter(pk__in=old).delete()[0] if old else 0


def sweep(*, now=None, batch: int = 500) -> dict:
    now = now or timezone.now()
    # Jobs that could not be published while the broker was down go first.
    sent = outbox.relay(batch=batch)
    open_items = WorkItem.objects.filter(status=WorkItemStatus.OPEN)
    due_ids = list(
        open_items.filter(due__lte=now).order_by("due", "pk").values_list("pk", "task__process_id")[
            :batch
        ]
    )
    escalated = sum(_isolated(escalate_one, pk, process_id, now) for pk, process_id in due_ids)
    remind_ids = list(
        open_items.filter(reminded=False, remind_at__lte=now, due__gt=now)
        .order_by("remind_at")
        .values_list("pk", flat=True)[:batch]
    )
    reminded = sum(_isolated(remind_one, pk) for pk in remind_ids)
    result = {"escalated": escalated, "reminded": reminded, "outbox": sent,
              "idempotency_keys": expire_idempotency_keys(now=now, batch=batch * 10),
              "tokens": expire_tokens(now=now, batch=batch * 10)}
    # the approval analytics' daily facts: the days touched since the last sweep
    try:
        from core.analytics import facts

        result["analytics_days"] = facts.refresh(now)["days"]
    except Exception:  # analytics must never stop reminders and escalations
        log.exception("analytics facts refresh failed")
        result["analytics_days"] = 0
    for process in registry.processes():
        if process.sweep is None:
            continue
        try:
            result[process.kind] = process.sweep(now)
        except Exception:  # one process's timed work must not stop the others'
            log.exception("sweep of %s failed", process.kind)
            result[process.kind] = 0
    return result
