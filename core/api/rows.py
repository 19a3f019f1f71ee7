"""Per-row facts a task list shows (who it is acted for, what the viewer may do), computed from
the row and one `Viewer` built per request, so a page of any size costs the same queries.

`available_actions` is a hint for clients, not a permission check: the services decide.
"""

from dataclasses import dataclass

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet

from core import registry
from core.inbox import selectors
from core.inbox.models import Candidate, WorkItem, WorkItemStatus
from core.org import selectors as org
from core.org.models import Role, User

APPROVE, REJECT, RETURN = "approve", "reject", "return"
CLAIM, RELEASE, REASSIGN, RESUBMIT = "claim", "release", "reassign", "resubmit"
TRANSFER, URGE, ADD_SIGNER, COPY = "transfer", "urge", "add_signer", "copy"
ACTIONS = (APPROVE, REJECT, RETURN, CLAIM, RELEASE, REASSIGN, RESUBMIT, TRANSFER, URGE,
           ADD_SIGNER, COPY)


@dataclass(frozen=True)
class Viewer:
    user: User
    user_id: int
    principals: dict[int, User]  # the people the viewer acts for today
    is_admin: bool
    read_only: bool

    @classmethod
    def of(cls, user: User) -> "Viewer":
        return cls(
            user=user,
            user_id=user.pk,
            principals={p.pk: p for p in org.principals_for(user)},
            is_admin=org.has_role(user, Role.ADMINISTRATOR),
            read_only=org.is_read_only(user),
        )

    @property
    def acting_ids(self) -> list[int]:
        return [self.user_id, *self.principals]


def _flag(q: Q) -> ExpressionWrapper:
    return ExpressionWrapper(q, output_field=BooleanField())


def with_row_facts(qs: QuerySet[WorkItem], viewer: Viewer) -> QuerySet[WorkItem]:
    """Join what the task serializer reads; EXISTS subqueries instead of a query per row.

    Whether the viewer may decide or claim a row is the inbox's and the queue's own filter
    (segregation of duties included), so a listed row offers exactly what the decision allows.
    """
    user = viewer.user
    claimable = selectors.claimable_candidates(user).filter(work_item_id=OuterRef("pk"))
    return qs.select_related("request__submitter", "assignee", "acting_for").annotate(
        has_candidates=Exists(Candidate.objects.filter(work_item_id=OuterRef("pk"))),
        viewer_decides=_flag(selectors.acting_q(user, "assignee_id")
                             & selectors.decidable_q(user)),
        viewer_may_claim=_flag(Q(assignee__isnull=True) & Exists(claimable)
                               & selectors.decidable_q(user)),
    )


def acting_for(item: WorkItem, viewer: Viewer) -> User | None:
    if item.status == WorkItemStatus.DONE:
        return item.acting_for
    if item.status == WorkItemStatus.OPEN and item.assignee_id in viewer.principals:
        return viewer.principals[item.assignee_id]
    return None


def may_reject(kind: str) -> bool:
    """False for a process whose tasks cannot end it (a plan is pushed back, never rejected)."""
    reg = registry.get(kind)
    return reg is None or reg.can_reject


def may_return(kind: str) -> bool:
    """False for a process whose tasks are never returned (a follow-up task)."""
    reg = registry.get(kind)
    return reg is None or reg.can_return


def _decisions(kind: str) -> list[str]:
    return ([APPROVE] + ([REJECT] if may_reject(kind) else [])
            + ([RETURN] if may_return(kind) else []))


def available_actions(item: WorkItem, viewer: Viewer) -> list[str]:
    if viewer.read_only or item.status != WorkItemStatus.OPEN:
        return []
    actions = []
    if item.assignee_id is None:
        if getattr(item, "viewer_may_claim", False):
            # A candidate decides straight from the queue (the decision claims the task in
            # the same transaction) or claims it to decide later.
            actions += _decisions(item.kind) + [CLAIM]
    else:
        if getattr(item, "viewer_decides", False):
            actions += [RESUBMIT] if item.is_revision else _decisions(item.kind)
        # Only a task taken from a queue can go back to it (task_release).
        if item.assignee_id == viewer.user_id and getattr(item, "has_candidates", False):
            actions.append(RELEASE)
        # The holder hands the task on, or a deputy who may decide it for them; never the
        # submitter or their deputy (core.inbox.actions.task_transfer).
        if not item.is_revision and (
            getattr(item, "viewer_decides", False)
            or (item.assignee_id == viewer.user_id
                and item.request.submitter_id not in viewer.acting_ids)):
            actions.append(TRANSFER)
        # 加签 on a chain step or a stage of the process's own, by whoever may decide it
        if getattr(item, "viewer_decides", False) and not item.is_revision:
            actions.append(ADD_SIGNER)
    # The submitter urges the holder; managers above the holder may too (the service judges).
    if not item.is_revision and item.request.submitter_id == viewer.user_id:
        actions.append(URGE)
    # 抄送: the holder (or who may claim or decide it) and the submitter copy people on it
    if not item.is_revision and (
            getattr(item, "viewer_decides", False) or getattr(item, "viewer_may_claim", False)
            or item.assignee_id == viewer.user_id
            or item.request.submitter_id == viewer.user_id):
        actions.append(COPY)
    # Managers above the holder may reassign too, but telling needs a walk up the org chart per
    # row; the list offers it to administrators only and the service remains the judge.
    if viewer.is_admin and not item.is_revision:
        actions.append(REASSIGN)
    return actions
