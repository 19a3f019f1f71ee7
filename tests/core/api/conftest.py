from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from core.inbox.models import Request, WorkItem, WorkItemStatus
from core.org.models import Role, RoleAssignment, User
from workflows.demo.services import demo_submit


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
def submit(personas):
    """submit("east_rep1", "5000") -> the demo request's header (core.inbox.models.Request)."""

    def run(username: str = "east_rep1", amount: str = "800.00", title: str = "客户拜访交通费"):
        obj = demo_submit(actor=personas[username], title=title, amount=Decimal(amount))
        return Request.objects.get(kind="demo", object_id=obj.pk)

    return run


def open_task(req: Request) -> WorkItem:
    return WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)


@pytest.fixture
def second_sales_gm(personas):
    """Make the sales-GM step a queue: marketing holds the role too, so gm and marketing are both
    candidates and nobody is assigned until one of them claims it."""
    RoleAssignment.objects.create(user=personas["marketing"], role=Role.SALES_GM)
    return personas["marketing"]


def task_url(task_id: int, action: str = "") -> str:
    return f"/api/tasks/{task_id}/{action + '/' if action else ''}"


def request_url(req: Request, action: str = "") -> str:
    return f"/api/requests/{req.kind}/{req.object_id}/{action + '/' if action else ''}"
