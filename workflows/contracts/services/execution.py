"""After signing (policy 4.4): milestones, receivables derived from collections, and an alert
for collections overdue by more than 30 days (read by others through selectors.credit_alerts)."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StateConflictError,
)
from core.money import to_money
from core.org import selectors as org
from core.org.models import Role, User

from .. import selectors
from ..models import (
    Contract,
    ContractState,
    CreditAlert,
    Customer,
    ExecutionProblem,
    Milestone,
)

OVERDUE_DAYS = 30


def recompute_receivables(customer_id: int) -> Decimal:
    """Open receivables = collection milestones of live signed contracts not yet collected."""
    total = Milestone.objects.filter(
        contract__customer_id=customer_id, contract__state=ContractState.SIGNED,
        kind=Milestone.Kind.COLLECTION, done_date__isnull=True,
    ).aggregate(s=Sum("amount"))["s"] or Decimal("0.00")
    Customer.objects.filter(pk=customer_id).update(open_receivables=total)
    return total


def _may_manage(actor: User, contract: Contract) -> bool:
    return selectors.may_keep_milestones(actor, contract)


@transaction.atomic
def milestone_add(*, contract_id: int, actor: User, kind: str, amount, due_date: date,
                  note: str = "") -> Milestone:
    contract = Contract.objects.select_for_update().filter(pk=contract_id).first()
    if contract is None:
        raise NotFoundError()
    if not _may_manage(actor, contract) or org.is_read_only(actor):
        raise PermissionDeniedError()
    if contract.state != ContractState.SIGNED:
        raise StateConflictError(_("Milestones belong to signed contracts."))
    if kind not in Milestone.Kind.values:
        raise InvalidInputError(_("Unknown kind."), fields={"kind": [_("Unknown kind.")]})
    try:
        amount = to_money(amount)
    except ValueError:
        raise InvalidInputError(_("Enter an amount."), fields={"amount": [_("Invalid.")]}) \
            from None
    milestone = Milestone.objects.create(contract=contract, kind=kind, amount=amount,
                                         due_date=due_date, note=(note or "")[:200])
    recompute_receivables(contract.customer_id)
    audit.record(actor=actor, subject=contract, event="contract.milestone_added",
                 data={"milestone": milestone.pk, "kind": kind, "amount": str(amount),
                       "due": due_date.isoformat()})
    return milestone


@transaction.atomic
def milestone_done(*, milestone_id: int, actor: User, done_date: date | None = None):
    milestone = Milestone.objects.select_for_update().select_related("contract").filter(
        pk=milestone_id).first()
    if milestone is None:
        raise NotFoundError()
    if not _may_manage(actor, milestone.contract) or org.is_read_only(actor):
        raise PermissionDeniedError()
    if milestone.done_date is not None:
        raise StateConflictError(_("This milestone was already marked done on %(day)s.")
                                 % {"day": milestone.done_date.isoformat()})
    milestone.done_date = done_date or timezone.localdate()
    milestone.save(update_fields=["done_date"])
    recompute_receivables(milestone.contract.customer_id)
    audit.record(actor=actor, subject=milestone.contract, event="contract.milestone_done",
                 data={"milestone": milestone.pk, "kind": milestone.kind,
                       "done": milestone.done_date.isoformat()})
    return milestone


def collections_sweep(*, today: date | None = None) -> int:
    """Record one credit alert per collection overdue by more than 30 days (policy 8.3); once
    per milestone, so a second sweep records nothing more. What an alert leads to is for whoever
    reads the alerts (the risks process raises a credit risk for each): contracts only record
    them. Returns the alerts recorded."""
    today = today or timezone.localdate()
    overdue = Milestone.objects.filter(
        kind=Milestone.Kind.COLLECTION, done_date__isnull=True,
        due_date__lt=today - timedelta(days=OVERDUE_DAYS), contract__state=ContractState.SIGNED,
        alert__isnull=True,
    ).select_related("contract")
    made = 0
    for milestone in overdue:
        _alert, created = CreditAlert.objects.get_or_create(
            milestone=milestone, defaults={"customer_id": milestone.contract.customer_id,
                                           "days_overdue": (today - milestone.due_date).days})
        made += created
    return made


@transaction.atomic
def problem_raise(*, contract_id: int, actor: User, description: str,
                  assignee: User) -> ExecutionProblem:
    """A problem met while executing a signed contract, assigned to someone to resolve."""
    contract = Contract.objects.select_for_update().filter(pk=contract_id).first()
    if contract is None:
        raise NotFoundError()
    if org.is_read_only(actor):
        raise PermissionDeniedError(_("Auditors can read everything and change nothing."))
    if contract.state != ContractState.SIGNED:
        raise InvalidInputError(_("Problems are recorded against signed contracts."))
    text = (description or "").strip()
    if not text:
        raise InvalidInputError(_("Describe the problem."),
                                fields={"description": [_("This field is required.")]})
    if assignee is None or not assignee.is_active:
        raise InvalidInputError(_("Choose who resolves it."),
                                fields={"assignee": [_("Choose an active user.")]})
    problem = ExecutionProblem.objects.create(contract=contract, description=text[:4000],
                                              raised_by=actor, assignee=assignee)
    audit.record(actor=actor, subject=contract, event="contract.problem_raised",
                 comment=text[:4000], data={"problem": problem.pk, "assignee": assignee.pk})
    return problem


@transaction.atomic
def problem_resolve(*, problem_id: int, actor: User, resolution: str) -> ExecutionProblem:
    """The assignee, the contract's owner, the sales GM or finance closes a problem."""
    problem = ExecutionProblem.objects.select_for_update().select_related("contract").filter(
        pk=problem_id).first()
    if problem is None:
        raise NotFoundError()
    if org.is_read_only(actor) or not (
            actor.pk in (problem.assignee_id, problem.contract.owner_id)
            or org.has_role(actor, Role.FINANCE, Role.SALES_GM)):
        raise PermissionDeniedError(
            _("The assignee, the contract's owner, finance or the sales GM resolves a problem."))
    if problem.resolved_at is not None:
        raise StateConflictError(_("This problem was already resolved."))
    text = (resolution or "").strip()
    if not text:
        raise InvalidInputError(_("Say how it was resolved."),
                                fields={"resolution": [_("This field is required.")]})
    problem.resolution, problem.resolved_at = text[:4000], timezone.now()
    problem.save(update_fields=["resolution", "resolved_at"])
    audit.record(actor=actor, subject=problem.contract, event="contract.problem_resolved",
                 comment=problem.resolution, data={"problem": problem.pk})
    return problem
