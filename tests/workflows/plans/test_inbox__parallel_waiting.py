"""Where the generic inbox services meet the parallel regional confirmations."""

import pytest

from core.inbox import services as inbox

from .conftest import MANAGERS, confirmation, request_of

pytestmark = pytest.mark.django_db


@pytest.mark.xfail(strict=True, reason="core.inbox.services.reassign_locked (and task_claim, "
                   "task_release) call engine.set_waiting with only the moved task's holder, "
                   "so a request with parallel open tasks stops showing the others' holders")
def test_request_still_waits_on_every_open_region_when_one_task_is_reassigned(personas,
                                                                              submitted):
    plan = submitted()
    inbox.task_reassign(task_id=confirmation(plan, "east").pk, actor=personas["admin"],
                        assignee=personas["east_rep1"], reason="张伟休假")

    waiting = set(request_of(plan).waiting_on_ids)
    assert waiting == {personas["east_rep1"].pk, personas[MANAGERS["south"]].pk,
                       personas[MANAGERS["north"]].pk}
