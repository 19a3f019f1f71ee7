"""Actual sales as the business recorded them (policy 4.1, 4.2): signed contracts by signing
month, or collections by collection month, each counted for the contract's owner and its
customer's region. An amendment counts in the month it is signed by the difference from the
version it replaces, so that signing one moves the actual by exactly that difference and the
year's sum is each contract's value in force."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from workflows.contracts.models import Contract, ContractState, Milestone

from ..models import ActualBasis


@dataclass(frozen=True)
class BusinessRow:
    region: str  # region code
    person: str  # username
    month: int
    amount: Decimal
    contract_id: int
    number: str


def signed_rows(year: int) -> list[BusinessRow]:
    versions = (Contract.objects
                .filter(state__in=[ContractState.SIGNED, ContractState.SUPERSEDED],
                        signed_at__isnull=False)
                .select_related("owner", "customer__region", "previous"))
    rows = []
    for c in versions:
        when = timezone.localtime(c.signed_at).date()
        if when.year != year:
            continue
        before = c.previous.value if c.previous_id and c.previous.signed_at else Decimal("0")
        rows.append(BusinessRow(c.customer.region.code, c.owner.username, when.month,
                                c.value - before, c.pk, c.number))
    return rows


def collection_rows(year: int) -> list[BusinessRow]:
    done = (Milestone.objects
            .filter(kind=Milestone.Kind.COLLECTION, done_date__year=year)
            .select_related("contract__owner", "contract__customer__region"))
    return [BusinessRow(m.contract.customer.region.code, m.contract.owner.username,
                        m.done_date.month, m.amount, m.contract_id, m.contract.number)
            for m in done]


def business_rows(basis: str, year: int) -> list[BusinessRow]:
    if basis == ActualBasis.CONTRACTS:
        return signed_rows(year)
    if basis == ActualBasis.COLLECTIONS:
        return collection_rows(year)
    return []
