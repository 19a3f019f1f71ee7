from core.audit.models import AuditEvent
from core.inbox.models import IdempotencyRecord, WorkItem

from .conftest import open_task, request_url, task_url


def _post(client, url, body=None, key=None):
    extra = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return client.post(url, body or {}, format="json", **extra)


def test_same_key_replays_the_first_response_when_approving_twice(api, submit):
    req = submit("east_rep1", "15000.00")
    task = open_task(req)
    client = api("east_mgr")

    first = _post(client, task_url(task.pk, "approve"), {"comment": "ok"}, key="k-approve-1")
    second = _post(client, task_url(task.pk, "approve"), {"comment": "ok"}, key="k-approve-1")

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert AuditEvent.objects.filter(event="demo.step_approved").count() == 1
    assert WorkItem.objects.filter(request=req, decision="approved").count() == 1
    # without the key the repeat is a real second attempt, refused as already decided
    assert _post(client, task_url(task.pk, "approve")).status_code == 409


def test_same_key_replays_a_refusal_when_the_first_answer_was_4xx(api, submit):
    task = open_task(submit("east_rep1"))
    client = api("east_mgr")

    first = _post(client, task_url(task.pk, "reject"), {}, key="k-reject")
    second = _post(client, task_url(task.pk, "reject"), {"reason": "now with reason"},
                   key="k-reject")

    assert first.status_code == second.status_code == 400
    assert first.json() == second.json()
    assert WorkItem.objects.get(pk=task.pk).status == "open"


def test_same_key_replays_success_when_withdrawing_twice(api, submit):
    req = submit("east_rep1")
    client = api("east_rep1")

    first = _post(client, request_url(req, "withdraw"), key="k-withdraw")
    second = _post(client, request_url(req, "withdraw"), key="k-withdraw")

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert AuditEvent.objects.filter(event="demo.withdrawn").count() == 1


def test_422_when_a_key_is_reused_on_another_path(api, submit):
    first = open_task(submit("east_rep1"))
    other = open_task(submit("east_rep2"))
    client = api("east_mgr")
    assert _post(client, task_url(first.pk, "approve"), key="k-shared").status_code == 200

    response = _post(client, task_url(other.pk, "approve"), key="k-shared")

    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert WorkItem.objects.get(pk=other.pk).status == "open"


def test_keys_are_per_user_when_two_users_send_the_same_key(api, submit):
    mine = open_task(submit("east_rep1"))
    theirs = open_task(submit("south_rep1"))

    a = _post(api("east_mgr"), task_url(mine.pk, "approve"), key="same")
    b = _post(api("south_mgr"), task_url(theirs.pk, "approve"), key="same")

    assert a.status_code == b.status_code == 200
    assert IdempotencyRecord.objects.filter(key="same").count() == 2


def test_409_in_progress_when_the_first_request_with_the_key_is_unfinished(api, submit, personas):
    task = open_task(submit("east_rep1"))
    url = task_url(task.pk, "approve")
    IdempotencyRecord.objects.create(user=personas["east_mgr"], key="busy", method="POST",
                                     path=url, status_code=0)

    response = _post(api("east_mgr"), url, key="busy")

    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_in_progress"
    assert WorkItem.objects.get(pk=task.pk).status == "open"


def test_400_when_the_key_is_malformed(api, submit):
    task = open_task(submit("east_rep1"))

    for key in ("", "x" * 101, "has space"):
        response = _post(api("east_mgr"), task_url(task.pk, "approve"), key=key)
        assert response.status_code == 400, key
    assert WorkItem.objects.get(pk=task.pk).status == "open"


def test_bulk_approve_replays_when_key_repeats(api, submit):
    ids = [open_task(submit("east_rep1")).pk, open_task(submit("east_rep2")).pk]
    client = api("east_mgr")

    first = _post(client, "/api/tasks/bulk-approve/", {"ids": ids}, key="bulk-1")
    second = _post(client, "/api/tasks/bulk-approve/", {"ids": ids}, key="bulk-1")

    assert first.json() == second.json()
    assert [r["ok"] for r in second.json()["results"]] == [True, True]
