"""The API's return takes where the resubmission goes (`resubmit_to`, issue 18): straight back
to the returner's step, or the whole route again; an unknown value is a 400 naming the field."""

import pytest

from core.inbox import services
from core.inbox.models import Request, WorkItem

from .conftest import open_task, task_url

pytestmark = pytest.mark.django_db


def test_resubmission_comes_back_to_the_gm_when_the_gm_asked_for_it(api, submit, personas):
    req = submit("east_rep1", "15000.00")
    api("east_mgr").post(task_url(open_task(req).pk, "approve"), {}, format="json")

    response = api("gm").post(task_url(open_task(req).pk, "return"),
                              {"reason": "补充说明", "resubmit_to": "returner"}, format="json")

    assert response.status_code == 200
    assert Request.objects.get(pk=req.pk).resume_step == "sales_gm"
    services.request_resubmit(request_id=req.pk, actor=personas["east_rep1"])
    back = open_task(req)
    assert (back.step_code, back.assignee.username) == ("sales_gm", "gm")


def test_400_naming_resubmit_to_when_the_value_is_unknown(api, submit):
    req = submit("east_rep1", "800.00")
    task = open_task(req)

    response = api("east_mgr").post(task_url(task.pk, "return"),
                                    {"reason": "x", "resubmit_to": "elsewhere"}, format="json")

    assert response.status_code == 400
    assert "resubmit_to" in response.json()["fields"]
    assert WorkItem.objects.get(pk=task.pk).status == "open"
