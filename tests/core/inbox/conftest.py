from decimal import Decimal

import pytest

from core.inbox.models import Request
from core.org.models import Role, RoleAssignment
from workflows.demo.services import demo_submit


@pytest.fixture
def submit(personas):
    """submit("east_rep1", "800") -> the demo request header (core.inbox.models.Request)."""

    def run(username: str = "east_rep1", amount: str = "800.00", title: str = "客户拜访交通费"):
        obj = demo_submit(actor=personas[username], title=title, amount=Decimal(amount))
        return Request.objects.get(kind="demo", object_id=obj.pk)

    return run


@pytest.fixture
def east_queue(personas):
    """A second regional manager for east: the line-manager step stays with east_mgr, but a
    'regional_manager' step now has two candidates and becomes a queue (see queue_matrix)."""
    from core.org.models import User

    second = User.objects.create_user(
        username="east_mgr2", display_name="East deputy manager", email="east_mgr2@example.com",
        region=personas["east_mgr"].region, manager=personas["gm"],
        department=personas["east_mgr"].department,
    )
    RoleAssignment.objects.create(user=second, role=Role.REGIONAL_MANAGER,
                                  region=personas["east_mgr"].region)
    return second


@pytest.fixture
def queue_matrix(personas, east_queue):
    """Kind 'demo' routed to the east regional managers (east_mgr, east_mgr2) as one queue step,
    then the sales GM from 10,000."""
    from core.authority.models import AuthorityBand, AuthorityMatrix

    AuthorityMatrix.objects.filter(kind="demo").delete()
    matrix = AuthorityMatrix.objects.create(kind="demo", category="", region=None)
    AuthorityBand.objects.create(matrix=matrix, min_amount=Decimal("0"),
                                 max_amount=Decimal("10000"), steps=[Role.REGIONAL_MANAGER])
    AuthorityBand.objects.create(matrix=matrix, min_amount=Decimal("10000"), max_amount=None,
                                 steps=[Role.REGIONAL_MANAGER, Role.SALES_GM])
    return matrix
