"""/api/me/out-of-office/: set, list and cancel one's own out-of-office (自助代理)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.audit.models import AuditEvent
from core.inbox.models import WorkItem, WorkItemStatus
from core.org.models import Delegation

pytestmark = pytest.mark.django_db

URL = "/api/me/out-of-office/"


def body(personas, deputy="north_mgr", start=0, end=2, **extra):
    today = timezone.localdate()
    return {"deputy": personas[deputy].username if deputy in personas else deputy,
            "starts_on": (today + timedelta(days=start)).isoformat(),
            "ends_on": (today + timedelta(days=end)).isoformat(), **extra}


def test_set_list_and_cancel(api, personas):
    me = api("east_mgr")
    response = me.post(URL, body(personas, kinds=["demo"], reason="年假"), format="json")
    assert response.status_code == 201, response.json()
    row = response.json()
    assert row["deputy"]["name"] == "刘洋" and row["kinds"] == ["demo"]
    assert AuditEvent.objects.filter(event="org.out_of_office_set").count() == 1

    assert [r["id"] for r in me.get(URL).json()] == [row["id"]]
    assert api("north_mgr").get(URL).json() == []  # only one's own

    assert api("north_mgr").delete(f"{URL}{row['id']}/").status_code == 404
    assert me.delete(f"{URL}{row['id']}/").status_code == 204
    assert not Delegation.objects.exists()
    assert AuditEvent.objects.filter(event="org.out_of_office_cancelled").count() == 1
    assert me.delete(f"{URL}{2**70}/").status_code == 404


@pytest.mark.parametrize(("case", "field"), [
    ("self", "deputy"), ("auditor", "deputy"), ("overlap", "starts_on"), ("cycle", "deputy"),
    ("unknown_kind", "kinds"), ("order", "ends_on"), ("nobody", "deputy"),
])
def test_refusals_are_400_with_the_field_named(api, personas, case, field):
    if case == "overlap":
        api("east_mgr").post(URL, body(personas, deputy="south_mgr"), format="json")
    if case == "cycle":
        api("north_mgr").post(URL, body(personas, deputy="east_mgr"), format="json")
    data = {
        "self": body(personas, deputy="east_mgr"),
        "auditor": body(personas, deputy="auditor"),
        "unknown_kind": body(personas, kinds=["no_such_process"]),
        "order": body(personas, start=3, end=1),
        "nobody": body(personas, deputy="no.such.user"),
    }.get(case, body(personas))
    before = (Delegation.objects.count(), AuditEvent.objects.count())
    response = api("east_mgr").post(URL, data, format="json")
    assert response.status_code == 400, response.json()
    payload = response.json()
    assert payload["code"] == "invalid" and field in payload["fields"], payload
    assert (Delegation.objects.count(), AuditEvent.objects.count()) == before


def test_the_deputy_sees_the_principal_s_new_task_acting_for_them(api, personas, submit):
    api("east_mgr").post(URL, body(personas), format="json")
    req = submit()
    task = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    rows = api("north_mgr").get("/api/tasks/").json()
    rows = rows.get("results", rows)
    mine = [r for r in rows if r["id"] == task.pk]
    assert mine and mine[0]["acting_for"]["name"] == "张伟", mine


def test_anonymous_refused(api):
    assert api(None).get(URL).status_code in (401, 403)
