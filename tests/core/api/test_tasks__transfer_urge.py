"""POST /api/tasks/{id}/transfer/ and /urge/, and what available_actions offers."""

from datetime import datetime

from core.audit.models import AuditEvent
from core.inbox.models import Urge

from .conftest import open_task, task_url


def _post(client, task_id, action, body=None):
    return client.post(task_url(task_id, action), body or {}, format="json")


def test_transfer_moves_the_task_when_the_holder_posts(api, submit, personas):
    task = open_task(submit())
    assert "transfer" in api("east_mgr").get("/api/tasks/?scope=inbox").json()[
        "results"][0]["available_actions"]

    response = _post(api("east_mgr"), task.pk, "transfer",
                     {"assignee": "south_mgr", "reason": "出差"})

    assert response.status_code == 200, response.json()
    assert response.json()["assignee"]["username"] == "south_mgr"
    assert AuditEvent.objects.filter(event="demo.task_transferred").count() == 1


def test_transfer_refusals_name_the_field_or_the_reason(api, submit):
    task = open_task(submit())
    client = api("east_mgr")

    missing = _post(client, task.pk, "transfer", {"assignee": "south_mgr"})
    assert missing.status_code == 400 and "reason" in missing.json()["fields"]
    nobody = _post(client, task.pk, "transfer", {"assignee": "nobody", "reason": "x"})
    assert nobody.status_code == 400 and "assignee" in nobody.json()["fields"]
    sod = _post(client, task.pk, "transfer", {"assignee": "east_rep1", "reason": "x"})
    assert sod.status_code == 403 and sod.json()["code"] == "segregation_of_duties"
    other = _post(api("gm"), task.pk, "transfer", {"assignee": "south_mgr", "reason": "x"})
    assert other.status_code == 403 and other.json()["code"] == "not_your_task"
    stranger = _post(api("east_rep2"), task.pk, "transfer",
                     {"assignee": "south_mgr", "reason": "x"})
    assert stranger.status_code == 404
    assert not AuditEvent.objects.filter(event="demo.task_transferred").exists()


def test_urge_once_then_409_with_the_next_allowed_time(api, submit):
    task = open_task(submit())
    client = api("east_rep1")
    listed = client.get("/api/tasks/?scope=inbox")  # the submitter holds nothing
    assert listed.status_code == 200

    first = _post(client, task.pk, "urge", {"comment": "客户在等"})
    assert first.status_code == 200, first.json()
    body = first.json()
    assert body["task"] == task.pk
    assert [p["username"] for p in body["recipients"]] == ["east_mgr"]
    assert body["next_urge_at"]

    again = _post(client, task.pk, "urge")
    assert again.status_code == 409
    assert again.json()["code"] == "urge_too_soon"
    assert "Retry-After" not in again
    (told,) = again.json()["fields"]["next_urge_at"]
    assert datetime.fromisoformat(told) == datetime.fromisoformat(body["next_urge_at"])
    assert Urge.objects.count() == 1


def test_request_detail_offers_the_submitter_an_urge_and_counts_urges(api, submit):
    req = submit()
    task = open_task(req)
    client = api("east_rep1")
    url = f"/api/requests/{req.kind}/{req.object_id}/"

    detail = client.get(url).json()
    assert [t["id"] for t in detail["open_tasks"]] == [task.pk]
    assert detail["open_tasks"][0]["available_actions"] == ["urge", "copy"]
    assert detail["urge_count"] == 0
    _post(client, task.pk, "urge")
    assert client.get(url).json()["urge_count"] == 1
    holder = api("east_mgr").get(url).json()["open_tasks"][0]["available_actions"]
    assert "transfer" in holder and "urge" not in holder


def test_urge_refused_for_the_holder_and_hidden_from_strangers(api, submit):
    task = open_task(submit())
    assert _post(api("east_mgr"), task.pk, "urge").status_code == 403
    assert _post(api("east_rep2"), task.pk, "urge").status_code == 404
    assert _post(api("auditor"), task.pk, "urge").status_code == 403


def test_add_signer_before_me_through_the_api(api, submit, personas):
    req = submit()
    task = open_task(req)
    response = _post(api("east_mgr"), task.pk, "add-signer", {
        "signers": ["legal"], "position": "before", "reason": "法务确认", "sla_hours": "8"})
    assert response.status_code == 200, response.json()
    assert response.json()["decision"] == "deferred"
    added = open_task(req)
    assert added.assignee == personas["legal"]
    row = api("legal").get("/api/tasks/?scope=inbox").json()["results"][0]
    assert row["id"] == added.pk and row["step"] == "added_signer"
    assert _post(api("legal"), added.pk, "approve").status_code == 200
    assert open_task(req).assignee == personas["east_mgr"]


def test_add_signer_refusals(api, submit):
    task = open_task(submit())
    client = api("east_mgr")
    bad = _post(client, task.pk, "add-signer", {"signers": [], "position": "sideways"})
    assert bad.status_code == 400
    assert {"signers", "position", "reason"} <= set(bad.json()["fields"])
    sod = _post(client, task.pk, "add-signer",
                {"signers": ["east_rep1"], "position": "after", "reason": "x"})
    assert sod.status_code == 403 and sod.json()["code"] == "segregation_of_duties"
    assert "signers" in sod.json()["fields"]
    other = _post(api("gm"), task.pk, "add-signer",
                  {"signers": ["legal"], "position": "after", "reason": "x"})
    assert other.status_code == 403
