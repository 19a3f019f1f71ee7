"""The engine's one door for processes (`from core import engine`).

A process's services, selectors, views, API and demo reach the task engine only through the
names below; its `flows.py` alone may use the flow building blocks in `core.inbox` (nodes,
`core.inbox.engine` callbacks). import-linter enforces both (docs/ARCHITECTURE.md). Everything
here works for any registered process: the kind names the process, the registry finds its flow.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal

from django.db import OperationalError, transaction
from django.db.models import OuterRef, QuerySet
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.status import STATUS

from core import registry
from core.exceptions import BusyError
from core.inbox import actions as _actions
from core.inbox import attachments as _attachments
from core.inbox import copies as _copies
from core.inbox import engine as _flow
from core.inbox import notify as _notify
from core.inbox import route as _route
from core.inbox import selectors as _selectors
from core.inbox import services as _services
from core.inbox import sla as _sla
from core.inbox.models import (
    Attachment,
    Candidate,
    Decision,
    Request,
    RequestStatus,
    WorkItem,
    WorkItemStatus,
)
from core.inbox.search import SEARCHED_FIELDS
from core.inbox.search import refresh as refresh_search
from core.org.models import User
from core.registry import Transition

__all__ = [
    "Attachment", "Decision", "Request", "RequestStatus", "Transition", "WorkItem",
    "WorkItemStatus", "REVISION_STEP", "UploadTooLargeError", "UploadTypeError",
    # requests of a process
    "submit", "open_draft", "update_request", "request_for", "request_id_of", "requests_of",
    "items_of", "open_items", "cancel_open_items", "process_lock", "run_task", "add_steps",
    "set_eligible", "finish_request", "route_preview",
    # flow glue a process's own callbacks use
    "request_of", "bind", "chain_for", "set_waiting", "clear_waiting", "wait_on_open_items",
    "open_work_item", "role_task_created", "WAITING_FIELDS",
    # actions and reads every process shares
    "task_approve", "task_reject", "task_return", "task_claim", "task_reassign",
    "reassign_locked", "task_transfer", "task_urge", "task_add_signer", "request_copy",
    "request_withdraw", "request_resubmit", "copy_by_rules", "copied_ids", "visible_requests",
    "sees_everything", "acting_q", "acts_on_open_item", "attachment_add", "attachment_remove",
    "attachment_download", "notify", "step_name", "describe_event", "sweep_timers",
    "days_off",
]

REVISION_STEP = _flow.REVISION_STEP
WAITING_FIELDS = _flow.WAITING_FIELDS
UploadTooLargeError = _attachments.UploadTooLargeError
UploadTypeError = _attachments.UploadTypeError
MAX_ATTACHMENTS = _attachments.MAX_PER_REQUEST  # per request (receipts, documents)

request_of = _flow.request_of
# the route a submission with these header values would take, before anything is saved
route_preview = _route.preview
bind = _flow.bind
chain_for = _flow.chain_for
set_waiting = _flow.set_waiting
clear_waiting = _flow.clear_waiting
wait_on_open_items = _flow.wait_on_open_items
open_work_item = _flow.open_work_item
role_task_created = _flow.role_task_created

task_approve = _services.task_approve
task_reject = _services.task_reject
task_return = _services.task_return
task_claim = _services.task_claim
task_reassign = _services.task_reassign
reassign_locked = _services.reassign_locked
request_withdraw = _services.request_withdraw
# the everyday actions beside a decision (转交, 催办), for every process
task_transfer = _actions.task_transfer
task_urge = _actions.task_urge
task_add_signer = _actions.task_add_signer
request_copy = _copies.request_copy  # 抄送: read-only access and a notification
copied_ids = _copies.copied_ids
request_resubmit = _services.request_resubmit

visible_requests = _selectors.visible_requests
sees_everything = _selectors.sees_everything
acting_q = _selectors.acting_q

# the SLA calendar's holidays (dates off besides weekends), for a process's own working days
days_off = _sla.holidays

attachment_add = _attachments.attachment_add
attachment_remove = _attachments.attachment_remove
attachment_download = _attachments.download_response

HEADER_FIELDS = frozenset({"title", "amount", "number", "category", "region", "region_id",
                           "submitter", "submitter_id", "party"})


# --- the request header of a process's object -----------------------------------------------


@transaction.atomic
def submit(*, kind: str, obj, submitter: User, title: str, amount: Decimal | None = None,
           number: str = "", category: str = "", region=None,
           extra_steps: tuple[str, ...] = (), party: str = "",
           cc: Iterable[User] = ()) -> Request:
    """Start the process of `kind` for `obj` (already locked and moved by the caller's own
    `*_submit` service): the request header, its approval chain, the first task. `cc`: the
    people the submitter copies (抄送, refused with a 400 on `cc` naming them); the process's
    CC rules (`ProcessSpec.cc_rules`) copy theirs too."""
    return _flow.submit_request(
        kind=kind, obj=obj, submitter=submitter, title=title, amount=amount, number=number,
        category=category, region=region, flow_class=registry.flow_of(kind),
        extra_steps=extra_steps, party=party, cc=cc)


def open_draft(*, kind: str, obj, submitter: User, title: str, amount: Decimal | None = None,
               number: str = "", category: str = "", region=None, party: str = "") -> Request:
    """The header of an object saved as a draft (it shows in "my requests" before it is sent).
    `party` is the other side where there is one (a contract's customer): it is searched."""
    registry.flow_of(kind)  # refuses an unknown kind
    fields = {"title": title, "amount": amount, "number": number, "category": category,
              "submitter": submitter, "party": party}
    if region is not None:
        fields["region"] = region
    return Request.objects.create(kind=kind, object_id=obj.pk, **fields)


def copy_by_rules(*, kind: str, object_id: int, actor: User) -> int:
    """Apply the process's CC rules (ProcessSpec.cc_rules) to its request now, outside a
    submission (a risk is copied to its region's manager when it is identified). Submit and
    resubmit apply them by themselves. Returns how many people were copied."""
    req = Request.objects.select_for_update(of=("self",)).get(kind=kind, object_id=object_id)
    return len(_copies.apply_cc_rules(req, actor=actor))


def update_request(*, kind: str, object_id: int, **fields) -> int:
    """Keep the header in step with the object (a renamed claim, a new total); only the fields
    an inbox row shows may change here, never status or routing."""
    unknown = set(fields) - HEADER_FIELDS
    if unknown:
        raise TypeError(f"update_request() cannot change {', '.join(sorted(unknown))}")
    rows = Request.objects.filter(kind=kind, object_id=object_id)
    changed = rows.update(**fields)
    if SEARCHED_FIELDS & set(fields):
        refresh_search(rows)  # the search box finds the new title, number or customer
    return changed


def add_steps(request: Request, steps: Iterable[str]) -> bool:
    """A later check adds approvers to a request in review (finance finds a new credit breach:
    the CEO signs too). The chain is resolved again from the matrix; False when nothing new."""
    extra = set(request.extra_steps or ())
    if not set(steps) - extra:
        return False
    request.extra_steps = sorted(extra | set(steps))
    request.chain = _flow.chain_for(request)
    request.save(update_fields=["extra_steps", "chain"])
    return True


def set_eligible(item: WorkItem, user_ids: Iterable[int]) -> None:
    """Who may act on an open task besides its holder (the role's holders after a re-route)."""
    item.eligible_ids = sorted(set(user_ids))
    item.save(update_fields=["eligible_ids"])


def request_for(kind: str, object_id: int, *, related: Iterable[str] = ()) -> Request | None:
    return (Request.objects.select_related(*related)
            .filter(kind=kind, object_id=object_id).first())


def request_id_of(kind: str, outer: str = "pk") -> QuerySet[Request]:
    """For a Subquery/Exists on a process's own list: its objects' requests, by `outer`."""
    return Request.objects.filter(kind=kind, object_id=OuterRef(outer))


def requests_of(kind: str, object_ids: Iterable[int] | None = None) -> QuerySet[Request]:
    qs = Request.objects.filter(kind=kind)
    return qs if object_ids is None else qs.filter(object_id__in=list(object_ids))


def items_of(kind: str, object_id: int | None = None) -> QuerySet[WorkItem]:
    """The work items (tasks) of a process, of one object when `object_id` is given."""
    qs = WorkItem.objects.filter(kind=kind)
    return qs if object_id is None else qs.filter(request__kind=kind,
                                                 request__object_id=object_id)


def open_items(request: Request, *, step_code: str | None = None) -> QuerySet[WorkItem]:
    qs = WorkItem.objects.filter(request=request, status=WorkItemStatus.OPEN)
    return qs if step_code is None else qs.filter(step_code=step_code)


def acts_on_open_item(user: User, request: Request, *, step_code: str | None = None) -> bool:
    """Whether the user holds (or acts for, or is queued on) an open task of the request."""
    items = open_items(request, step_code=step_code)
    queued = Candidate.objects.filter(acting_q(user, "user", kind_field="work_item__kind"),
                                      open=True).values("work_item_id")
    return (items.filter(acting_q(user, "assignee")).exists()
            or items.filter(assignee__isnull=True, pk__in=queued).exists())


def cancel_open_items(request: Request, *, keep: Iterable[int] = ()) -> list[int]:
    """Cancel the request's open tasks except `keep` (a parallel branch that said no ends the
    others); their queues close with them. Returns the cancelled ids."""
    ids = list(open_items(request).exclude(pk__in=list(keep)).values_list("pk", flat=True))
    if ids:
        WorkItem.objects.filter(pk__in=ids).update(status=WorkItemStatus.CANCELLED)
        _services.set_queue_open(ids, False)
    return ids


def held_by(user: User, items: QuerySet[WorkItem]) -> QuerySet[WorkItem]:
    """Of `items`, those the user holds, holds for someone they act for today, or may claim
    from a queue: the rule of `acts_on_open_item`, to show or act on the task itself."""
    queued = Candidate.objects.filter(acting_q(user, "user", kind_field="work_item__kind"),
                                      open=True).values("work_item_id")
    return (items.filter(acting_q(user, "assignee"))
            | items.filter(assignee__isnull=True, pk__in=queued))


def cancel_task(request: Request, node_name: str) -> int:
    """Cancel the automatic step `node_name` of the request's flow while it waits (a step that
    is no inbox task ends with a withdrawn request). Returns how many were cancelled."""
    if request.process_id is None:
        return 0
    flow_class = registry.flow_of(request.kind)
    tasks = flow_class.task_class._default_manager.filter(
        process_id=request.process_id, flow_task=getattr(flow_class, node_name),
        status=STATUS.NEW)
    cancelled = 0
    for task in tasks:
        task.flow_task.activation_class(task).cancel()
        cancelled += 1
    return cancelled


@contextmanager
def process_lock(kind: str, object_id: int, *, busy=None) -> Iterator[Request | None]:
    """Take the lock every decision of this object's process takes (its process row), in one
    transaction, and yield the request. A lock that cannot be had in PostgreSQL's lock_timeout
    is a 409 (BusyError with `busy`, or its default message), the same rule the inbox applies:
    retryable, so never stored under an Idempotency-Key."""
    req = request_for(kind, object_id, related=("process", "submitter"))
    if req is None or req.process_id is None:
        with transaction.atomic():
            yield req
        return
    flow_class = registry.flow_of(kind)
    try:
        with transaction.atomic(), flow_class.lock(req.process_id):
            yield req
    except (FlowLockFailed, OperationalError) as exc:
        if isinstance(exc, OperationalError) and not _services._is_lock_timeout(exc):
            raise
        raise BusyError(busy) from None


def run_task(request: Request, node_name: str) -> bool:
    """Run the automatic step `node_name` of the request's flow that is waiting (a payment, a
    hand-over to the next stage), inside `process_lock`. False when no such step waits."""
    flow_class = registry.flow_of(request.kind)
    node = getattr(flow_class, node_name)
    task = flow_class.task_class._default_manager.filter(
        process_id=request.process_id, flow_task=node, status=STATUS.NEW).first()
    if task is None:
        return False
    bind(request.process, request)
    task.process = request.process
    node.run(task)
    request.save(update_fields=WAITING_FIELDS)
    return True


def finish_request(request: Request, *, status: str = RequestStatus.DONE) -> None:
    """The request's flow ended in an automatic step (a payment after the approvals): its
    header says so and waits on nobody. Inside `process_lock`, after `run_task`."""
    request.status = status
    _flow.clear_waiting(request, save=False)
    request.save(update_fields=["status", *WAITING_FIELDS])


def enqueue_job(task_name: str, payload: dict, key: str) -> None:
    """Send a Celery job with the surrounding transaction (the outbox): written now, published
    after commit, sent later by the relay when the broker is down. `key` names the job."""
    from core.inbox import outbox

    outbox.enqueue([(task_name, payload, key)])


def jobs_of(task_name: str) -> QuerySet:
    """The jobs enqueued as `task_name` (outbox rows: kwargs, created, sent_at), to find the
    ones that were never sent or went out long ago."""
    from core.inbox.models import OutboxMessage

    return OutboxMessage.objects.filter(task=task_name)


# --- notifications and words ----------------------------------------------------------------


notify = _notify.on_commit_many


def sweep_timers() -> dict:
    """Run the periodic sweep now (reminders, escalations, every process's timed work)."""
    from core.inbox.timers import sweep

    return sweep()


def step_name(code: str, fallback: str = "") -> str:
    from core.inbox.templatetags.countersign import step_name as _step_name

    return _step_name(code, fallback)


def describe_event(event) -> str:
    from core.inbox.templatetags.countersign import describe

    return describe(event)
