"""Who sees which customers and contracts. Pages and the API read through these, so a rule
holds in both. Anything outside a user's scope is 404 to them (never 403)."""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from core import engine
from core.engine import sees_everything, visible_requests
from core.org import selectors as org
from core.org.models import Role, RoleAssignment, User

from .models import (
    Contract,
    ContractLine,
    ContractState,
    CreditAlert,
    CreditLimitChange,
    Customer,
    ExecutionProblem,
    Product,
    localized,
)
from .rules import finance_copied
from .steps import KIND

FINANCE_RULE = gettext_noop("Finance is copied on every contract over the threshold")


def cc_rules(request: engine.Request) -> list[tuple[str, list[User]]]:
    """抄送 by rule (ProcessSpec.cc_rules): finance on every contract over
    settings.CC_FINANCE_CONTRACT_OVER (500,000 yuan unless configured)."""
    threshold = Decimal(str(getattr(settings, "CC_FINANCE_CONTRACT_OVER", "500000")))
    if not finance_copied(request.amount, threshold):
        return []
    return [(FINANCE_RULE, list(org.holders_of(Role.FINANCE)))]

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


def credit_alerts() -> QuerySet[CreditAlert]:
    """Collections overdue by more than 30 days, oldest first, with the milestone, contract and
    customer an alert is about (the risks process raises a credit risk for each)."""
    return (CreditAlert.objects.select_related(
        "milestone__contract__owner", "customer__account_owner", "customer__region")
        .order_by("pk"))


# --- what a user may do with a contract (pages, API and services read this one source) -------

EDIT, SUBMIT, RESUBMIT, WITHDRAW, AMEND = "edit", "submit", "resubmit", "withdraw", "amend"
ADD_MILESTONE, RAISE_PROBLEM, ATTACH = "add_milestone", "raise_problem", "attach"
CONTRACT_ACTIONS = (EDIT, SUBMIT, RESUBMIT, WITHDRAW, AMEND, ADD_MILESTONE, RAISE_PROBLEM, ATTACH)
EDITABLE_STATES = (ContractState.DRAFT, ContractState.RETURNED)
# Documents may be added until the reviews are done, by the owner and the reviewers.
UPLOAD_STATES = (ContractState.DRAFT, ContractState.RETURNED, ContractState.IN_REVIEW)
# Milestones are kept by the owner, finance and the sales GM.
MILESTONE_KEEPERS = (Role.FINANCE, Role.SALES_GM)


def amendment_under_way(contract: Contract) -> Contract | None:
    return Contract.objects.filter(previous=contract).exclude(
        state__in=[ContractState.REJECTED, ContractState.WITHDRAWN]).first()


def may_keep_milestones(user: User, contract: Contract) -> bool:
    return not org.is_read_only(user) and (
        contract.owner_id == user.pk or org.has_role(user, *MILESTONE_KEEPERS))


def reviews_it(user: User, contract: Contract) -> bool:
    """Whether the user holds, acts for or is queued on an open review task of the contract."""
    req = engine.request_for(KIND, contract.pk)
    return req is not None and engine.acts_on_open_item(user, req)


def contract_actions(user: User, contract: Contract) -> frozenset[str]:
    """What the user may do with the contract now (review decisions are tasks, not listed):
    the contract page, the API's `available_actions` and the services all ask this."""
    if org.is_read_only(user):
        return frozenset()
    owner, state = contract.owner_id == user.pk, contract.state
    actions = set()
    if owner and state in EDITABLE_STATES:
        actions.add(EDIT)
    if owner and state == ContractState.DRAFT:
        actions.add(SUBMIT)
    if owner and state == ContractState.RETURNED:
        actions.add(RESUBMIT)
    if owner and state in (ContractState.IN_REVIEW, ContractState.RETURNED):
        actions.add(WITHDRAW)
    if owner and state == ContractState.SIGNED and amendment_under_way(contract) is None:
        actions.add(AMEND)
    if state == ContractState.SIGNED:
        if may_keep_milestones(user, contract):
            actions.add(ADD_MILESTONE)
        actions.add(RAISE_PROBLEM)
    if state in UPLOAD_STATES and (owner or reviews_it(user, contract)):
        actions.add(ATTACH)
    return frozenset(actions)


def ordered(actions) -> list[str]:
    """Actions in their documented order (for the API and the page)."""
    return [a for a in CONTRACT_ACTIONS if a in actions]


# --- sales by product (the monthly report reads this) ---------------------------------------


@dataclass(frozen=True)
class ProductSales:
    code: str
    name: str  # lazy: in the language active when it is shown
    name_zh: str
    name_en: str
    category: str
    quantity: Decimal
    value: Decimal


def _local_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_current_timezone())


def signed_value_by_product(start: date, end: date, *, region=None) -> list[ProductSales]:
    """Signed contract lines by product for contracts signed on a (local) date in [start, end),
    optionally of customers in one region (a Region or its id). An amendment counts by its
    difference from the version it replaces, per product, like plan actuals: so signing one
    moves a product's figures by exactly what changed. Biggest value first."""
    versions = Contract.objects.filter(
        state__in=[ContractState.SIGNED, ContractState.SUPERSEDED], signed_at__isnull=False,
        signed_at__gte=_local_start(start), signed_at__lt=_local_start(end))
    if region is not None:
        versions = versions.filter(customer__region_id=getattr(region, "pk", region))
    signed = list(versions.values_list("pk", "previous_id", "previous__signed_at"))
    ids = {pk for pk, _prev, _at in signed}
    replaced = {prev for _pk, prev, at in signed if prev and at}
    totals: dict[int, list[Decimal]] = {}
    for line in ContractLine.objects.filter(contract_id__in=ids | replaced).values(
            "contract_id", "product_id", "quantity", "value"):
        # A version both signed in the window and replaced by one signed in it counts both
        # ways: added as itself, taken away by its amendment.
        sign = (1 if line["contract_id"] in ids else 0) - (
            1 if line["contract_id"] in replaced else 0)
        if sign == 0:
            continue
        row = totals.setdefault(line["product_id"], [Decimal("0"), Decimal("0.00")])
        row[0] += sign * line["quantity"]
        row[1] += sign * line["value"]
    products = Product.objects.in_bulk(list(totals))
    rows = [ProductSales(code=p.code, name=localized(p.name_zh, p.name_en), name_zh=p.name_zh,
                         name_en=p.name_en, category=p.category, quantity=q, value=v)
            for pid, (q, v) in totals.items() if (p := products[pid]) and (q or v)]
    return sorted(rows, key=lambda r: (-r.value, r.code))
