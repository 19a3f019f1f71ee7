"""抄送 races on PostgreSQL: real threads, real commits."""

import pytest

from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError
from core.inbox import copies
from core.inbox.models import CarbonCopy

from .helpers import open_item, run_together, verify_in_own_connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def test_one_copy_when_the_submitter_and_the_holder_copy_the_same_person_at_once(
    submit, personas
):
    req = submit()
    open_item(req)
    finance = personas["finance"]

    outcomes = run_together([
        lambda: copies.request_copy(request_id=req.pk, actor=personas["east_rep1"],
                                    people=[finance]),
        lambda: copies.request_copy(request_id=req.pk, actor=personas["east_mgr"],
                                    people=[finance]),
    ])

    won = [o for o in outcomes if isinstance(o, list)]
    refused = [o for o in outcomes if not isinstance(o, list)]
    assert len(won) == 1, outcomes
    assert len(refused) == 1 and isinstance(refused[0], InvalidInputError), refused
    assert CarbonCopy.objects.filter(request=req, person=finance).count() == 1
    assert AuditEvent.objects.filter(event="demo.copied").count() == 1
    assert verify_in_own_connection().ok
