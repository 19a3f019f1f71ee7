"""Where the generic inbox services meet the parallel regional confirmations."""

import pytest

from core.inbox import services as inbox

from .conftest import MANAGERS, confirmation, request_of

pytestmark = pytest.mark.django_db


def test_request_still_waits_on_every_open_region_when_one_task_is_reassigned(personas,
                                                                              submitted):
    plan = submitted()
    inbox.task_reassign(task_id=confirmation(plan, "east").pk, actor=personas["admin"],
                        assignee=personas["ceo"], reason="张伟休假")

    waiting = set(request_of(plan).waiting_on_ids)
    assert waiting == {personas["ceo"].pk, personas[MANAGERS["south"]].pk,
                       personas[MANAGERS["north"]].pk}


def test_confirmation_offers_no_reject_when_listed_or_shown(personas, submitted, client):
    from rest_framework.test import APIClient

    plan = submitted()
    task = confirmation(plan, "east")
    api = APIClient()
    api.force_authenticate(personas[MANAGERS["east"]])
    rows = api.get("/api/tasks/?scope=inbox").json()["results"]
    (row,) = [r for r in rows if r["id"] == task.pk]
    assert "reject" not in row["available_actions"]
    assert {"approve", "return"} <= set(row["available_actions"])

    client.force_login(personas[MANAGERS["east"]])
    page = client.get(f"/inbox/tasks/{task.pk}/").content.decode()
    assert f"/inbox/tasks/{task.pk}/reject/" not in page
