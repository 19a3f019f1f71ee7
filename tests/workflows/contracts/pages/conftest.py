"""Fixtures for the contract pages: logged-in clients (English, so assertions read the source
text), drafts, contracts driven to a stage through the services (the contracts conftest one
level up), customers of other regions."""

from decimal import Decimal

import pytest
from django.test import Client

from workflows.contracts.services import contract_create

from ..conftest import OTHER_CODE, fresh, make_customer

SOUTH_CODE = "91440300MA5DC0EN2B"


@pytest.fixture
def client_for(personas):
    def make(username: str) -> Client:
        client = Client(headers={"accept-language": "en"})
        client.force_login(personas[username])
        return client

    return make


@pytest.fixture
def draft(personas, customer):
    """draft("500000.00") -> a draft by east_rep1 for the east customer."""

    def make(value: str = "500000.00", *, terms: int = 30, owner: str = "east_rep1",
             title: str = "年度供货合同", on=None):
        contract = contract_create(actor=personas[owner], customer=on or customer, title=title,
                                   value=Decimal(value), payment_terms_days=terms,
                                   delivery_terms="货到验收", key_clauses="质保一年")
        return fresh(contract)

    return make


@pytest.fixture
def south_customer(personas):
    """A south customer (rating C: 30 days) that east people do not see."""
    return make_customer(personas["south_rep1"], code=SOUTH_CODE, region="south", rating="C",
                         limit="400000.00", name="岭南建材集团有限公司")


@pytest.fixture
def second_east_customer(personas):
    return make_customer(personas["east_rep2"], code=OTHER_CODE, rating="B",
                         limit="1200000.00", name="江南电子科技股份有限公司")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "合同正本.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def drive_to_signed(personas, contract):
    """Submit a draft and approve every review and sign-off."""
    from core.inbox import services as inbox
    from workflows.contracts.services import contract_submit

    from ..conftest import item, request_of

    contract_submit(contract_id=contract.pk, actor=contract.owner)
    inbox.task_approve(task_id=item(contract, "regional_review").pk, actor=personas["east_mgr"])
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    for step in request_of(contract).chain:
        inbox.task_approve(task_id=item(contract, step["code"]).pk,
                           actor=personas["gm" if step["code"] == "sales_gm" else "ceo"])
    return fresh(contract)


@pytest.fixture
def executed(personas, draft):
    """A signed contract (500,000.00) of east_rep1 with a document, an open collection
    milestone of 200,000.00 and an open problem assigned to finance; and a pending credit
    limit change of its customer, requested by east_rep1."""
    from datetime import timedelta

    from django.utils import timezone

    from core.inbox.attachments import attachment_add
    from workflows.contracts.services import (
        credit_limit_request,
        milestone_add,
        problem_raise,
    )

    from ..conftest import request_of

    owner = personas["east_rep1"]
    contract = draft()
    attachment = attachment_add(request_id=request_of(contract).pk, actor=owner, upload=pdf())
    contract = drive_to_signed(personas, contract)
    milestone = milestone_add(contract_id=contract.pk, actor=owner, kind="collection",
                              amount=Decimal("200000.00"),
                              due_date=timezone.localdate() + timedelta(days=30))
    problem = problem_raise(contract_id=contract.pk, actor=owner, description="交付延迟",
                            assignee=personas["finance"])
    change = credit_limit_request(customer_id=contract.customer_id, actor=owner,
                                  new_limit=Decimal("3500000.00"), reason="业务扩大")
    return {"contract": contract, "attachment": attachment, "milestone": milestone,
            "problem": problem, "change": change, "customer": contract.customer}
