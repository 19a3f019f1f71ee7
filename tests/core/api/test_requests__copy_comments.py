"""抄送 and comments with @mentions in the API: /api/requests/{kind}/{id}/copy/ and
/comments/, /api/tasks/{id}/copy/, /api/copied/."""

from core.audit.models import AuditEvent
from core.inbox.models import CarbonCopy, Notification

from .conftest import open_task, request_url, task_url


def test_submitter_copies_finance_who_then_reads_the_request_but_may_not_decide(api, submit):
    req = submit()
    finance = api("finance")
    assert finance.get(request_url(req)).status_code == 404

    response = api("east_rep1").post(request_url(req, "copy"),
                                     {"people": ["finance"], "comment": "供参考"}, format="json")

    assert response.status_code == 200, response.json()
    assert [p["username"] for p in response.json()["copied_to"]] == ["finance"]
    assert AuditEvent.objects.filter(event="demo.copied").count() == 1
    detail = finance.get(request_url(req))
    assert detail.status_code == 200
    assert all(t["available_actions"] == [] for t in detail.json()["open_tasks"])
    approve = finance.post(task_url(open_task(req).pk, "approve"), {}, format="json")
    assert approve.status_code in (403, 404)
    assert open_task(req).status == "open"

    listed = finance.get("/api/copied/").json()["results"]
    assert [(r["request_id"], r["unread"]) for r in listed] == [(req.pk, True)]
    assert listed[0]["added_by"]["username"] == "east_rep1"
    assert finance.post("/api/copied/read/", {}, format="json").json() == {"marked": 1}
    assert finance.get("/api/copied/").json()["results"][0]["unread"] is False


def test_copy_refusals(api, submit):
    req = submit()
    nobody = api("east_rep1").post(request_url(req, "copy"), {"people": ["nobody"]},
                                   format="json")
    assert nobody.status_code == 400 and "people.0" in nobody.json()["fields"]
    empty = api("east_rep1").post(request_url(req, "copy"), {"people": []}, format="json")
    assert empty.status_code == 400 and "people" in empty.json()["fields"]
    stranger = api("south_rep1").post(request_url(req, "copy"), {"people": ["finance"]},
                                      format="json")
    assert stranger.status_code == 404
    assert not CarbonCopy.objects.exists()


def test_the_holder_copies_from_the_task_and_available_actions_offer_it(api, submit):
    req = submit()
    task = open_task(req)
    row = api("east_mgr").get("/api/tasks/?scope=inbox").json()["results"][0]
    assert "copy" in row["available_actions"]

    response = api("east_mgr").post(task_url(task.pk, "copy"), {"people": ["legal"]},
                                    format="json")

    assert response.status_code == 200, response.json()
    assert CarbonCopy.objects.filter(request=req, person__username="legal",
                                     added_by__username="east_mgr").exists()


def test_comment_with_a_mention_notifies_and_a_blind_mention_is_refused_naming_them(
    api, submit, django_capture_on_commit_callbacks
):
    req = submit()
    client = api("east_rep1")

    refused = client.post(request_url(req, "comments"), {"comment": "@finance 看一下"},
                          format="json")
    assert refused.status_code == 400
    body = refused.json()
    assert body["code"] == "invalid" and "@finance" in body["detail"]
    assert "comment" in body["fields"]
    assert not AuditEvent.objects.filter(event="demo.commented").exists()

    with django_capture_on_commit_callbacks(execute=True):
        ok = client.post(request_url(req, "comments"), {"comment": "@east_mgr 请尽快"},
                         format="json")
    assert ok.status_code == 200, ok.json()
    assert Notification.objects.filter(recipient__username="east_mgr", kind="mentioned").exists()
    assert AuditEvent.objects.filter(event="demo.commented").count() == 1

    empty = client.post(request_url(req, "comments"), {"comment": ""}, format="json")
    assert empty.status_code == 400 and "comment" in empty.json()["fields"]


def test_a_copied_person_comments_through_the_api(api, submit):
    req = submit()
    api("east_rep1").post(request_url(req, "copy"), {"people": ["finance"]}, format="json")
    response = api("finance").post(request_url(req, "comments"), {"comment": "已阅"},
                                   format="json")
    assert response.status_code == 200, response.json()
