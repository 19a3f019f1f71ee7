"""Lookups the contract views share: every object is reached through the visibility selectors,
and anything the user may not see is 404 (never 403)."""

from django.db.models import F, QuerySet, Subquery

from core import engine
from core.api.serializers import MAX_ID
from core.exceptions import NotFoundError
from core.org.models import User

from ..models import (
    Contract,
    CreditLimitChange,
    Customer,
    ExecutionProblem,
    Milestone,
)
from ..selectors import visible_contracts, visible_customers
from ..steps import KIND

# What a client may offer the user on a contract is selectors.contract_actions, the one source
# the pages and services read too. Withdraw and resubmit go through
# /api/requests/contract/{id}/withdraw/ and /resubmit/.


def _in_range(pk: int) -> bool:
    return 0 < pk <= MAX_ID


def with_contract_facts(qs: QuerySet[Contract]) -> QuerySet[Contract]:
    """The request's id and status beside each contract: two subqueries, not a query per row."""
    req = engine.request_id_of(KIND)
    return qs.select_related("customer", "owner").annotate(
        request_pk=Subquery(req.values("pk")[:1]),
        request_status=Subquery(req.values("status")[:1]),
    )


def visible_contract(user: User, pk: int) -> Contract:
    contract = (with_contract_facts(visible_contracts(user).filter(pk=pk)).first()
                if _in_range(pk) else None)
    if contract is None:
        raise NotFoundError()
    return contract


def visible_customer(user: User, pk: int) -> Customer:
    customer = visible_customers(user).filter(pk=pk).first() if _in_range(pk) else None
    if customer is None:
        raise NotFoundError()
    return customer


def visible_limit_changes(user: User) -> QuerySet[CreditLimitChange]:
    """The limit changes of the customers the user may see."""
    return CreditLimitChange.objects.filter(
        customer__in=visible_customers(user).values("pk"),
    ).select_related("customer", "requested_by", "decided_by")


def visible_limit_change(user: User, pk: int) -> CreditLimitChange:
    change = visible_limit_changes(user).filter(pk=pk).first() if _in_range(pk) else None
    if change is None:
        raise NotFoundError()
    return change


def visible_milestone(user: User, pk: int) -> Milestone:
    milestone = (Milestone.objects.filter(pk=pk, contract__in=visible_contracts(user).values("pk"))
                 .first() if _in_range(pk) else None)
    if milestone is None:
        raise NotFoundError()
    return milestone


def visible_problem(user: User, pk: int) -> ExecutionProblem:
    problem = (ExecutionProblem.objects.filter(
        pk=pk, contract__in=visible_contracts(user).values("pk"),
    ).select_related("raised_by", "assignee").first() if _in_range(pk) else None)
    if problem is None:
        raise NotFoundError()
    return problem


def open_problems_first(qs: QuerySet[ExecutionProblem]) -> QuerySet[ExecutionProblem]:
    # The model orders by resolved_at, but NULLs sort first on SQLite and last on PostgreSQL:
    # say it explicitly so that open problems come first on both, newest first.
    return qs.order_by(F("resolved_at").asc(nulls_first=True), "-created", "-pk")
