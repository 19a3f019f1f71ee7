from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from core.org.models import User
from workflows.contracts.models import Contract
from workflows.contracts.services import contract_create

from ..conftest import fresh

CUSTOMERS = "/api/contracts/customers/"
CONTRACTS = "/api/contracts/contracts/"
LIMIT_CHANGES = "/api/contracts/credit-limit-changes/"
# A valid unified social credit code for a south customer (check character computed).
SOUTH_CODE = "91440300MA5FUD8A24"


def contract_url(contract_id: int, action: str = "") -> str:
    return f"{CONTRACTS}{contract_id}/{action + '/' if action else ''}"


def customer_url(customer_id: int, action: str = "") -> str:
    return f"{CUSTOMERS}{customer_id}/{action + '/' if action else ''}"


def contract_body(customer_id: int, **overrides) -> dict:
    body = {"customer": customer_id, "title": "年度供货合同", "value": "500000.00",
            "payment_terms_days": 30, "delivery_terms": "到货后验收",
            "key_clauses": "违约金 5%"}
    body.update(overrides)
    return body


def task_for(client: APIClient, contract_id: int, step: str, scope: str = "inbox") -> dict:
    """The one open task of that step on the contract, as `client` sees it in that scope."""
    response = client.get(f"/api/tasks/?scope={scope}&kind=contract&page_size=200")
    assert response.status_code == 200, response.json()
    tasks = [t for t in response.json()["results"]
             if t["request"]["id"] == contract_id and t["step"] == step]
    assert len(tasks) == 1, response.json()
    return tasks[0]


def decide(client: APIClient, task_id: int, action: str = "approve", **body):
    return client.post(f"/api/tasks/{task_id}/{action}/", body, format="json")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def api(personas):
    """api("east_mgr") -> an APIClient logged in as that persona (api(None): anonymous).
    Each client gets its own copy of the user, so per-user caches (roles) start cold."""

    def client_for(username: str | None) -> APIClient:
        client = APIClient()
        if username is not None:
            client.force_authenticate(User.objects.get(pk=personas[username].pk))
        return client

    return client_for


@pytest.fixture
def draft(personas, customer):
    """draft("east_rep1", value="1000.00") -> a draft contract made by the service."""

    def run(owner: str = "east_rep1", *, value: str = "500000.00", terms: int = 30,
            title: str = "年度供货合同", on=None) -> Contract:
        contract = contract_create(actor=personas[owner], customer=on or customer, title=title,
                                   value=Decimal(value), payment_terms_days=terms)
        return fresh(contract)

    return run
