"""Reads for the three home pages: inboxes, requests and what a user may see."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from core.org import selectors as org
from core.org.models import Role, User

from .models import Candidate, Request, WorkItem, WorkItemStatus

INBOX, QUEUE, ARCHIVE = "inbox", "queue", "archive"
SCOPES = (INBOX, QUEUE, ARCHIVE)
ALL_SEEING = (Role.AUDITOR, Role.ADMINISTRATOR)


@dataclass
class TaskFilters:
    kind: str = ""
    step: str = ""
    submitter: int | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    overdue: bool = False


def acting_ids(user: User) -> list[int]:
    """The user and everyone they act for today."""
    return [user.pk, *(p.pk for p in org.principals_for(user))]


def tasks_for(user: User, scope: str, filters: TaskFilters | None = None) -> QuerySet[WorkItem]:
    """One index range scan per scope; rows carry everything the list shows (no N+1)."""
    now = timezone.now()
    base = WorkItem.objects.select_related("submitter", "assignee", "acting_for")
    if scope == INBOX:
        qs = base.filter(status=WorkItemStatus.OPEN, assignee_id__in=acting_ids(user))
    elif scope == QUEUE:
        qs = base.filter(
            status=WorkItemStatus.OPEN,
            assignee__isnull=True,
            pk__in=Candidate.objects.filter(user_id__in=acting_ids(user)).values("work_item_id"),
        )
    elif scope == ARCHIVE:
        qs = base.filter(status=WorkItemStatus.DONE, decided_by=user)
    else:
        raise ValueError(scope)
    f = filters or TaskFilters()
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.step:
        qs = qs.filter(step_code=f.step)
    if f.submitter:
        qs = qs.filter(submitter_id=f.submitter)
    if f.amount_min is not None:
        qs = qs.filter(amount__gte=f.amount_min)
    if f.amount_max is not None:
        qs = qs.filter(amount__lte=f.amount_max)
    if f.overdue:
        qs = qs.filter(due__lt=now)
    if scope == ARCHIVE:
        return qs.order_by("-decided_at")
    # Overdue first, then by due time (no deadline last), then oldest first.
    return qs.annotate(
        is_overdue=Case(When(due__lt=now, then=Value(0)), default=Value(1),
                        output_field=IntegerField())
    ).order_by("is_overdue", "due", "created")


def task_counts(user: User) -> dict[str, int]:
    ids = acting_ids(user)
    return {
        INBOX: WorkItem.objects.filter(status=WorkItemStatus.OPEN, assignee_id__in=ids).count(),
        QUEUE: WorkItem.objects.filter(
            status=WorkItemStatus.OPEN,
            assignee__isnull=True,
            pk__in=Candidate.objects.filter(user_id__in=ids).values("work_item_id"),
        ).count(),
    }


def sees_everything(user: User) -> bool:
    return user.is_superuser or org.has_role(user, *ALL_SEEING)


def visible_requests(user: User) -> QuerySet[Request]:
    """Requests a user may see: their own, those they act or acted on (or for), or all for
    auditors and administrators. Anything else is 404 to them."""
    qs = Request.objects.select_related("submitter")
    if sees_everything(user):
        return qs
    ids = acting_ids(user)
    involved = WorkItem.objects.filter(request=OuterRef("pk")).filter(
        Q(assignee_id__in=ids) | Q(decided_by_id__in=ids) | Q(acting_for_id__in=ids)
        | Q(pk__in=Candidate.objects.filter(user_id__in=ids).values("work_item_id"))
    )
    return qs.filter(Q(submitter_id__in=ids) | Exists(involved))


def visible_tasks(user: User) -> QuerySet[WorkItem]:
    return WorkItem.objects.filter(request__in=visible_requests(user).values("pk"))


def requests_for(user: User, *, mine: bool = False, kind: str = "", status: str = ""):
    qs = Request.objects.filter(submitter=user) if mine else visible_requests(user)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("submitter").order_by("-since", "-pk")
