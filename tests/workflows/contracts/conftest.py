from decimal import Decimal

import pytest

from core.inbox import services as inbox
from core.inbox.models import Request, WorkItem, WorkItemStatus
from core.org.models import Region
from workflows.contracts.models import Contract, Customer
from workflows.contracts.services import contract_create, contract_submit, customer_create

EAST_CODE = "91350100M000100Y43"
OTHER_CODE = "91110000600037341L"


def request_of(contract: Contract) -> Request:
    return Request.objects.get(kind="contract", object_id=contract.pk)


def open_items(contract: Contract) -> list[WorkItem]:
    return list(WorkItem.objects.filter(request=request_of(contract), status=WorkItemStatus.OPEN)
                .order_by("pk"))


def item(contract: Contract, step: str) -> WorkItem:
    return WorkItem.objects.get(request=request_of(contract), step_code=step,
                                status=WorkItemStatus.OPEN)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def make_customer(actor, *, code: str = EAST_CODE, region: str = "east", rating: str = "A",
                  limit: str = "3000000.00", name: str = "华东精密制造有限公司") -> Customer:
    customer = customer_create(actor=actor, name=name, credit_code=code,
                               region=Region.objects.get(code=region), account_owner=actor)
    # finance's assessment and approved limit, set directly: these tests are about contracts
    Customer.objects.filter(pk=customer.pk).update(rating=rating, credit_limit=Decimal(limit))
    return fresh(customer)


@pytest.fixture
def customer(personas):
    """An east customer of rating A (90 days allowed) with a 3,000,000.00 limit. The
    catalogue's stand-in product for a value given without lines exists, as migration 0009
    makes it in every database: a test that empties the tables (`transaction=True`, or one
    that migrates the contracts app back and forth) may have removed it, and a contract created
    later would then create it, with its own audit event, inside the contract's."""
    from workflows.contracts.services.lines import unspecified_product

    unspecified_product()
    return make_customer(personas["east_rep1"])


@pytest.fixture
def submitted(personas, customer):
    """submitted("500000.00", terms=30) -> a contract by east_rep1, in regional review."""

    def run(value: str = "500000.00", *, terms: int = 30, owner: str = "east_rep1",
            on=None) -> Contract:
        actor = personas[owner]
        contract = contract_create(actor=actor, customer=on or customer, title="年度供货合同",
                                   value=Decimal(value), payment_terms_days=terms)
        contract_submit(contract_id=contract.pk, actor=actor)
        return fresh(contract)

    return run


@pytest.fixture
def in_parallel(personas, submitted):
    """A contract past the regional review: legal_review and credit_review both open."""

    def run(value: str = "500000.00", **kwargs) -> Contract:
        contract = submitted(value, **kwargs)
        inbox.task_approve(task_id=item(contract, "regional_review").pk,
                           actor=personas["east_mgr"], comment="ok")
        return contract

    return run


@pytest.fixture
def signed(personas, in_parallel):
    """A contract through every review and signed off."""

    def run(value: str = "500000.00", **kwargs) -> Contract:
        contract = in_parallel(value, **kwargs)
        inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])
        inbox.task_approve(task_id=item(contract, "credit_review").pk,
                           actor=personas["finance"])
        for step in request_of(contract).chain:
            inbox.task_approve(task_id=item(contract, step["code"]).pk,
                               actor=personas["gm" if step["code"] == "sales_gm" else "ceo"])
        return fresh(contract)

    return run
