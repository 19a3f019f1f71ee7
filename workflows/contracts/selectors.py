"""Who sees which customers and contracts. Pages and the API read through these, so a rule
holds in both. Anything outside a user's scope is 404 to them (never 403)."""

from django.db.models import Q, QuerySet

from core.inbox.selectors import sees_everything, visible_requests
from core.org import selectors as org
from core.org.models import Role, RoleAssignment, User
from workflows.contracts.steps import KIND

from .models import Contract, CreditLimitChange, Customer, ExecutionProblem

# Reviewers and the people who sign off read every contract and customer.
ALL_CONTRACT_READERS = (Role.LEGAL, Role.FINANCE, Role.SALES_GM, Role.CEO)


def reads_all(user: User) -> bool:
    return sees_everything(user) or org.has_role(user, *ALL_CONTRACT_READERS)


def managed_region_ids(user: User) -> list[int]:
    """The regions a user manages as regional manager."""
    return list(RoleAssignment.objects.filter(
        user=user, role=Role.REGIONAL_MANAGER, region__isnull=False,
    ).values_list("region_id", flat=True))


def _region_ids(user: User) -> list[int]:
    ids = managed_region_ids(user)
    if user.region_id:
        ids.append(user.region_id)
    return ids


def visible_customers(user: User) -> QuerySet[Customer]:
    """Readers see every customer; others the customers of their own (or managed) regions and
    the ones they own."""
    qs = Customer.objects.select_related("region", "account_owner")
    if reads_all(user):
        return qs
    return qs.filter(Q(region_id__in=_region_ids(user)) | Q(account_owner=user))


def visible_contracts(user: User) -> QuerySet[Contract]:
    """Readers see every contract; a regional manager the contracts of customers in their
    regions; anyone else the contracts they own, whose customer they own, or whose request
    they may see (they reviewed or were asked to), or one of whose problems they must resolve."""
    qs = Contract.objects.select_related("customer", "customer__region", "owner")
    if reads_all(user):
        return qs
    requests = visible_requests(user).filter(kind=KIND).values("object_id")
    assigned = ExecutionProblem.objects.filter(assignee=user).values("contract_id")
    return qs.filter(Q(owner=user) | Q(customer__account_owner=user)
                     | Q(customer__region_id__in=managed_region_ids(user))
                     | Q(pk__in=requests) | Q(pk__in=assigned))


def visible_contract(user: User, pk: int) -> Contract | None:
    return visible_contracts(user).filter(pk=pk).first() if 0 < pk < 2**31 else None


def visible_customer(user: User, pk: int) -> Customer | None:
    return visible_customers(user).filter(pk=pk).first() if 0 < pk < 2**31 else None


def versions_of(contract: Contract) -> list[Contract]:
    """Every version sharing the contract's number, oldest first (a draft has only itself)."""
    if not contract.number:
        return [contract]
    return list(Contract.objects.filter(number=contract.number).order_by("version"))


def pending_limit_changes(user: User) -> QuerySet[CreditLimitChange]:
    """Credit limit requests waiting for finance (only finance decides them)."""
    if not org.has_role(user, Role.FINANCE):
        return CreditLimitChange.objects.none()
    return CreditLimitChange.objects.filter(
        state=CreditLimitChange.State.PENDING).select_related("customer", "requested_by")
