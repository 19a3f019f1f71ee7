"""The statistics aggregate in the database: the number of queries does not grow with the
number of contracts, milestones or tasks."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.org.models import User
from workflows.contracts.models import Milestone
from workflows.contracts.services import milestone_add, milestone_done

from .conftest import at, figures, submit, through

pytestmark = pytest.mark.django_db


def _queries(user) -> int:
    user = User.objects.get(pk=user.pk)  # nothing cached on the object from an earlier call
    with CaptureQueriesContext(connection) as ctx:
        figures(user, 2025, today=date(2025, 9, 1))
    return len(ctx.captured_queries)


def _signed_with_collections(personas, customer, day: int):
    c = through(personas, submit(personas, customer, "200000.00", at(2025, 3, day)),
                at(2025, 3, day))
    for due in (date(2025, 5, 1), date(2025, 6, 1)):
        m = milestone_add(contract_id=c.pk, actor=personas["east_rep1"],
                          kind=Milestone.Kind.COLLECTION, amount=Decimal("100000"), due_date=due)
        milestone_done(milestone_id=m.pk, actor=personas["finance"], done_date=due)


@pytest.mark.parametrize("who", ["gm", "east_mgr", "east_rep1", "marketing"])
def test_query_count_constant_when_contracts_multiply(personas, east, who):
    _signed_with_collections(personas, east, 2)
    few = _queries(personas[who])
    for day in range(3, 9):
        _signed_with_collections(personas, east, day)
    submit(personas, east, "50000.00", at(2025, 4, 1))
    assert _queries(personas[who]) == few
    assert few <= 15  # visibility look-ups (roles, delegations, reports) + 9 figures
