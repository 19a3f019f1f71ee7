from core.inbox.models import RequestStatus, WorkItem, WorkItemStatus

from .conftest import open_task, request_url, task_url


def test_withdraw_closes_the_request_when_submitter_withdraws(api, submit):
    req = submit("east_rep1")
    task = open_task(req)

    response = api("east_rep1").post(request_url(req, "withdraw"), {"reason": "不需要了"},
                                     format="json")

    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert response.json()["history"][-1]["event"] == "demo.withdrawn"
    assert response.json()["history"][-1]["comment"] == "不需要了"
    assert WorkItem.objects.get(pk=task.pk).status == WorkItemStatus.CANCELLED
    assert api("east_mgr").get("/api/tasks/").json()["count"] == 0


def test_409_state_conflict_when_withdrawing_twice(api, submit):
    req = submit("east_rep1")
    client = api("east_rep1")
    assert client.post(request_url(req, "withdraw"), {}, format="json").status_code == 200

    response = client.post(request_url(req, "withdraw"), {}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"


def test_403_when_an_approver_who_sees_it_withdraws(api, submit):
    req = submit("east_rep1")

    response = api("east_mgr").post(request_url(req, "withdraw"), {}, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW


def test_404_when_someone_who_cannot_see_it_withdraws(api, submit):
    req = submit("east_rep1")

    response = api("east_rep2").post(request_url(req, "withdraw"), {}, format="json")

    assert response.status_code == 404
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW


def test_resubmit_restarts_the_chain_when_request_was_returned(api, submit):
    req = submit("east_rep1")
    api("east_mgr").post(task_url(open_task(req).pk, "return"), {"reason": "补票"}, format="json")

    response = api("east_rep1").post(request_url(req, "resubmit"), {"comment": "已补"},
                                     format="json")

    assert response.status_code == 200
    assert response.json()["status"] == "in_review"
    assert response.json()["history"][-1]["event"] == "demo.resubmitted"
    assert open_task(req).assignee.username == "east_mgr"


def test_409_when_resubmitting_a_request_that_was_not_returned(api, submit):
    req = submit("east_rep1")

    response = api("east_rep1").post(request_url(req, "resubmit"), {}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"


def test_403_when_someone_else_resubmits(api, submit):
    req = submit("east_rep1")
    api("east_mgr").post(task_url(open_task(req).pk, "return"), {"reason": "补票"}, format="json")

    response = api("east_mgr").post(request_url(req, "resubmit"), {}, format="json")

    assert response.status_code == 403
